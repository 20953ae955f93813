export type Theme = 'light' | 'dark' | 'system';

let media: MediaQueryList | null = null;
let current: Theme = 'system';

function paint(): void {
  const dark = current === 'dark' || (current === 'system' && (media?.matches ?? false));
  document.documentElement.classList.toggle('dark', dark);
}

/** Applies a theme to the document and remembers it for the next page load. */
export function applyTheme(theme: Theme): void {
  current = theme;
  if (!media && typeof matchMedia === 'function') {
    media = matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', paint);
  }
  try {
    localStorage.setItem('plantops.theme', theme);
  } catch {
    /* ignore */
  }
  paint();
}
