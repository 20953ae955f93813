import type { Pagination as Meta } from '@plantops/contracts';
import { Button } from './Button';

export function Pagination({ meta, onPage, label }: { meta: Meta | undefined; onPage: (page: number) => void; label: string }) {
  if (!meta) return null;
  const pages = Math.max(meta.totalPages, 1);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <p aria-live="polite">
        Page {meta.currentPage} of {pages} · {meta.totalItems} total
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" disabled={!meta.hasPreviousPage} onClick={() => onPage(meta.currentPage - 1)}>
          Previous
        </Button>
        <Button variant="secondary" disabled={!meta.hasNextPage} onClick={() => onPage(meta.currentPage + 1)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
