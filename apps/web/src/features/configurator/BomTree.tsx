import { Badge } from '../../ui/Badge';
import { formatMoney } from '../inventory/money';
import type { BomNode } from './configuratorTypes';

/** One BOM line: part, quantity, cost and stock; lines to buy are marked. */
function Line({ node }: { node: BomNode }) {
  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <span className="font-mono text-sm">{node.partNumber}</span>
      <span className="text-sm">{node.name}</span>
      <span className="text-sm text-slate-600 dark:text-slate-400">× {node.quantity}</span>
      <span className="text-sm">{formatMoney(node.totalCost)}</span>
      <span className="text-xs text-slate-600 dark:text-slate-400">{`in stock ${node.availableStock}`}</span>
      {node.needsProcurement ? <Badge tone="warning">{`Buy ${node.procurementQuantity}`}</Badge> : null}
      {node.source === 'GENERATED' ? <Badge tone="info">Custom</Badge> : null}
      {node.notes.map((n) => (
        <Badge key={n}>{n}</Badge>
      ))}
    </span>
  );
}

function Node({ node }: { node: BomNode }) {
  const children = [...node.subItems, ...node.parts];
  return (
    <li data-testid={`bom-line-${node.partNumber}`} data-needs-procurement={node.needsProcurement ? 'true' : 'false'} className="py-1">
      {children.length ? (
        <details>
          <summary className="min-h-11 cursor-pointer py-2">
            <Line node={node} />
          </summary>
          <ul className="ml-5 border-l border-slate-200 pl-3 dark:border-slate-700">
            {children.map((c) => (
              <Node key={c.id} node={c} />
            ))}
          </ul>
        </details>
      ) : (
        <div className="min-h-11 py-2 pl-4">
          <Line node={node} />
        </div>
      )}
    </li>
  );
}

/** The BOM as an expandable tree (sub-assemblies and kits open to their parts); `label` names it when a page shows several. */
export function BomTree({ items, label = 'BOM preview' }: { items: BomNode[]; label?: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-100 dark:divide-slate-800">
      {items.map((n) => (
        <Node key={n.id} node={n} />
      ))}
    </ul>
  );
}
