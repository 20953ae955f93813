import type { ComponentType } from 'react';
import type { Role } from '@plantops/contracts';
import { hasAny, INVENTORY_READ, ORDER_READ } from '../../app/navItems';
import { EQUIPMENT_PHOTO_UPLOADERS, MyUploadsCard } from './MyUploadsCard';
import { AdministrationTile } from './tiles/AdministrationTile';
import { LowStockTile } from './tiles/LowStockTile';
import { NotificationsTile } from './tiles/NotificationsTile';
import { OrdersTile } from './tiles/OrdersTile';
import { ReceiptsTile } from './tiles/ReceiptsTile';
import { SearchTile } from './tiles/SearchTile';
import { BoardTile, MyRequestsTile, MyWorkTile } from './tiles/WorkOrdersTile';

interface TileDef {
  component: ComponentType;
  /** Shown only with one of these permissions (empty = always). */
  anyOf: readonly string[];
}

/** Every block a home can show. A domain issue adds its work here (orders board, my tasks, …). */
export const TILES = {
  receive: { component: () => <ReceiptsTile title="Stock to receive" />, anyOf: ['parts:receive', 'parts:manage'] },
  recentReceipts: { component: () => <ReceiptsTile title="Recent receipts" />, anyOf: ['parts:read', 'inventory:read', 'parts:receive', 'parts:manage'] },
  lowStock: { component: LowStockTile, anyOf: INVENTORY_READ },
  administration: { component: AdministrationTile, anyOf: ['user:manage', 'jobs:manage', 'audit:read'] },
  notifications: { component: NotificationsTile, anyOf: [] },
  search: { component: SearchTile, anyOf: INVENTORY_READ },
  equipmentPhotos: { component: MyUploadsCard, anyOf: EQUIPMENT_PHOTO_UPLOADERS },
  myWork: { component: MyWorkTile, anyOf: ['workorder:execute:assigned'] },
  board: { component: BoardTile, anyOf: ['workorder:assign'] },
  myRequests: { component: MyRequestsTile, anyOf: ['workorder:read:own'] },
  orders: { component: OrdersTile, anyOf: ORDER_READ },
} satisfies Record<string, TileDef>;

export type TileKey = keyof typeof TILES;

const OTHERS: TileKey[] = ['notifications', 'search', 'equipmentPhotos'];

/**
 * Each role's home, first tile first (journeys.md: everyone lands on their work). Until a role's
 * own pages exist it shows what the role can do today; the next issues swap in its real work.
 */
export const HOMES: Record<Role, TileKey[]> = {
  ADMIN: ['administration', 'notifications'],
  INVENTORY_CLERK: ['receive', 'lowStock', 'notifications'],
  PROCUREMENT: ['lowStock', 'recentReceipts', 'notifications'],
  MANAGER: ['board', ...OTHERS],
  SUPERVISOR: ['board', ...OTHERS],
  TECHNICIAN: ['myWork', ...OTHERS],
  CONTRACTOR: ['myWork', ...OTHERS],
  REQUESTER: ['myRequests', ...OTHERS],
  PRODUCTION_COORDINATOR: ['orders', ...OTHERS],
  ASSEMBLER: ['orders', ...OTHERS],
  QC_PERSON: ['orders', ...OTHERS],
  SERVICE_TECH: OTHERS,
};

/** The tiles of a role's home that its permissions open. */
export function homeTiles(role: Role, permissions: readonly string[]): TileKey[] {
  return HOMES[role].filter((k) => hasAny(permissions, TILES[k].anyOf));
}
