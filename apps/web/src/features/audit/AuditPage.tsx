import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditLog } from '@plantops/contracts';
import { useWarehouses } from '../../api/warehouses';
import { PageTitle } from '../../ui/Card';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Pagination } from '../../ui/Pagination';
import { Table } from '../../ui/Table';
import { AuditChanges } from './AuditChanges';
import { AuditFiltersBar } from './AuditFiltersBar';
import { auditApi, emptyAuditFilters, type AuditFilters } from './auditApi';

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>(emptyAuditFilters);
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
      <PageTitle>Audit log</PageTitle>
      <AuditFiltersBar value={filters} warehouses={warehouses} onApply={setFilters} />
      <ErrorBanner error={list.error} title="The audit log could not be loaded." />
      {list.isPending ? <p>Loading…</p> : null}
      {list.data ? (
        <>
          <Table<AuditLog>
            caption="Audit log entries"
            rows={list.data.logs}
            rowKey={(l) => l.id}
            empty="No entries match these filters."
            expanded={(l) => (open.has(l.id) ? <AuditChanges before={l.beforeData} after={l.afterData} /> : null)}
            columns={[
              { header: 'When', cell: (l) => new Date(l.timestamp).toLocaleString() },
              { header: 'Action', cell: (l) => <span className="font-mono text-xs">{l.action}</span> },
              { header: 'Table', cell: (l) => l.tableName },
              { header: 'User', cell: (l) => l.userEmail ?? l.userId ?? 'system', className: 'hidden md:table-cell' },
              { header: 'Description', cell: (l) => l.description ?? '', className: 'hidden lg:table-cell' },
              {
                header: 'Details',
                cell: (l) => (
                  <button
                    type="button"
                    aria-expanded={open.has(l.id)}
                    className="rounded px-2 py-1 text-sky-700 underline hover:bg-sky-50 dark:text-sky-400 dark:hover:bg-slate-800"
                    onClick={() => toggle(l.id)}
                  >
                    {open.has(l.id) ? 'Hide' : 'Show'}
                    <span className="sr-only"> changes of {l.action} on {l.tableName}</span>
                  </button>
                ),
              },
            ]}
          />
          <Pagination label="Audit log pages" meta={list.data.pagination} onPage={(page) => setFilters((f) => ({ ...f, page }))} />
        </>
      ) : null}
    </div>
  );
}
