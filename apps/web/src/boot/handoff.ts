import { useLayoutEffect } from 'react';

/*
 * The build puts a static copy of the sign-in page (and a blank frame for a stored session) into
 * index.html (build/prerender.ts, decision 0014), so the page paints before any script arrives. The
 * first React screen takes over from it here: in a layout effect, so the copy goes away in the same
 * frame the app's page appears in (no flash, nothing moves), carrying over what was typed into it.
 */

/** What the user did in the static sign-in form before the app took over. */
export interface Carried {
  values: Record<string, string | boolean>;
  /** the form control that had focus (its place in form.elements: the markup is the app's own), and its selection */
  focus?: { index: number; start: number | null; end: number | null };
  /** the form was submitted (the inline script held the browser's own submission back) */
  submitted: boolean;
}

declare global {
  interface Window {
    /** set by the inline boot script when the static form was submitted before the app ran */
    __plantopsBootSubmit?: boolean;
  }
}

/** Removes the static copy (once); returns what had been entered into its form, if any. */
export function takeOverBoot(): Carried | null {
  const boot = document.getElementById('boot');
  const shown = document.documentElement.dataset.boot;
  delete document.documentElement.dataset.boot;
  if (!boot) return null;
  const form = boot.querySelector('form');
  let carried: Carried | null = null;
  if (form && shown !== 'frame') {
    const values: Carried['values'] = {};
    for (const el of Array.from(form.elements)) {
      if (!(el instanceof HTMLInputElement) || !el.name) continue;
      values[el.name] = el.type === 'checkbox' ? el.checked : el.value;
    }
    const active = document.activeElement;
    carried = { values, submitted: window.__plantopsBootSubmit === true };
    const index = Array.from(form.elements).findIndex((el) => el === active);
    if (index >= 0) {
      const text = active instanceof HTMLInputElement && active.type !== 'checkbox';
      carried.focus = { index, start: text ? active.selectionStart : null, end: text ? active.selectionEnd : null };
    }
  }
  window.__plantopsBootSubmit = false;
  boot.remove();
  return carried;
}

/** For a screen the app may open on first (the signed-in frame, password change, not found). */
export function useBootHandoff(): void {
  useLayoutEffect(() => {
    takeOverBoot();
  }, []);
}
