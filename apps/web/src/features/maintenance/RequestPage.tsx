import type { WoPriority } from '@plantops/contracts';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/Card';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { AssetPicker } from './AssetPicker';
import { equipmentApi, workOrdersApi, type Equipment } from './maintenanceApi';

/** A requester reports a fault: the machine (scanned or typed), what is wrong, how urgent. */
export function RequestPage({ initialTag }: { initialTag?: string | undefined }) {
  const navigate = useNavigate();
  const [equipment, setEquipment] = useState<Equipment | null>(null);
  useEffect(() => {
    // Arriving from an equipment page or a scanned label: the machine is already known.
    if (initialTag) equipmentApi.lookup(initialTag).then(setEquipment, () => setEquipment(null));
  }, [initialTag]);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<WoPriority>('MEDIUM');
  const create = useMutation({
    mutationFn: () => workOrdersApi.create({ title: title.trim(), description: description.trim(), priority, ...(equipment ? { equipmentId: equipment.id } : {}) }),
    onSuccess: (wo) => navigate({ to: '/work-orders/$workOrderId', params: { workOrderId: wo.id } }),
  });
  const input = 'block w-full min-h-11 rounded-md border border-slate-300 px-3 dark:border-slate-600 dark:bg-slate-900';
  return (
    <form className="mx-auto max-w-xl space-y-4" onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
      <PageTitle>Report a problem</PageTitle>
      <AssetPicker value={equipment} onChange={setEquipment} />
      <label className="block text-sm font-medium">
        What is wrong?
        <input required maxLength={200} className={input} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Pump is leaking" />
      </label>
      <label className="block text-sm font-medium">
        Details
        <textarea className={`${input} py-2`} rows={4} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label className="block text-sm font-medium">
        How urgent?
        <select className={input} value={priority} onChange={(e) => setPriority(e.target.value as WoPriority)}>
          <option value="LOW">Low: when there is time</option>
          <option value="MEDIUM">Medium: this week</option>
          <option value="HIGH">High: today</option>
          <option value="CRITICAL">Critical: safety or production stopped</option>
        </select>
      </label>
      <ErrorBanner error={create.error} title="The request was not sent. Check the fields and try again." />
      <Button type="submit" busy={create.isPending} className="w-full">Send request</Button>
    </form>
  );
}
