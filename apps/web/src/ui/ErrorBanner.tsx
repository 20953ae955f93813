import { describeError } from '../api/errors';

/** An alert that tells the user what failed and what to do next. */
export function ErrorBanner({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      {title ? <p className="font-semibold">{title}</p> : null}
      <p>{typeof error === 'string' ? error : describeError(error)}</p>
    </div>
  );
}

export function SuccessBanner({ children }: { children: string | null }) {
  if (!children) return null;
  return (
    <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200">
      {children}
    </div>
  );
}
