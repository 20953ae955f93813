import type { ReactNode } from 'react';
import { Link, type LinkProps } from '@tanstack/react-router';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { textLink } from '../../../ui/linkStyles';

/** One block of a role's home: a titled card, its content, and where to go for more. */
export function Tile({ title, children, more, error, testId }: { title: string; children: ReactNode; more?: { to: LinkProps['to']; label: string }; error?: unknown; testId: string }) {
  return (
    <section aria-labelledby={`${testId}-title`} data-testid={testId} className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <h2 id={`${testId}-title`} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      <ErrorBanner error={error} title={`${title} could not be loaded. Reload the page to try again.`} />
      <div className="flex-1 space-y-3 text-sm">{children}</div>
      {more ? (
        <p className="mt-4 text-sm">
          <Link to={more.to} className={`${textLink} font-medium`}>
            {more.label}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** A number people act on, with what it counts; linked when there is a page for it. */
export function Stat({ label, value, to, tone = 'neutral' }: { label: string; value: number | string | undefined; to?: LinkProps['to']; tone?: 'neutral' | 'alert' }) {
  const number = (
    <span className={`block text-3xl font-bold ${tone === 'alert' && value ? 'text-red-700 dark:text-red-400' : ''}`}>{value ?? '…'}</span>
  );
  return (
    <div className="min-w-0 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      {to ? (
        <Link to={to} className="block rounded hover:underline">
          {number}
          <span className="block text-slate-700 dark:text-slate-300">{label}</span>
        </Link>
      ) : (
        <>
          {number}
          <span className="block text-slate-700 dark:text-slate-300">{label}</span>
        </>
      )}
    </div>
  );
}
