/** The PlantOps mark (public/icons/icon.svg) drawn inline: no request on the first screen. */
export function Logo({ className }: { className: string }) {
  return (
    <svg viewBox="0 0 512 512" aria-hidden="true" focusable="false" className={className}>
      <rect width="512" height="512" rx="96" fill="#0ea5e9" />
      <circle cx="256" cy="256" r="150" fill="none" stroke="#fff" strokeWidth="44" />
      <circle cx="256" cy="256" r="52" fill="#fff" />
    </svg>
  );
}
