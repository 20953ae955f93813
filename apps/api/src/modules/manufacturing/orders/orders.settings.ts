import type { Queryable } from '../../../platform/db/database.js';
import { readSetting } from '../../core/settings/settings.service.js';
import type { OrderSettings } from './orders.fns.js';

/**
 * Order numbering and pricing settings (key `orders` in the settings table), over these defaults:
 * the spec's TOR prefix, its example's 8% tax and flat shipping, and five days in transit.
 */
export const DEFAULT_ORDER_SETTINGS: OrderSettings = {
  numberPrefix: 'TOR',
  taxRate: 0.08,
  shippingByPriority: { STANDARD: 250, RUSH: 400, EMERGENCY: 650 },
  transitDays: 5,
};

export async function orderSettings(q: Queryable): Promise<OrderSettings> {
  const stored = (await readSetting<Partial<OrderSettings>>(q, 'orders')) ?? {};
  return { ...DEFAULT_ORDER_SETTINGS, ...stored, shippingByPriority: { ...DEFAULT_ORDER_SETTINGS.shippingByPriority, ...stored.shippingByPriority } };
}
