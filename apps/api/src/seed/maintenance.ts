import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../platform/db/database.js';

/**
 * Demo maintenance data: an equipment hierarchy in both plants, a checklist template, and work
 * orders in every state (with checklists, time, comments and downtime), so that every
 * maintenance page has real records to show. fo_numbers come from the same yearly sequence the
 * API uses, so new work orders continue the series.
 */

type Site = 'MAIN' | 'NORTH';

interface EquipmentSeed {
  tag: string;
  name: string;
  model?: string;
  manufacturer?: string;
  area: string;
  criticality: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  status?: 'ACTIVE' | 'INACTIVE' | 'MAINTENANCE' | 'RETIRED';
  installed?: string;
  warranty?: string;
  children?: EquipmentSeed[];
}

const EQUIPMENT: Record<Site, EquipmentSeed[]> = {
  MAIN: [
    {
      tag: 'MAIN-L1', name: 'Sink line 1', area: 'Line 1', criticality: 'CRITICAL', installed: '2019-04-01',
      children: [
        { tag: 'MAIN-L1-PRS', name: 'Press brake', model: 'TruBend 5130', manufacturer: 'Trumpf', area: 'Line 1', criticality: 'CRITICAL', installed: '2019-04-01', warranty: '2024-04-01',
          children: [{ tag: 'MAIN-L1-PRS-HPU', name: 'Hydraulic power unit', model: 'HPU-22', manufacturer: 'Bosch Rexroth', area: 'Line 1', criticality: 'HIGH', installed: '2019-04-01' }] },
        { tag: 'MAIN-L1-WLD', name: 'TIG welding cell', model: 'Fronius TPS 400i', manufacturer: 'Fronius', area: 'Line 1', criticality: 'HIGH', installed: '2020-09-15', warranty: '2027-09-15' },
        { tag: 'MAIN-L1-CNV', name: 'Transfer conveyor', model: 'CV-800', manufacturer: 'Interroll', area: 'Line 1', criticality: 'MEDIUM', status: 'MAINTENANCE', installed: '2019-04-01',
          children: [{ tag: 'MAIN-L1-CNV-MTR', name: 'Conveyor drive motor', model: 'W22 2.2kW', manufacturer: 'WEG', area: 'Line 1', criticality: 'MEDIUM', installed: '2022-02-10' }] },
      ],
    },
    {
      tag: 'MAIN-UTL', name: 'Utilities', area: 'Boiler room', criticality: 'HIGH',
      children: [
        { tag: 'MAIN-UTL-CMP', name: 'Air compressor', model: 'GA 30+', manufacturer: 'Atlas Copco', area: 'Compressor house', criticality: 'CRITICAL', installed: '2018-06-20', warranty: '2023-06-20' },
        { tag: 'MAIN-UTL-PMP', name: 'Boiler feed pump', model: 'Etanorm 40', manufacturer: 'KSB', area: 'Boiler room', criticality: 'HIGH', installed: '2021-01-12', warranty: '2026-12-31' },
        { tag: 'MAIN-UTL-DRY', name: 'Refrigerated air dryer', model: 'FD 120', manufacturer: 'Atlas Copco', area: 'Compressor house', criticality: 'LOW', status: 'INACTIVE', installed: '2018-06-20' },
      ],
    },
    { tag: 'MAIN-FLT-07', name: 'Forklift 7', model: 'Linde E20', manufacturer: 'Linde', area: 'Warehouse', criticality: 'MEDIUM', installed: '2017-03-03', status: 'RETIRED' },
  ],
  NORTH: [
    {
      tag: 'NORTH-L2', name: 'Packing line 2', area: 'Packing', criticality: 'HIGH',
      children: [
        { tag: 'NORTH-L2-PAL', name: 'Palletizer', model: 'PL-40', manufacturer: 'Fuji', area: 'Packing', criticality: 'HIGH', installed: '2020-05-05' },
        { tag: 'NORTH-L2-WRP', name: 'Stretch wrapper', model: 'Lantech Q-300', manufacturer: 'Lantech', area: 'Packing', criticality: 'MEDIUM', installed: '2020-05-05' },
      ],
    },
    { tag: 'NORTH-CMP', name: 'North air compressor', model: 'GA 18', manufacturer: 'Atlas Copco', area: 'Compressor house', criticality: 'HIGH', installed: '2021-08-01' },
  ],
};

type Status = 'NEW' | 'ASSIGNED' | 'IN_PROGRESS' | 'ON_HOLD' | 'COMPLETED' | 'VERIFIED' | 'CLOSED' | 'CANCELLED';

