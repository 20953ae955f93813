import type { ItemSeed } from './types.js';

const SS = ['Stainless Supply Co', 'SS'] as const;
const FS = ['Fastener Supply Co', 'FSC'] as const;
const DSI = ['Drain Systems Inc', 'DSI'] as const;
const ST = ['Seal Tech Inc', 'STI'] as const;
const EL = ['Midwest Electrical Supply', 'MES'] as const;

const part = (pn: string, name: string, cost: number, category: ItemSeed['category'], supplier: readonly [string, string], stock: ItemSeed['stock'], extra: Partial<ItemSeed> = {}): ItemSeed => ({
  pn, name, cost, category, kind: 'PART', supplier: [supplier[0], `${supplier[1]}-${pn}`], stock, leadDays: 14, ...extra,
});

/** Shared leaf parts that the sink families' kits and sub-assemblies are built from. */
export const COMPONENT_PARTS: ItemSeed[] = [
  part('BASIN-48-316L', 'Basin Bowl 48-inch 316L', 450, 'RAW_MATERIALS', SS, [25, 8, 5, 'A-01-01'], {
    description: 'Main basin bowl - 48 inch length, brushed finish',
    specifications: { material: '316L Stainless Steel', gauge: '16 gauge', finish: 'Brushed #4', dimensions: '48x24x12', weight: '25 lbs', certifications: ['NSF', 'FDA'] },
    supplier: ['Stainless Supply Co', 'SS-BASIN-48-316L'], leadDays: 18,
  }),
  part('BASIN-36-316L', 'Basin Bowl 36-inch 316L', 380, 'RAW_MATERIALS', SS, [18, 6, 4, 'A-01-02'], {
    description: 'Main basin bowl - 36 inch length', specifications: { material: '316L Stainless Steel', gauge: '16 gauge', dimensions: '36x24x12' },
  }),
  part('BASIN-60-316L', 'Basin Bowl 60-inch 316L', 540, 'RAW_MATERIALS', SS, [6, 2, 3, 'A-01-03'], { specifications: { material: '316L Stainless Steel', gauge: '16 gauge', dimensions: '60x30x12' } }),
  part('BASIN-30-316L', 'Basin Bowl 30-inch 316L', 320, 'RAW_MATERIALS', SS, [9, 4, 3, 'A-01-04'], { specifications: { material: '316L Stainless Steel', gauge: '16 gauge', dimensions: '30x20x10' } }),
  part('DRAIN-3-CENTER', 'Center Drain Assembly 3-inch', 125, 'PLUMBING', DSI, [48, 20, 10, 'B-02-01'], {
    description: '3-inch center drain with strainer', specifications: { diameter: '3 inches', material: '316L Stainless Steel', thread: 'NPT' },
    supplier: ['Drain Systems Inc', 'DSI-CD-3-SS'],
  }),
  part('GASKET-DRAIN-3', 'Drain Gasket 3-inch', 15, 'PLUMBING', ST, [2, 14, 10, 'B-02-02'], { description: 'EPDM gasket for 3-inch drains', leadDays: 7 }),
  part('BOLT-SS-M8X25', 'Stainless Steel Bolt M8x25', 2.5, 'FASTENERS', FS, [15, 120, 25, 'C-01-01'], { description: 'A4 stainless hex bolt M8 x 25 mm' }),
  part('NUT-SS-M8', 'Stainless Steel Nut M8', 0.4, 'FASTENERS', FS, [400, 300, 100, 'C-01-02']),
  part('HW-M6-SS-KIT', 'M6 Stainless Hardware Kit', 6.5, 'FASTENERS', FS, [140, 60, 30, 'C-01-03'], { description: 'Screws, washers and nuts for accessory mounting' }),
  part('HW-M8-SS-KIT', 'M8 Stainless Hardware Kit', 9.75, 'FASTENERS', FS, [90, 40, 20, 'C-01-04']),
  part('ANCHOR-BOLT-M10', 'Seismic Anchor Bolt M10', 4.2, 'FASTENERS', FS, [64, 32, 16, 'C-01-05']),
  part('SS-SHEET-14GA', '316L Sheet 14 ga 48x96', 310, 'RAW_MATERIALS', SS, [30, 12, 8, 'R-01-01']),
  part('SS-SHEET-16GA', '316L Sheet 16 ga 48x96', 260, 'RAW_MATERIALS', SS, [36, 10, 8, 'R-01-02']),
  part('SS-TUBE-1.5SQ', '316L Square Tube 1.5 in x 20 ft', 95, 'RAW_MATERIALS', SS, [40, 15, 10, 'R-02-01']),
  part('WELD-FILLER-316L', '316L Filler Wire 0.035 in (spool)', 58, 'RAW_MATERIALS', SS, [12, 4, 4, 'R-03-01']),
  part('EDGE-TRIM-SS', 'Stainless Edge Trim (per ft)', 3.1, 'RAW_MATERIALS', SS, [500, 200, 100, 'R-04-01']),
  part('T2-LEG-DL27', 'DL27 Leg Column', 48, 'RAW_MATERIALS', SS, [60, 20, 16, 'L-01-01']),
  part('T2-LEG-DL14', 'DL14 Leg Column', 41, 'RAW_MATERIALS', SS, [40, 12, 16, 'L-01-02']),
  part('T2-LEG-LC1', 'LC1 Lifting Column', 410, 'ELECTRICAL', EL, [12, 4, 4, 'L-01-03'], { description: 'Electric lifting column for height-adjustable frames' }),
  part('T2-LEG-BRKT', 'Leg Mounting Bracket', 7.8, 'RAW_MATERIALS', SS, [120, 40, 32, 'L-02-01']),
  part('CASTER-LOCK-LVL', 'Locking Leveling Caster 4-inch', 36, 'PLUMBING', FS, [48, 16, 16, 'L-03-01']),
  part('FOOT-SEISMIC-SS', 'Seismic Adjustable Foot', 29, 'RAW_MATERIALS', SS, [32, 16, 16, 'L-03-02']),
  part('T2-CROSSBAR-SS', 'Frame Crossbar', 22, 'RAW_MATERIALS', SS, [80, 30, 20, 'L-04-01']),
  part('T2-PB-MOUNT-BRKT', 'Pegboard Mounting Bracket', 11, 'RAW_MATERIALS', SS, [70, 24, 20, 'P-01-01']),
  part('T2-BSN-SENSOR', 'Basin Level Sensor', 64, 'ELECTRICAL', EL, [30, 10, 8, 'E-01-01']),
  part('T2-CTRL-ENCL', 'Control Box Enclosure IP65', 88, 'ELECTRICAL', EL, [22, 8, 6, 'E-02-01']),
  part('T2-CTRL-PCB', 'Control Board T2', 210, 'ELECTRICAL', EL, [14, 5, 6, 'E-02-02'], { leadDays: 35 }),
  part('T2-HARNESS', 'Wiring Harness T2', 46, 'ELECTRICAL', EL, [26, 9, 8, 'E-02-03']),
  part('LED-STRIP-24V', 'LED Light Strip 24 V', 34, 'ELECTRICAL', EL, [40, 12, 10, 'E-03-01']),
  part('PSU-24V-60W', 'Power Supply 24 V 60 W', 27, 'ELECTRICAL', EL, [25, 10, 8, 'E-03-02']),
  part('FAUCET-WB-BODY', 'Wrist Blade Faucet Body', 118, 'PLUMBING', DSI, [20, 8, 6, 'F-01-01']),
  part('FAUCET-PR-BODY', 'Pre-Rinse Faucet Body', 164, 'PLUMBING', DSI, [10, 4, 4, 'F-01-02']),
  part('FAUCET-DI-GOOSE', 'DI Gooseneck Faucet', 142, 'PLUMBING', DSI, [12, 5, 4, 'F-01-03']),
  part('SUPPLY-HOSE-SS-24', 'Braided Supply Hose 24-inch', 9.5, 'PLUMBING', DSI, [150, 50, 40, 'F-02-01']),
  part('SPRAY-GUN-WATER', 'Water Gun Body', 96, 'PLUMBING', DSI, [14, 6, 4, 'F-03-01']),
  part('SPRAY-GUN-AIR', 'Air Gun Body', 88, 'PLUMBING', DSI, [12, 4, 4, 'F-03-02']),
  part('SPRAY-TURRET', 'Turret Nozzle', 21, 'PLUMBING', DSI, [30, 10, 8, 'F-03-03']),
  part('SPRAY-ROSETTE', 'Rosette Nozzle', 19, 'PLUMBING', DSI, [30, 10, 8, 'F-03-04']),
  part('HOSE-COIL-8FT', 'Coiled Hose 8 ft', 24, 'PLUMBING', DSI, [30, 10, 8, 'F-03-05']),
  part('PTRAP-1.5-SS', 'P-Trap 1.5-inch Stainless', 38, 'PLUMBING', DSI, [20, 8, 6, 'B-03-01']),
  part('MANUAL-T2-EN', 'T2 Operator Manual (EN)', 6, 'PARTS', ['PrintWorks', 'PW'], [80, 30, 20, 'D-01-01']),
  part('MANUAL-T2-FR', 'T2 Operator Manual (FR)', 6, 'PARTS', ['PrintWorks', 'PW'], [30, 15, 10, 'D-01-02']),
  part('MANUAL-T2-ES', 'T2 Operator Manual (ES)', 6, 'PARTS', ['PrintWorks', 'PW'], [30, 15, 10, 'D-01-03']),
  part('LABEL-SET-T2', 'T2 Safety Label Set', 3.5, 'PARTS', ['PrintWorks', 'PW'], [200, 80, 40, 'D-02-01']),
  part('BRKT-ACC-SS', 'Accessory Bracket Stainless', 8.4, 'RAW_MATERIALS', SS, [160, 50, 40, 'P-02-01']),
  part('PEG-PANEL-48', 'Pegboard Panel 46x18 Universal', 210, 'RAW_MATERIALS', SS, [9, 3, 3, 'P-03-01'], { specifications: { dimensions: '46x18x0.125', holes: '0.25 inch diameter', pattern: '1 inch centers' } }),
  part('PEG-PANEL-36', 'Pegboard Panel 34x18 Universal', 170, 'RAW_MATERIALS', SS, [7, 3, 3, 'P-03-02']),
  part('PEG-PANEL-60', 'Pegboard Panel 58x24 Universal', 260, 'RAW_MATERIALS', SS, [4, 1, 2, 'P-03-03']),
];
