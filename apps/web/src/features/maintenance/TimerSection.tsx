import { useEffect, useState } from 'react';
import { useUser } from '../../auth/useSession';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { workOrdersApi, type TimeLog } from './maintenanceApi';
import { useWoAction } from './useWoAction';

const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** Start and stop the caller's timer; a running one ticks on screen. */
export function TimerSection({ woId, logs, totalMinutes, canRecord }: { woId: string; logs: TimeLog[]; totalMinutes: number; canRecord: boolean }) {
  const me = useUser().id;
  const running = logs.find((l) => l.running && l.userId === me);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [running]);
  const start = useWoAction(woId, () => workOrdersApi.startTimer(woId));
  const stop = useWoAction(woId, () => workOrdersApi.stopTimer(woId));
  return (
    <div className="space-y-2">
      <p className="text-sm">Logged so far: {Math.floor(totalMinutes / 60)} h {totalMinutes % 60} min</p>
      {running ? (
        <p className="text-3xl font-mono tabular-nums" role="timer" aria-label="Running timer">{clock(now - new Date(running.startTime).getTime())}</p>
      ) : null}
      {canRecord ? (
        running ? (
          <Button variant="danger" busy={stop.isPending} onClick={() => stop.mutate(undefined)}>Stop timer</Button>
        ) : (
          <Button busy={start.isPending} onClick={() => start.mutate(undefined)}>Start timer</Button>
        )
      ) : null}
      <ErrorBanner error={start.error ?? stop.error} title="The timer did not change. If a timer runs on another work order, stop it there first." />
    </div>
  );
}