interface WorkOrderSeed {
  site: Site;
  tag: string;
  type: 'PM' | 'CORRECTIVE' | 'EMERGENCY';
  priority: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  status: Status;
  title: string;
  description: string;
  requester: string;
  assignees: string[];
  /** Days from today (negative: overdue). */
  dueInDays?: number;
  /** Days ago it was created. */
  ageDays: number;
  checklist?: { component: string; action: string; status?: 'DONE' | 'SKIPPED' | 'ISSUE'; notes?: string; fields?: object[]; data?: object }[];
  timeHours?: number;
  comment?: [string, string];
  holdReason?: string;
  cancelReason?: string;
}

const PRESSURE = [{ key: 'pressure', label: 'Discharge pressure', type: 'number', required: true, unit: 'bar', min: 0, max: 16 }];

const WORK_ORDERS: WorkOrderSeed[] = [
  { site: 'MAIN', tag: 'MAIN-UTL-PMP', type: 'CORRECTIVE', priority: 'HIGH', status: 'NEW', ageDays: 0, title: 'Feed pump is loud', description: 'Grinding noise from the boiler feed pump since the morning shift.', requester: 'requester', assignees: [] },
  { site: 'MAIN', tag: 'MAIN-L1-WLD', type: 'CORRECTIVE', priority: 'MEDIUM', status: 'NEW', ageDays: 1, title: 'Welding torch cable worn', description: 'Outer sleeve of the torch cable is split near the handle.', requester: 'requester', assignees: [] },
  { site: 'MAIN', tag: 'MAIN-L1-PRS-HPU', type: 'EMERGENCY', priority: 'CRITICAL', status: 'ASSIGNED', ageDays: 0, dueInDays: 0, title: 'Hydraulic leak under press brake', description: 'Oil pooling under the HPU; press stopped.', requester: 'supervisor', assignees: ['technician'],
    checklist: [{ component: 'HPU', action: 'Isolate and lock out' }, { component: 'Hoses', action: 'Find and replace the leaking hose' }, { component: 'Oil', action: 'Top up and record level', fields: [{ key: 'litres', label: 'Litres added', type: 'number', required: true, min: 0 }] }] },
  { site: 'MAIN', tag: 'MAIN-UTL-CMP', type: 'PM', priority: 'HIGH', status: 'IN_PROGRESS', ageDays: 2, dueInDays: 1, title: 'Compressor 2000 h service', description: 'Oil, oil filter, air filter and separator.', requester: 'supervisor', assignees: ['technician'],
    checklist: [
      { component: 'Oil', action: 'Drain and refill', status: 'DONE', notes: '12 l Roto-Inject' },
      { component: 'Air filter', action: 'Replace element', status: 'DONE' },
      { component: 'Separator', action: 'Replace separator element' },
      { component: 'Outlet', action: 'Record discharge pressure', fields: PRESSURE },
    ], timeHours: 1.5, comment: ['supervisor', 'Separator kit is on the shelf in bay 3.'] },
  { site: 'MAIN', tag: 'MAIN-L1-CNV-MTR', type: 'CORRECTIVE', priority: 'MEDIUM', status: 'ON_HOLD', ageDays: 4, dueInDays: -1, title: 'Conveyor motor overheating', description: 'Motor trips on thermal overload after about an hour.', requester: 'technician', assignees: ['technician'],
    holdReason: 'Waiting for replacement bearing set (ordered)', checklist: [{ component: 'Motor', action: 'Measure winding resistance', status: 'DONE' }, { component: 'Bearings', action: 'Replace both bearings' }], timeHours: 2 },
  { site: 'MAIN', tag: 'MAIN-L1-PRS', type: 'PM', priority: 'MEDIUM', status: 'ASSIGNED', ageDays: 6, dueInDays: -3, title: 'Press brake monthly inspection', description: 'Monthly safety and lubrication round.', requester: 'supervisor', assignees: ['contractor'],
    checklist: [{ component: 'Light curtains', action: 'Test both light curtains' }, { component: 'Back gauge', action: 'Lubricate ball screws' }] },
  { site: 'MAIN', tag: 'MAIN-UTL-PMP', type: 'PM', priority: 'MEDIUM', status: 'COMPLETED', ageDays: 8, dueInDays: -2, title: 'Feed pump quarterly PM', description: 'Check seal, coupling and vibration.', requester: 'supervisor', assignees: ['technician'],
    checklist: [{ component: 'Seal', action: 'Inspect mechanical seal', status: 'DONE' }, { component: 'Coupling', action: 'Check alignment', status: 'DONE' }, { component: 'Guard', action: 'Refit coupling guard', status: 'SKIPPED', notes: 'Guard already fitted' }], timeHours: 2.5 },
  { site: 'MAIN', tag: 'MAIN-L1-WLD', type: 'PM', priority: 'LOW', status: 'VERIFIED', ageDays: 15, dueInDays: -10, title: 'Welding cell filter change', description: 'Replace fume extraction filters.', requester: 'supervisor', assignees: ['technician'],
    checklist: [{ component: 'Extraction', action: 'Replace filters', status: 'DONE' }], timeHours: 1 },
  { site: 'MAIN', tag: 'MAIN-L1-CNV', type: 'CORRECTIVE', priority: 'HIGH', status: 'CLOSED', ageDays: 30, dueInDays: -25, title: 'Conveyor belt tracking', description: 'Belt runs off to the left at the tail pulley.', requester: 'requester', assignees: ['technician'],
    checklist: [{ component: 'Tail pulley', action: 'Adjust tracking', status: 'DONE' }], timeHours: 1 },
  { site: 'MAIN', tag: 'MAIN-UTL-DRY', type: 'CORRECTIVE', priority: 'LOW', status: 'CANCELLED', ageDays: 12, title: 'Dryer dew point alarm', description: 'Alarm after the power cut.', requester: 'requester', assignees: [], cancelReason: 'Alarm cleared after reset; dryer taken out of use' },
  { site: 'NORTH', tag: 'NORTH-L2-PAL', type: 'CORRECTIVE', priority: 'HIGH', status: 'IN_PROGRESS', ageDays: 1, dueInDays: 2, title: 'Palletizer gripper misaligned', description: 'Layers drop off the left side.', requester: 'technician-north', assignees: ['technician-north'],
    checklist: [{ component: 'Gripper', action: 'Realign fingers', status: 'DONE' }, { component: 'Test', action: 'Run 5 pallets' }], timeHours: 1 },
  { site: 'NORTH', tag: 'NORTH-CMP', type: 'PM', priority: 'MEDIUM', status: 'NEW', ageDays: 0, dueInDays: 5, title: 'North compressor service', description: '2000 h service.', requester: 'technician-north', assignees: [] },
];

