import type { ExportableList } from '../../../platform/exports/index.js';
import { auditExport } from '../audit/audit.exportable.js';
import { inventorySearchExport, lowStockExport } from '../inventory/inventory.exportable.js';
import { usersExport } from '../users/users.exportable.js';

/** Lists that can be exported in the background; domain modules add theirs here. */
export const EXPORTABLE_LISTS: Record<string, ExportableList> = {
  [usersExport.name]: usersExport as unknown as ExportableList,
  [auditExport.name]: auditExport as unknown as ExportableList,
  [lowStockExport.name]: lowStockExport as unknown as ExportableList,
  [inventorySearchExport.name]: inventorySearchExport as unknown as ExportableList,
};
