import type { ReactNode } from 'react';

export function Card({ title, children, headingLevel = 2 }: { title?: string; children: ReactNode; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      {title ? <H className="mb-3 text-lg font-semibold">{title}</H> : null}
      {children}
    </section>
  );
}

export function PageTitle({ children }: { children: string }) {
  return <h1 className="mb-4 text-2xl font-bold tracking-tight">{children}</h1>;
}
