import { Fragment, useId, type ReactNode } from 'react';
import type { Pagination as PageMeta } from '@plantops/contracts';
import { Pagination } from './Pagination';

export interface DataColumn<T> {
  /** Column heading; on narrow screens also the label beside each value. */
  header: string;
  cell: (row: T) => ReactNode;
  /** Unique key when two headers read alike; defaults to the header. */
  id?: string;
  /** The row's title on narrow screens: shown first, large, without a label. One per table. */
  primary?: boolean;
  /** On narrow screens the value stands alone, without its label (row actions, badges that say it all). */
  bare?: boolean;
  /** Numbers line up at the end of a wide column (and are never broken, like `nowrap`). */
  numeric?: boolean;
  /**
   * Codes and dates that read wrong when broken ("TOR-2026-" over "0012"): kept on one line. Other
   * cells may break anywhere, so that a long token never makes the page scroll sideways.
   */
  nowrap?: boolean;
  /** Turns the heading into a sort button; the key is handed to onSort. */
  sortKey?: string;
}

export interface SortState {
  key: string;
  direction: 'asc' | 'desc';
}

/**
 * The width of the table's own box (a container query, so a sidebar or a narrow column counts) from
 * which rows form a real table; below it each row is a card of label/value pairs.
 * Tailwind's container sizes: 2xl = 42rem (672 px), 3xl = 48rem, 4xl = 56rem, 5xl = 64rem.
 */
export type Breakpoint = '2xl' | '3xl' | '4xl' | '5xl';

export interface DataTableProps<T> {
  /** The table's accessible name (its caption); tests and screen readers find the table by it. */
  caption: string;
  columns: DataColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Shown in place of the rows when there are none. */
  empty?: ReactNode;
  /** A full-width row under a row (details that open and close). */
  expanded?: (row: T) => ReactNode;
  /** Default '2xl' (a table from 672 px of width); lists with many columns pick a wider one so they never scroll sideways. */
  tableFrom?: Breakpoint;
  /** Sorting: the current order and what to do when a sortable heading is pressed. */
  sort?: SortState;
  onSort?: (next: SortState) => void;
  /** Paging under the rows: the API's pagination block and a page handler. */
  pagination?: { meta: PageMeta | undefined; onPage: (page: number) => void; label: string };
  /** Marks each row for tests and styling hooks. */
  rowProps?: (row: T) => Record<`data-${string}`, string>;
}

/**
 * Classes per breakpoint, spelt out in full so Tailwind finds them. Below the breakpoint, table,
 * body, row and cell become blocks (cards); the explicit ARIA roles keep the table semantics that
 * some browsers drop when a table's display changes.
 */
