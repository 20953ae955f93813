import type { ReactNode } from 'react';
import { usePageHeading } from './pageHeading';

export function Card({ title, children, headingLevel = 2 }: { title?: string; children: ReactNode; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      {title ? <H className="mb-3 text-lg font-semibold">{title}</H> : null}
      {children}
    </section>
  );
}

/** The page's h1: also its tab title, and where focus lands after a navigation. */
export function PageTitle({ children }: { children: string }) {
  const heading = usePageHeading(children);
  return (
    <h1 {...heading} className="mb-4 text-2xl font-bold tracking-tight">
      {children}
    </h1>
  );
}