const DAY = 86_400_000;

export async function seedDemoMaintenance(tx: Queryable, warehouses: Record<Site, string>, users: Record<string, string>, publicUrl = 'http://localhost:3000'): Promise<void> {
  const now = Date.now();
  const equipmentIds = new Map<string, string>();
  const insertTree = async (site: Site, e: EquipmentSeed, parent: string | null, level: number) => {
    const id = uuidv7();
    equipmentIds.set(e.tag, id);
    const status = e.status ?? 'ACTIVE';
    await tx.query(
      `INSERT INTO equipment (id, warehouse_id, asset_tag, name, model, manufacturer, serial_number, description, area, status, criticality,
         installation_date, warranty_expiry, parent_equipment_id, hierarchy_level, qr_code_url, created_by, retired_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, CASE WHEN $10 = 'RETIRED' THEN now() END)`,
      [id, warehouses[site], e.tag, e.name, e.model ?? null, e.manufacturer ?? null, e.model ? `SN-${e.tag.replace(/[^A-Z0-9]/g, '')}` : null, `${e.name} (${e.area})`,
        e.area, status, e.criticality, e.installed ?? null, e.warranty ?? null, parent, level, `${publicUrl.replace(/\/+$/, '')}/scan?code=${encodeURIComponent(e.tag)}`, users.admin],
    );
    await tx.query(
      `INSERT INTO equipment_status_history (id, equipment_id, warehouse_id, from_status, to_status, reason, changed_by) VALUES ($1, $2, $3, NULL, $4, 'Created', $5)`,
      [uuidv7(), id, warehouses[site], status, users.admin],
    );
    for (const child of e.children ?? []) await insertTree(site, child, id, level + 1);
  };
  for (const site of ['MAIN', 'NORTH'] as const) for (const e of EQUIPMENT[site]) await insertTree(site, e, null, 0);

  // Downtime behind the KPIs: two unplanned stops and a planned service on the compressor.
  const compressor = equipmentIds.get('MAIN-UTL-CMP')!;
  for (const [startDays, hours, reason, planned] of [[40, 5, 'High discharge temperature trip', false], [20, 3, 'Drain valve stuck open', false], [10, 4, 'Annual service', true]] as const) {
    const start = new Date(now - startDays * DAY);
    await tx.query(
      `INSERT INTO equipment_downtime (id, equipment_id, warehouse_id, started_at, ended_at, reason, planned, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [uuidv7(), compressor, warehouses.MAIN, start, new Date(start.getTime() + hours * 3_600_000), reason, planned, users.supervisor],
    );
  }

  await tx.query(
    `INSERT INTO wo_checklist_templates (id, warehouse_id, name, items, created_by) VALUES ($1, $2, 'Pump quarterly PM', $3, $4)`,
    [uuidv7(), warehouses.MAIN, JSON.stringify([
      { component: 'Seal', action: 'Inspect mechanical seal for leaks', customFields: [] },
      { component: 'Bearings', action: 'Measure vibration', customFields: [{ key: 'mm_s', label: 'Vibration', type: 'number', required: true, unit: 'mm/s', min: 0 }] },
      { component: 'Coupling', action: 'Check alignment and guard', customFields: [{ key: 'state', label: 'Coupling state', type: 'select', required: true, options: ['good', 'worn', 'replace'] }] },
    ]), users.supervisor],
  );

  const year = new Date(now).getUTCFullYear();
  const counters: Record<Site, number> = { MAIN: 0, NORTH: 0 };
  for (const w of WORK_ORDERS) {
    const id = uuidv7();
    counters[w.site] += 1;
    const created = new Date(now - w.ageDays * DAY - 3 * 3_600_000);
    const at = (hours: number) => new Date(created.getTime() + hours * 3_600_000);
    const started = ['IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'VERIFIED', 'CLOSED'].includes(w.status);
    const completed = ['COMPLETED', 'VERIFIED', 'CLOSED'].includes(w.status);
    const assignees = w.assignees.map((a) => users[a]!);
    const equipment = equipmentIds.get(w.tag)!;
    const eq = (await tx.query<{ area: string; model: string | null }>(`SELECT area, model FROM equipment WHERE id = $1`, [equipment])).rows[0]!;
    await tx.query(
      `INSERT INTO work_orders (id, warehouse_id, fo_number, type, title, description, area, asset_model, equipment_id, status, priority, requested_by,
         assigned_to, due_date, started_at, completed_at, verified_by, verified_at, closed_by, closed_at, on_hold_reason, resume_status, cancel_reason, created_at, last_updated)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)`,
      [id, warehouses[w.site], `WO-${w.site}-${year}-${String(counters[w.site]).padStart(5, '0')}`, w.type, w.title, w.description, eq.area, eq.model, equipment, w.status, w.priority,
        users[w.requester], assignees, w.dueInDays === undefined ? null : new Date(now + w.dueInDays * DAY).toISOString().slice(0, 10),
        started ? at(1) : null, completed ? at(4) : null,
        ['VERIFIED', 'CLOSED'].includes(w.status) ? users.supervisor : null, ['VERIFIED', 'CLOSED'].includes(w.status) ? at(20) : null,
        w.status === 'CLOSED' ? users.manager : null, w.status === 'CLOSED' ? at(40) : null,
        w.holdReason ?? null, w.holdReason ? 'IN_PROGRESS' : null, w.cancelReason ?? null, created, completed ? at(4) : at(2)],
    );
    for (const a of assignees) {
      await tx.query(`INSERT INTO wo_assignees (work_order_id, user_id, warehouse_id, assigned_by, assigned_at) VALUES ($1, $2, $3, $4, $5)`, [id, a, warehouses[w.site], users.supervisor, at(0.5)]);
    }
    for (const [i, c] of (w.checklist ?? []).entries()) {
      await tx.query(
        `INSERT INTO wo_checklist_items (id, work_order_id, warehouse_id, position, component, action, status, notes, custom_fields, custom_field_data, completed_at, completed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [uuidv7(), id, warehouses[w.site], i + 1, c.component, c.action, c.status ?? 'PENDING', c.notes ?? null, JSON.stringify(c.fields ?? []), JSON.stringify(c.data ?? {}),
          c.status ? at(2) : null, c.status ? assignees[0] ?? null : null],
      );
    }
    if (w.timeHours && assignees[0]) {
      await tx.query(
        `INSERT INTO wo_time_logs (id, work_order_id, warehouse_id, user_id, start_time, end_time, description, source) VALUES ($1, $2, $3, $4, $5, $6, 'On the job', 'MANUAL')`,
        [uuidv7(), id, warehouses[w.site], assignees[0], at(1), at(1 + w.timeHours)],
      );
    }
    if (w.comment) {
      await tx.query(`INSERT INTO wo_comments (id, work_order_id, warehouse_id, user_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [uuidv7(), id, warehouses[w.site], users[w.comment[0]], w.comment[1], at(1.5)]);
    }
    await tx.query(
      `INSERT INTO system_logs (id, action, table_name, record_id, user_id, description, warehouse_id, after_data, "timestamp") VALUES ($1, 'CREATE', 'work_orders', $2, $3, 'Demo data', $4, $5, $6)`,
      [uuidv7(), id, users[w.requester], warehouses[w.site], JSON.stringify({ status: 'NEW', title: w.title }), created],
    );
  }
  for (const site of ['MAIN', 'NORTH'] as const) {
    // The site's yearly fo_number sequence continues after the demo's numbers (migration 0024).
    if (counters[site] > 0) await tx.query(`SELECT setval(app_wo_number_series($1, $2), $3)`, [warehouses[site], year, counters[site]]);
  }
}