type Layout = Record<'table' | 'head' | 'body' | 'row' | 'wholeRow' | 'cell' | 'primary' | 'bare' | 'numeric' | 'label' | 'sortPicker', string>;
const LAYOUT: Record<Breakpoint, Layout> = {
  '2xl': {
    table: '@max-2xl:block',
    head: '@max-2xl:sr-only',
    body: '@max-2xl:block @max-2xl:space-y-3 @max-2xl:p-3',
    row: '@max-2xl:block @max-2xl:rounded-md @max-2xl:border @max-2xl:border-slate-200 @max-2xl:p-3 dark:@max-2xl:border-slate-700',
    wholeRow: '@max-2xl:block',
    cell: '@max-2xl:grid @max-2xl:grid-cols-[minmax(6rem,38%)_minmax(0,1fr)] @max-2xl:gap-x-3 @max-2xl:px-0 @max-2xl:py-1',
    primary: '@max-2xl:block @max-2xl:px-0 @max-2xl:pt-0 @max-2xl:pb-2 @max-2xl:text-base',
    bare: '@max-2xl:block @max-2xl:px-0 @max-2xl:py-1',
    numeric: '@2xl:text-right',
    label: '@2xl:hidden',
    sortPicker: '@2xl:hidden',
  },
  '3xl': {
    table: '@max-3xl:block',
    head: '@max-3xl:sr-only',
    body: '@max-3xl:block @max-3xl:space-y-3 @max-3xl:p-3',
    row: '@max-3xl:block @max-3xl:rounded-md @max-3xl:border @max-3xl:border-slate-200 @max-3xl:p-3 dark:@max-3xl:border-slate-700',
    wholeRow: '@max-3xl:block',
    cell: '@max-3xl:grid @max-3xl:grid-cols-[minmax(6rem,38%)_minmax(0,1fr)] @max-3xl:gap-x-3 @max-3xl:px-0 @max-3xl:py-1',
    primary: '@max-3xl:block @max-3xl:px-0 @max-3xl:pt-0 @max-3xl:pb-2 @max-3xl:text-base',
    bare: '@max-3xl:block @max-3xl:px-0 @max-3xl:py-1',
    numeric: '@3xl:text-right',
    label: '@3xl:hidden',
    sortPicker: '@3xl:hidden',
  },
  '4xl': {
    table: '@max-4xl:block',
    head: '@max-4xl:sr-only',
    body: '@max-4xl:block @max-4xl:space-y-3 @max-4xl:p-3',
    row: '@max-4xl:block @max-4xl:rounded-md @max-4xl:border @max-4xl:border-slate-200 @max-4xl:p-3 dark:@max-4xl:border-slate-700',
    wholeRow: '@max-4xl:block',
    cell: '@max-4xl:grid @max-4xl:grid-cols-[minmax(6rem,38%)_minmax(0,1fr)] @max-4xl:gap-x-3 @max-4xl:px-0 @max-4xl:py-1',
    primary: '@max-4xl:block @max-4xl:px-0 @max-4xl:pt-0 @max-4xl:pb-2 @max-4xl:text-base',
    bare: '@max-4xl:block @max-4xl:px-0 @max-4xl:py-1',
    numeric: '@4xl:text-right',
    label: '@4xl:hidden',
    sortPicker: '@4xl:hidden',
  },
  '5xl': {
    table: '@max-5xl:block',
    head: '@max-5xl:sr-only',
    body: '@max-5xl:block @max-5xl:space-y-3 @max-5xl:p-3',
    row: '@max-5xl:block @max-5xl:rounded-md @max-5xl:border @max-5xl:border-slate-200 @max-5xl:p-3 dark:@max-5xl:border-slate-700',
    wholeRow: '@max-5xl:block',
    cell: '@max-5xl:grid @max-5xl:grid-cols-[minmax(6rem,38%)_minmax(0,1fr)] @max-5xl:gap-x-3 @max-5xl:px-0 @max-5xl:py-1',
    primary: '@max-5xl:block @max-5xl:px-0 @max-5xl:pt-0 @max-5xl:pb-2 @max-5xl:text-base',
    bare: '@max-5xl:block @max-5xl:px-0 @max-5xl:py-1',
    numeric: '@5xl:text-right',
    label: '@5xl:hidden',
    sortPicker: '@5xl:hidden',
  },
};

const keyOf = <T,>(c: DataColumn<T>) => c.id ?? c.header;

/**
 * The app's one list component: a real table on wide screens, stacked label/value cards on
 * narrow ones (no sideways scrolling, no hidden columns), with optional sorting and paging.
 * Every value stays in the accessibility tree at every width; the visible labels of the card
 * layout are hidden from screen readers, which announce the column headers instead.
 */
