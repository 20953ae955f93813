import { useCallback, useEffect } from 'react';

/**
 * The path whose page heading takes focus when it appears. A client-side navigation sets it, so a
 * screen reader or keyboard user lands on the new page's h1 (as a full page load would start at
 * the top), even when the heading renders only after the page's data has arrived.
 */
let focusFor: string | null = null;

export function focusHeadingAfterNavigation(pathname: string): void {
  focusFor = pathname;
}

/** Props for a page's h1: names the page in the tab title and takes focus after a navigation. */
export function usePageHeading(title: string) {
  useEffect(() => {
    document.title = `${title} · PlantOps`;
  }, [title]);
  const ref = useCallback((el: HTMLHeadingElement | null) => {
    if (!el || focusFor !== window.location.pathname) return;
    focusFor = null;
    el.focus();
  }, []);
  return { ref, tabIndex: -1 };
}
