import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { PageTitle } from '../../ui/Card';
import { AssetPicker } from './AssetPicker';
import { equipmentApi, type Equipment } from './maintenanceApi';
import { ErrorBanner } from '../../ui/ErrorBanner';

/** Where printed QR labels lead (/scan?code=TAG), and the scanner for everyone else. */
export function ScanPage({ code }: { code?: string | undefined }) {
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const open = (e: Equipment | null) => {
    if (e) void navigate({ to: '/equipment/$equipmentId', params: { equipmentId: e.id }, replace: true });
  };
  useEffect(() => {
    if (code) equipmentApi.lookup(code).then(open, setError);
  }, [code]);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageTitle>Find a machine</PageTitle>
      <ErrorBanner error={error} title={`No machine found for ${code ?? 'this code'}. Type the asset tag instead.`} />
      <AssetPicker value={null} onChange={open} />
    </div>
  );
}
