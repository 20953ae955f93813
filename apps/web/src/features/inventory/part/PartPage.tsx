import { useQuery } from '@tanstack/react-query';
import { hasAny, INVENTORY_ADJUST } from '../../../app/navItems';
import { useUser } from '../../../auth/useSession';
import { Card } from '../../../ui/Card';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { inventoryApi, inventoryKeys } from '../inventoryApi';
import { AdjustStockForm } from './AdjustStockForm';
import { HistoryTable } from './HistoryTable';
import { PartBreadcrumbs } from './PartBreadcrumbs';
import { PartDocuments } from './PartDocuments';
import { PartHeader } from './PartHeader';
import { SpecificationsList } from './SpecificationsList';
import { StockByWarehouseTable } from './StockByWarehouseTable';
import { SupplierInfo } from './SupplierInfo';
import { WhereUsedList } from './WhereUsedList';

export function PartPage({ partId }: { partId: string }) {
  const canAdjust = hasAny(useUser().permissions, INVENTORY_ADJUST);
  const q = useQuery({ queryKey: inventoryKeys.part(partId), queryFn: () => inventoryApi.part(partId) });
  if (q.error) return <ErrorBanner error={q.error} title="The part could not be loaded." />;
  if (!q.data) return <p>Loading part…</p>;
  const part = q.data;

  return (
    <div className="space-y-4">
      <PartBreadcrumbs part={part} />
      <PartHeader part={part} />
      <div className="grid gap-4 xl:grid-cols-3">
        <div className="space-y-4 xl:col-span-2">
          <Card title="Stock per warehouse">
            <StockByWarehouseTable rows={part.stockByWarehouse} />
          </Card>
          {canAdjust ? (
            <Card title="Adjust stock">
              <AdjustStockForm partId={part.id} partNumber={part.partNumber} />
            </Card>
          ) : null}
          <Card title="History">
            <HistoryTable rows={part.inventoryHistory} />
          </Card>
        </div>
        <div className="space-y-4">
          <Card title="Supplier">
            <SupplierInfo supplier={part.supplier} leadTime={part.leadTime} />
          </Card>
          <Card title="Used in">
            <WhereUsedList rows={part.usedInAssemblies} />
          </Card>
          <Card title="Specifications">
            <SpecificationsList specs={part.specifications} models={part.modelCompatibility} />
          </Card>
          <Card title="Documents">
            <PartDocuments docs={part.documents} />
          </Card>
        </div>
      </div>
    </div>
  );
}
