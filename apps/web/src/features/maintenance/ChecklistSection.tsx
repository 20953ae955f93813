import type { ChecklistStatus, CustomField } from '@plantops/contracts';
import { useState } from 'react';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { workOrdersApi, type ChecklistItem } from './maintenanceApi';
import { useWoAction } from './useWoAction';

const TONE: Record<ChecklistStatus, 'neutral' | 'success' | 'warning' | 'danger'> = { PENDING: 'neutral', DONE: 'success', SKIPPED: 'warning', ISSUE: 'danger' };

function FieldInput({ f, value, onChange }: { f: CustomField; value: unknown; onChange: (v: unknown) => void }) {
  const label = `${f.label}${f.unit ? ` (${f.unit})` : ''}${f.required ? ' *' : ''}`;
  const cls = 'block w-full min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900';
  if (f.type === 'boolean') {
    return (
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" className="size-5" checked={value === true} onChange={(e) => onChange(e.target.checked)} /> {label}
      </label>
    );
  }
  if (f.type === 'select') {
    return (
      <label className="block text-sm">
        {label}
        <select className={cls} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">Choose…</option>
          {f.options?.map((o) => <option key={o}>{o}</option>)}
        </select>
      </label>
    );
  }
  return (
    <label className="block text-sm">
      {label}
      <input
        className={cls}
        type={f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text'}
        inputMode={f.type === 'number' ? 'decimal' : undefined}
        value={value === null || value === undefined ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? null : f.type === 'number' ? Number(e.target.value) : e.target.value)}
      />
    </label>
  );
}

function Item({ woId, item, canRecord }: { woId: string; item: ChecklistItem; canRecord: boolean }) {
  const [data, setData] = useState<Record<string, unknown>>(item.customFieldData);
  const [notes, setNotes] = useState(item.notes ?? '');
  const [askIssue, setAskIssue] = useState(false);
  const record = useWoAction(woId, (status: ChecklistStatus) =>
    workOrdersApi.recordItem(woId, item.id, { status, notes: notes || null, ...(item.customFields.length ? { customFieldData: data } : {}) }),
  );
  const name = `${item.component}: ${item.action}`;
  return (
    <li className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700" data-testid="checklist-item" data-status={item.status}>
      <div className="flex items-start justify-between gap-2">
        <p>
          <span className="font-semibold">{item.component}</span> — {item.action}
        </p>
        <Badge tone={TONE[item.status]}>{item.status.toLowerCase()}</Badge>
      </div>
      {item.followUpWorkOrderId ? <p className="text-sm">A follow-up work order was opened for this issue.</p> : null}
      {canRecord && item.customFields.length ? (
        <div className="grid gap-2 sm:grid-cols-2">
          {item.customFields.map((f) => <FieldInput key={f.key} f={f} value={data[f.key]} onChange={(v) => setData((d) => ({ ...d, [f.key]: v }))} />)}
        </div>
      ) : null}
      {canRecord && (askIssue || item.status === 'ISSUE') ? (
        <label className="block text-sm">
          What is wrong? (opens a follow-up work order)
          <textarea className="block w-full rounded-md border border-slate-300 p-2 dark:border-slate-600 dark:bg-slate-900" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
      ) : null}
      {canRecord ? (
        <div className="flex flex-wrap gap-2">
          <Button aria-label={`Done: ${name}`} busy={record.isPending && record.variables === 'DONE'} onClick={() => record.mutate('DONE')}>Done</Button>
          <Button variant="secondary" aria-label={`Skip: ${name}`} onClick={() => record.mutate('SKIPPED')}>Skip</Button>
          <Button variant="danger" aria-label={`Issue: ${name}`} onClick={() => (askIssue && notes ? record.mutate('ISSUE') : setAskIssue(true))}>
            {askIssue ? 'Report issue' : 'Issue'}
          </Button>
        </div>
      ) : null}
      <ErrorBanner error={record.error} title="The item was not saved. Check the values and try again." />
    </li>
  );
}

/** The checklist, one tap per item; values typed into an item's fields travel with the tap. */
export function ChecklistSection({ woId, items, canRecord }: { woId: string; items: ChecklistItem[]; canRecord: boolean }) {
  if (!items.length) return <p className="text-sm text-slate-600 dark:text-slate-400">No checklist on this work order.</p>;
  return <ol className="space-y-3">{items.map((i) => <Item key={`${i.id}-${i.status}`} woId={woId} item={i} canRecord={canRecord} />)}</ol>;
}
