import { useState } from 'react';
import { downloadFile } from '../api/download';
import { toQuery } from '../api/types';
import { Button } from './Button';
import { ErrorBanner } from './ErrorBanner';

type Filters = Record<string, string | number | boolean | undefined | null>;

interface Props {
  /** An export endpoint taking `format` and the list's filters, e.g. /api/v1/inventory/low-stock/export. */
  path: string;
  filters: Filters;
  fileBase: string;
  /** The button's text, naming what is exported: "Export users as CSV". */
  label: string;
}

/** Downloads the list (with the filters on screen) as CSV, built by the server. */
export function ExportButton({ path, filters, fileBase, label }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run() {
    setBusy(true);
    setError(null);
    try {
      const day = new Date().toISOString().slice(0, 10);
      await downloadFile(`${path}${toQuery({ ...filters, format: 'csv' })}`, `${fileBase}-${day}.csv`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2">
      {/* The label is the visible text: a name that differs from what is seen fails voice control (WCAG 2.5.3). */}
      <Button variant="secondary" busy={busy} onClick={() => void run()}>
        {label}
      </Button>
      <ErrorBanner error={error} title="The export failed." />
    </div>
  );
}
