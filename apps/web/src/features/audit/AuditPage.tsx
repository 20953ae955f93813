import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRouterState } from '@tanstack/react-router';
import type { AuditLog } from '@plantops/contracts';
import { useWarehouses, warehouseName } from '../../api/warehouses';
import { PageTitle } from '../../ui/Card';
import { DataTable } from '../../ui/DataTable';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { ExportButton } from '../../ui/ExportButton';
import { AuditChanges } from './AuditChanges';
import { AuditFiltersBar } from './AuditFiltersBar';
import { auditApi, auditParams, emptyAuditFilters, type AuditFilters } from './auditApi';
import { ACTIONS, auditSentence, kindLabel, RECORD_KINDS } from './auditText';

/** A link may name an action or record kind (the security alert links to `/audit?action=SECURITY_ACCOUNT_LOCKED`). */
function filtersFromLink(search: Record<string, unknown>): AuditFilters {
  const known = (v: unknown, list: Record<string, string>) => (typeof v === 'string' && v in list ? v : '');
  return { ...emptyAuditFilters, action: known(search.action, ACTIONS), tableName: known(search.tableName, RECORD_KINDS) };
}

export function AuditPage() {
  const linked = useRouterState({ select: (s) => s.location.search as Record<string, unknown> });
  const [filters, setFilters] = useState<AuditFilters>(() => filtersFromLink(linked));
  const [open, setOpen] = useState<Set<string>>(new Set());
  const warehouses = useWarehouses().data ?? [];
  const list = useQuery({ queryKey: ['audit-logs', filters], queryFn: () => auditApi.list(filters), placeholderData: keepPreviousData });

  const toggle = (id: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <PageTitle>Audit log</PageTitle>
        <ExportButton path="/api/v1/audit-logs/export" filters={auditParams(filters)} fileBase="audit-log" label="Export audit log as CSV" />
      </div>
      <AuditFiltersBar value={filters} warehouses={warehouses} onApply={setFilters} />
      <ErrorBanner error={list.error} title="The audit log could not be loaded." />
      {list.isPending ? <p>Loading…</p> : null}
      {list.data ? (
        <DataTable<AuditLog>
          caption="Audit log entries"
          rows={list.data.logs}
          rowKey={(l) => l.id}
          empty="No entries match these filters."
          tableFrom="3xl"
          expanded={(l) => (open.has(l.id) ? <AuditChanges before={l.beforeData} after={l.afterData} /> : null)}
          pagination={{ label: 'Audit log pages', meta: list.data.pagination, onPage: (page) => setFilters((f) => ({ ...f, page })) }}
          columns={[
            { header: 'What happened', primary: true, cell: (l) => <span data-testid="audit-sentence">{auditSentence(l)}</span> },
            { header: 'When', cell: (l) => new Date(l.timestamp).toLocaleString() },
            { header: 'Record kind', cell: (l) => kindLabel(l.tableName) },
            { header: 'Site', cell: (l) => (l.warehouseId ? warehouseName(warehouses, l.warehouseId) : 'All sites') },
            {
              header: 'Details',
              cell: (l) =>
                l.beforeData === null && l.afterData === null ? (
                  <span className="text-slate-600 dark:text-slate-400">None</span>
                ) : (
                  <button
                    type="button"
                    aria-expanded={open.has(l.id)}
                    className="min-h-9 rounded px-2 py-1 text-sky-700 underline hover:bg-sky-50 dark:text-sky-400 dark:hover:bg-slate-800"
                    onClick={() => toggle(l.id)}
                  >
                    {open.has(l.id) ? 'Hide' : 'Show'}
                    <span className="sr-only"> details of: {auditSentence(l)}</span>
                  </button>
                ),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