export function DataTable<T>({ caption, columns, rows, rowKey, empty = 'Nothing to show.', expanded, tableFrom = '2xl', sort, onSort, pagination, rowProps }: DataTableProps<T>) {
  const l = LAYOUT[tableFrom];
  const sortable = onSort ? columns.filter((c) => c.sortKey) : [];
  return (
    <div className="@container space-y-3">
      {sort && sortable.length ? <SortPicker className={l.sortPicker} columns={sortable} sort={sort} onSort={onSort!} caption={caption} /> : null}
      <div className="rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
        <table role="table" className={`w-full text-left text-sm ${l.table}`}>
          <caption className="sr-only">{caption}</caption>
          <thead role="rowgroup" className={`bg-slate-100 text-xs uppercase tracking-wide text-slate-700 dark:bg-slate-800 dark:text-slate-300 ${l.head}`}>
            <tr role="row">
              {columns.map((c) => (
                <th
                  key={keyOf(c)}
                  role="columnheader"
                  scope="col"
                  aria-sort={sort && c.sortKey === sort.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                  className={`px-3 py-2 align-bottom ${c.numeric ? 'text-right' : ''}`}
                >
                  {c.sortKey && onSort ? <SortButton column={c} sort={sort} onSort={onSort} /> : c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup" className={l.body}>
            {rows.length === 0 ? (
              <tr role="row" className={l.wholeRow}>
                <td role="cell" colSpan={columns.length} className={`px-3 py-6 text-center text-slate-600 dark:text-slate-400 ${l.wholeRow}`}>
                  {empty}
                </td>
              </tr>
            ) : (
              rows.map((row) => {
                const extra = expanded?.(row);
                return (
                  <Fragment key={rowKey(row)}>
                    <tr role="row" className={`border-t border-slate-200 dark:border-slate-700 ${l.row}`} {...rowProps?.(row)}>
                      {columns.map((c) => (
                        <td
                          key={keyOf(c)}
                          role="cell"
                          className={`px-3 py-2 align-top [overflow-wrap:anywhere] ${c.numeric || c.nowrap ? 'whitespace-nowrap' : ''} ${c.numeric ? l.numeric : ''} ${c.primary ? l.primary : c.bare ? l.bare : l.cell}`}
                        >
                          {c.primary || c.bare ? (
                            c.cell(row)
                          ) : (
                            <>
                              <span aria-hidden="true" className={`text-xs font-medium text-slate-600 dark:text-slate-400 ${l.label}`}>
                                {c.header}
                              </span>
                              <span className="min-w-0">{c.cell(row)}</span>
                            </>
                          )}
                        </td>
                      ))}
                    </tr>
                    {extra ? (
                      <tr role="row" className={`bg-slate-50 dark:bg-slate-950 ${l.row}`}>
                        <td role="cell" colSpan={columns.length} className={`px-3 py-2 ${l.wholeRow}`}>
                          {extra}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })
            )}
          </tbody>
        </table>
      </div>
      {pagination ? <Pagination label={pagination.label} meta={pagination.meta} onPage={pagination.onPage} /> : null}
    </div>
  );
}

function SortButton<T>({ column, sort, onSort }: { column: DataColumn<T>; sort: SortState | undefined; onSort: (s: SortState) => void }) {
  const active = sort?.key === column.sortKey;
  const next: SortState = { key: column.sortKey!, direction: active && sort?.direction === 'asc' ? 'desc' : 'asc' };
  return (
    <button
      type="button"
      className="inline-flex min-h-8 items-center gap-1 rounded uppercase tracking-wide hover:text-slate-950 dark:hover:text-white"
      onClick={() => onSort(next)}
    >
      {column.header}
      <span aria-hidden="true">{active ? (sort?.direction === 'asc' ? '▲' : '▼') : '↕'}</span>
    </button>
  );
}

/** On narrow screens the headings are hidden, so the order is picked from a list instead. */
function SortPicker<T>({ className, columns, sort, onSort, caption }: { className: string; columns: DataColumn<T>[]; sort: SortState; onSort: (s: SortState) => void; caption: string }) {
  const id = useId();
  return (
    <div className={`flex items-center gap-2 text-sm ${className}`}>
      <label htmlFor={id} className="font-medium">
        Sort {caption.toLowerCase()} by
      </label>
      <select
        id={id}
        className="min-h-11 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-900"
        value={`${sort.key}:${sort.direction}`}
        onChange={(e) => {
          const [key = '', direction] = e.target.value.split(':');
          onSort({ key, direction: direction === 'desc' ? 'desc' : 'asc' });
        }}
      >
        {columns.flatMap((c) => [
          <option key={`${c.sortKey}:asc`} value={`${c.sortKey}:asc`}>
            {c.header}, ascending
          </option>,
          <option key={`${c.sortKey}:desc`} value={`${c.sortKey}:desc`}>
            {c.header}, descending
          </option>,
        ])}
      </select>
    </div>
  );
}
