import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { textLink } from '../../ui/linkStyles';
import { ChecklistSection } from './ChecklistSection';
import { woKeys, workOrdersApi } from './maintenanceApi';
import { PartsSection } from './PartsSection';
import { PhotosSection } from './PhotosSection';
import { StatusActions } from './StatusActions';
import { TimerSection } from './TimerSection';
import { useWoAction } from './useWoAction';
import { PriorityBadge, StatusBadge } from './WoBadges';

/** One work order, phone first: what to do, the checklist, timer, parts, photos, and the next step. */
export function WorkOrderPage({ workOrderId }: { workOrderId: string }) {
  const q = useQuery({ queryKey: woKeys.detail(workOrderId), queryFn: () => workOrdersApi.get(workOrderId) });
  const [comment, setComment] = useState('');
  const addComment = useWoAction(workOrderId, (body: string) => workOrdersApi.comment(workOrderId, body));
  if (q.isPending) return <p>Loading the work order…</p>;
  if (!q.data) return <ErrorBanner error={q.error} title="This work order could not be loaded. It may belong to someone else or another site." />;
  const wo = q.data;
  const working = wo.status === 'IN_PROGRESS' && wo.permissions.execute;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <header className="space-y-2">
        <p className="text-sm text-slate-600 dark:text-slate-400">{wo.foNumber} · {wo.type.toLowerCase()}</p>
        <h1 className="text-2xl font-bold">{wo.title}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={wo.status} />
          <PriorityBadge priority={wo.priority} />
          {wo.dueDate ? <span className={wo.overdue ? 'text-sm font-semibold text-red-700 dark:text-red-400' : 'text-sm'}>Due {wo.dueDate}</span> : null}
        </div>
        {wo.equipment ? (
          <p className="text-sm">
            Equipment: <Link className={textLink} to="/equipment/$equipmentId" params={{ equipmentId: wo.equipment.id }}>{wo.equipment.assetTag} {wo.equipment.name}</Link>
          </p>
        ) : null}
        {wo.description ? <p className="whitespace-pre-line">{wo.description}</p> : null}
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Requested by {wo.requestedBy.name}
          {wo.assignees.length ? ` · assigned to ${wo.assignees.map((a) => a.name).join(', ')}` : ' · not assigned yet'}
        </p>
        {wo.onHoldReason ? <p className="text-sm">On hold: {wo.onHoldReason}</p> : null}
      </header>
      <StatusActions wo={wo} />
      <Card title="Checklist">
        <ChecklistSection woId={wo.id} items={wo.checklist} canRecord={working} />
      </Card>
      <Card title="Time">
        <TimerSection woId={wo.id} logs={wo.timeLogs} totalMinutes={wo.totalMinutes} canRecord={working} />
      </Card>
      <Card title="Parts">
        <PartsSection wo={wo} canRecord={working} />
      </Card>
      <Card title="Photos and files">
        <PhotosSection wo={wo} canAttach={!['CLOSED', 'CANCELLED'].includes(wo.status)} />
      </Card>
      <Card title="Comments">
        <ul className="space-y-2 text-sm">{wo.comments.map((c) => <li key={c.id}><span className="font-semibold">{c.userName}:</span> {c.body}</li>)}</ul>
        <form className="mt-3 flex gap-2" onSubmit={(e) => { e.preventDefault(); if (comment.trim()) addComment.mutate(comment.trim(), { onSuccess: () => setComment('') }); }}>
          <label className="sr-only" htmlFor="wo-comment">Comment</label>
          <input id="wo-comment" className="block w-full min-h-11 rounded-md border border-slate-300 px-3 dark:border-slate-600 dark:bg-slate-900" value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Add a comment" />
          <Button type="submit" busy={addComment.isPending}>Send</Button>
        </form>
        <ErrorBanner error={addComment.error} title="The comment was not saved." />
      </Card>
      {wo.followUps.length ? (
        <Card title="Follow-ups">
          <ul className="text-sm">{wo.followUps.map((f) => <li key={f.id}><Link className={textLink} to="/work-orders/$workOrderId" params={{ workOrderId: f.id }}>{f.foNumber} {f.title}</Link></li>)}</ul>
        </Card>
      ) : null}
      <Card title="History">
        <ol className="space-y-1 text-sm">{wo.history.map((h) => <li key={h.id}>{new Date(h.timestamp).toLocaleString()} · {h.action.replaceAll('_', ' ').toLowerCase()}{h.userName ? ` by ${h.userName}` : ''}{h.description ? `: ${h.description}` : ''}</li>)}</ol>
      </Card>
    </div>
  );
}
