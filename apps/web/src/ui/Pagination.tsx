import type { Pagination as Meta } from '@plantops/contracts';
import { Button } from './Button';

/** "1 result", "12 results": the count with its noun in the right number. */
export const countOf = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function Pagination({ meta, onPage, label }: { meta: Meta | undefined; onPage: (page: number) => void; label: string }) {
  if (!meta) return null;
  const pages = Math.max(meta.totalPages, 1);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <p aria-live="polite">
        Page {meta.currentPage} of {pages} · {meta.totalItems.toLocaleString()} total
      </p>
      {/* Native disabled: out of the tab order, announced as unavailable, and styled as such by Button. */}
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
