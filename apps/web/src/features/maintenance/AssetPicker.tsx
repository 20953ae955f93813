import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { equipmentApi, type Equipment } from './maintenanceApi';
import { canScan, QrScanner } from './QrScanner';

/** Finds a machine by its scanned QR code or its typed asset tag. */
export function AssetPicker({ value, onChange }: { value: Equipment | null; onChange: (e: Equipment | null) => void }) {
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const find = async (c: string) => {
    setScanning(false);
    setBusy(true);
    setError(null);
    try {
      onChange(await equipmentApi.lookup(c));
    } catch (e) {
      setError(e);
      onChange(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className="block grow text-sm font-medium">
          Asset tag
          <input className="block w-full min-h-11 rounded-md border border-slate-300 px-3 dark:border-slate-600 dark:bg-slate-900" value={code} onChange={(e) => setCode(e.target.value)} placeholder="e.g. MAIN-UTL-PMP" autoCapitalize="characters" />
        </label>
        <Button variant="secondary" busy={busy} disabled={!code.trim()} onClick={() => void find(code.trim())}>Find</Button>
        {canScan() ? <Button variant="secondary" onClick={() => setScanning(true)}>Scan QR</Button> : null}
      </div>
      {value ? <p role="status" className="text-sm">Machine: <strong>{value.assetTag}</strong> {value.name}{value.area ? ` (${value.area})` : ''}</p> : null}
      <ErrorBanner error={error} title="No machine found. Check the tag printed under the QR code." />
      <Dialog open={scanning} title="Scan the machine's QR code" onClose={() => setScanning(false)}>
        {scanning ? <QrScanner onCode={(c) => void find(c)} /> : null}
      </Dialog>
    </div>
  );
}
