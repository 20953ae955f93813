import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { requestBlob } from '../../api/client';
import { downloadFile } from '../../api/download';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { textLink } from '../../ui/linkStyles';
import { equipmentApi, equipmentKeys } from './maintenanceApi';
import { StatusBadge } from './WoBadges';

/** The QR image comes with the session token, so it is fetched and shown from memory. */
function QrImage({ id, tag }: { id: string; tag: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    requestBlob(equipmentApi.qrUrl(id)).then((b) => setSrc((url = URL.createObjectURL(b)))).catch(() => setSrc(null));
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [id]);
  return src ? <img src={src} alt={`QR code for ${tag}`} className="size-40 bg-white p-1" /> : <div className="size-40 animate-pulse bg-slate-200 dark:bg-slate-800" />;
}

const hours = (h: number | null) => (h === null ? 'no failures' : `${h} h`);

export function EquipmentPage({ equipmentId }: { equipmentId: string }) {
  const q = useQuery({ queryKey: equipmentKeys.detail(equipmentId), queryFn: () => equipmentApi.get(equipmentId) });
  const print = useMutation({ mutationFn: (tag: string) => downloadFile(equipmentApi.labelsUrl([equipmentId]), `label-${tag}.pdf`) });
  if (q.isPending) return <p>Loading the equipment…</p>;
  if (!q.data) return <ErrorBanner error={q.error} title="This equipment could not be loaded. Check the tag, or it may belong to another site." />;
  const e = q.data;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <nav aria-label="Equipment path" className="text-sm">
        <Link className={textLink} to="/equipment">Equipment</Link>
        {e.parentPath.map((p) => <span key={p.id}> / <Link className={textLink} to="/equipment/$equipmentId" params={{ equipmentId: p.id }}>{p.assetTag}</Link></span>)}
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">{e.assetTag} {e.name}</h1>
          <p className="text-sm">{[e.manufacturer, e.model, e.serialNumber && `S/N ${e.serialNumber}`, e.area].filter(Boolean).join(' · ')}</p>
          <p className="text-sm">Status {e.status.toLowerCase()} · criticality {e.criticality.toLowerCase()}{e.warrantyExpiry ? ` · warranty until ${e.warrantyExpiry}` : ''}</p>
          <Link className={`${textLink} inline-flex min-h-11 items-center`} to="/work-orders/new" search={{ equipment: e.assetTag }}>Report a problem with this machine</Link>
        </div>
        <div className="space-y-2">
          <QrImage id={e.id} tag={e.assetTag} />
          <Button variant="secondary" busy={print.isPending} onClick={() => print.mutate(e.assetTag)}>Print QR label</Button>
          <ErrorBanner error={print.error} title="The label could not be made. Try again." />
        </div>
      </header>
      <Card title="Open work orders">
        {e.openWorkOrders.length ? (
          <ul className="space-y-2">
            {e.openWorkOrders.map((w) => <li key={w.id} className="flex flex-wrap items-center gap-2"><Link className={textLink} to="/work-orders/$workOrderId" params={{ workOrderId: w.id }}>{w.foNumber} {w.title}</Link><StatusBadge status={w.status} /></li>)}
          </ul>
        ) : <p className="text-sm">No open work orders.</p>}
      </Card>
      <Card title="Reliability (last 90 days)">
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          <div><dt className="font-semibold" title={e.kpis.formulas.mtbf}>MTBF</dt><dd>{hours(e.kpis.mtbfHours)}</dd></div>
          <div><dt className="font-semibold" title={e.kpis.formulas.mttr}>MTTR</dt><dd>{hours(e.kpis.mttrHours)}</dd></div>
          <div><dt className="font-semibold" title={e.kpis.formulas.availability}>Availability</dt><dd>{(e.kpis.availability * 100).toFixed(1)} %</dd></div>
          <div><dt className="font-semibold">Last / next PM</dt><dd>{e.lastPm?.completedAt.slice(0, 10) ?? 'none'} / {e.nextPm?.dueDate ?? e.nextPm?.foNumber ?? 'none'}</dd></div>
        </dl>
      </Card>
    </div>
  );
}
