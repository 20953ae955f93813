import type { UseQueryResult } from '@tanstack/react-query';
import { Badge } from '../../ui/Badge';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatMoney } from '../inventory/money';
import type { Issue, Validation } from './configuratorTypes';

export function Problems({ title, issues, tone }: { title: string; issues: Issue[]; tone: 'danger' | 'warning' }) {
  return (
    <div role={tone === 'danger' ? 'alert' : 'status'} className={`rounded-md border p-3 text-sm ${tone === 'danger' ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100' : 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100'}`}>
      <p className="font-semibold">{title}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {issues.map((i) => (
          <li key={`${i.field}-${i.code}-${i.message}`} data-code={i.code} data-field={i.field}>
            {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The server's verdict on a configuration: what to fix, or the price and lead time; warnings and custom parts. */
export function ValidationSummary({ validation }: { validation: UseQueryResult<Validation> }) {
  const v = validation.data;
  return (
    <div aria-live="polite" className="space-y-3">
      {validation.isFetching ? <p className="text-sm text-slate-600 dark:text-slate-400">Checking…</p> : null}
      <ErrorBanner error={validation.error} title="The configuration could not be checked. Try again in a moment." />
      {v && !v.isValid ? <Problems title={`${v.errors.length} to fix before this sink can be built`} issues={v.errors} tone="danger" /> : null}
      {v?.isValid ? (
        <dl className="grid grid-cols-2 gap-2 text-sm">
          <dt className="text-slate-600 dark:text-slate-400">Price</dt>
          <dd data-testid="configured-price" className="text-lg font-semibold">{formatMoney(v.estimatedCost)}</dd>
          <dt className="text-slate-600 dark:text-slate-400">Lead time</dt>
          <dd data-testid="configured-lead-time">{v.estimatedLeadTime}</dd>
        </dl>
      ) : null}
      {v?.warnings.length ? <Problems title="Warnings" issues={v.warnings} tone="warning" /> : null}
      {v?.customPartsRequired.map((c) => (
        <p key={c.reason} className="text-sm">
          <Badge tone="info">Custom part</Badge> {`${c.reason} (${formatMoney(c.estimatedCost)} each${c.partNumber ? `, ${c.partNumber}` : ''})`}
        </p>
      ))}
    </div>
  );
}
