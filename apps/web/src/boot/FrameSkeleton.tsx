/**
 * The signed-in frame before it has its data (app/Layout.tsx): the header's bar, 61 px like the
 * header itself (a 44 px button, 8 px padding, 1 px border), and nothing else. It holds no text or
 * image on purpose: it is shown instead of the static sign-in page to someone with a stored session,
 * and is not content (the header, the menu and the page come with the app).
 */
export function FrameSkeleton({ id }: { id: string }) {
  return (
    <div id={id} aria-hidden="true" className="min-h-dvh">
      <div className="h-[61px] border-b border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900" />
    </div>
  );
}
