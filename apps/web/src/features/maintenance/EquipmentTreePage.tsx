import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { PageTitle } from '../../ui/Card';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { textLink } from '../../ui/linkStyles';
import { equipmentApi, equipmentKeys, type TreeNode } from './maintenanceApi';

/** One level of the tree; a branch loads its children only when opened. */
function Level({ parentId, label }: { parentId: string | null; label: string }) {
  const q = useQuery({ queryKey: equipmentKeys.tree(parentId), queryFn: () => equipmentApi.tree(parentId) });
  if (q.isPending) return <p className="text-sm">Loading…</p>;
  if (q.error) return <ErrorBanner error={q.error} title="This level could not be loaded." />;
  return (
    // A named group around a plain list: the level can be found by name, and its items stay list items.
    <div role="group" aria-label={label}>
      <ul className="space-y-1 border-l border-slate-200 pl-3 dark:border-slate-700">
        {q.data.nodes.map((n) => <Node key={n.id} node={n} />)}
      </ul>
    </div>
  );
}

function Node({ node }: { node: TreeNode }) {
  const [open, setOpen] = useState(false);
  return (
    <li>
      <div className="flex min-h-11 items-center gap-2">
        {node.childrenCount ? (
          <button type="button" aria-expanded={open} aria-label={`${open ? 'Collapse' : 'Expand'} ${node.assetTag}`} onClick={() => setOpen((o) => !o)} className="size-11 rounded hover:bg-slate-200 dark:hover:bg-slate-800">
            {open ? '▾' : '▸'}
          </button>
        ) : <span className="inline-block w-11" aria-hidden="true" />}
        <Link className={textLink} to="/equipment/$equipmentId" params={{ equipmentId: node.id }}>{node.assetTag}</Link>
        <span className="text-sm">{node.name}</span>
        {node.status !== 'ACTIVE' ? <span className="text-xs text-slate-600 dark:text-slate-400">({node.status.toLowerCase()})</span> : null}
      </div>
      {open ? <Level parentId={node.id} label={`Inside ${node.assetTag}`} /> : null}
    </li>
  );
}

export function EquipmentTreePage() {
  return (
    <div className="space-y-4">
      <PageTitle>Equipment</PageTitle>
      <Level parentId={null} label="Equipment tree" />
    </div>
  );
}
