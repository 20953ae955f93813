import { useSyncExternalStore } from 'react';
import { toastStore } from './toastStore';

/** The polite live region the toasts appear in; mounted once in the signed-in layout. */
export function Toaster() {
  const toasts = useSyncExternalStore(toastStore.subscribe, toastStore.get, toastStore.get);
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label="Notifications toasts"
      data-testid="toaster"
      className="pointer-events-none fixed bottom-4 left-4 z-40 flex w-[min(20rem,calc(100vw-2rem))] flex-col gap-2"
    >
      {toasts.map((t) => (
        <div
          key={t.id}
          className="pointer-events-auto rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-800"
        >
          <div className="flex items-start justify-between gap-2">
            <p className="font-semibold">{t.title}</p>
            <button
              type="button"
              aria-label="Dismiss"
              className="rounded px-1 leading-none hover:bg-slate-200 dark:hover:bg-slate-700"
              onClick={() => toastStore.dismiss(t.id)}
            >
              ×
            </button>
          </div>
          {t.message ? <p className="mt-1 text-slate-700 dark:text-slate-300">{t.message}</p> : null}
        </div>
      ))}
    </div>
  );
}
