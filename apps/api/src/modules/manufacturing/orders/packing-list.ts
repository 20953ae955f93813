import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { workflow } from '../../../platform/http/errors.js';
import { toPdf, type ExportColumn } from '../../../platform/exports/index.js';
import * as repo from './orders.repo.js';
import { loadVisible } from './orders.service.js';

interface PackingRow {
  line: number;
  item: string;
  description: string;
  buildNumber: string;
  quantity: number;
}

const COLUMNS: ExportColumn<PackingRow>[] = [
  { header: 'Line', value: (r) => r.line, width: 0.4 },
  { header: 'Item', value: (r) => r.item, width: 1.6 },
  { header: 'Description', value: (r) => r.description, width: 3 },
  { header: 'Build', value: (r) => r.buildNumber, width: 1.2 },
  { header: 'Qty', value: (r) => r.quantity, width: 0.5 },
];

/** The packing list of a shipment: each sink by build number, then the accessories, with the ship-to and carrier. */
export async function packingList(ctx: Ctx, id: string): Promise<{ fileName: string; pdf: Buffer }> {
  const o = await loadVisible(ctx, id);
  if (o.status !== 'READY_TO_SHIP' && o.status !== 'SHIPPED') throw workflow(`Gate READY_TO_SHIP: a packing list is made once the order is READY_TO_SHIP (it is ${o.status})`);
  const sinks = await repo.sinksOf(ctx.tx, o.id);
  const builds = await repo.buildsOf(ctx.tx, o.id);
  const rows: PackingRow[] = [];
  for (const b of builds) {
    const s = sinks.find((x) => x.id === b.sink_id)!;
    rows.push({ line: rows.length + 1, item: s.base_model || s.family_code, description: `${s.family_name} (configured sink)`, buildNumber: b.build_number, quantity: 1 });
    for (const a of b.accessories) rows.push({ line: rows.length + 1, item: a.partNumber, description: a.name, buildNumber: b.build_number, quantity: a.quantity });
  }
  for (const a of o.accessories) rows.push({ line: rows.length + 1, item: a.partNumber, description: a.name, buildNumber: '-', quantity: a.quantity });
  const c = repo.customerOf(o);
  const to = o.shipping_address;
  const header = [
    `Order ${o.order_number}    Customer: ${c.companyName} (${c.contactName}, ${c.phone ?? c.email})`,
    `Ship to: ${to.street}, ${to.city}, ${to.state} ${to.zipCode}, ${to.country}`,
    `Carrier: ${o.carrier ?? 'to be recorded'}    Tracking: ${o.tracking_number ?? '-'}    Ship date: ${o.ship_date ?? '-'}`,
    ...(o.special_instructions ? [`Handling: ${o.special_instructions}`] : []),
  ];
  return { fileName: `packing-list-${o.order_number}.pdf`, pdf: await toPdf(`Packing list ${o.order_number}`, COLUMNS, rows, header) };
}
