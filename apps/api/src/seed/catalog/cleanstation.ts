import type { ItemSeed } from './types.js';

const sink = (pn: string, name: string, cost: number, dims: string, weight: string, capacity: string, children: [string, number][], description: string): ItemSeed => ({
  pn, name, cost, kind: 'ASSEMBLY', category: 'SINKS', description, children, leadDays: 28,
  specifications: { dimensions: dims, material: '316L Stainless Steel', weight, capacity }, stock: [1, 0, 0, 'FG-01'],
});

const sub = (pn: string, name: string, cost: number, category: ItemSeed['category'], children: [string, number][], specifications: Record<string, unknown>, description: string): ItemSeed => ({
  pn, name, cost, kind: 'SUB_ASSEMBLY', category, children, specifications, description, leadDays: 10, stock: [2, 1, 1, 'SA-01'],
});

/** CleanStation Pro (CSP) and Standard (CSS): the spec's families and items. */
export const CLEANSTATION_ITEMS: ItemSeed[] = [
  sink('SINK-CS-PRO-48', 'CleanStation Pro 48-inch', 3500, '48x24x36', '125 lbs', '15 gallons',
    [['SUB-BASIN-48-SS', 1], ['SUB-PEG-48-UNI', 1], ['SUB-FRAME-48-HA', 1], ['SUB-PLUMB-CS', 1]], 'Professional reprocessing sink with integrated pegboard'),
  sink('SINK-CS-PRO-36', 'CleanStation Pro 36-inch', 3050, '36x24x36', '104 lbs', '12 gallons',
    [['SUB-BASIN-36-SS', 1], ['SUB-PEG-36-UNI', 1], ['SUB-FRAME-36-HA', 1], ['SUB-PLUMB-CS', 1]], 'Professional reprocessing sink, compact'),
  sink('SINK-CS-PRO-60', 'CleanStation Pro 60-inch', 4200, '60x30x36', '158 lbs', '20 gallons',
    [['SUB-BASIN-60-SS', 1], ['SUB-PEG-60-UNI', 1], ['SUB-FRAME-60-HA', 1], ['SUB-PLUMB-CS', 1]], 'Professional reprocessing sink, large'),
  sink('SINK-CS-STD-36', 'CleanStation Standard 36-inch', 2800, '36x24x36', '95 lbs', '12 gallons',
    [['SUB-BASIN-36-SS', 1], ['SUB-FRAME-36-FX', 1], ['SUB-PLUMB-CS', 1]], 'Standard reprocessing sink for smaller facilities'),
  sink('SINK-CS-STD-30', 'CleanStation Standard 30-inch', 2450, '30x20x34', '82 lbs', '9 gallons',
    [['SUB-BASIN-30-SS', 1], ['SUB-FRAME-30-FX', 1], ['SUB-PLUMB-CS', 1]], 'Standard reprocessing sink, small'),
  sink('SINK-CS-STD-42', 'CleanStation Standard 42-inch', 3100, '42x24x36', '108 lbs', '13 gallons',
    [['SUB-BASIN-48-SS', 1], ['SUB-FRAME-48-FX', 1], ['SUB-PLUMB-CS', 1]], 'Standard reprocessing sink, medium'),

  sub('SUB-BASIN-48-SS', 'Basin Assembly 48-inch Stainless', 850, 'SUB_ASSEMBLIES',
    [['BASIN-48-316L', 1], ['DRAIN-3-CENTER', 1], ['GASKET-DRAIN-3', 1], ['BOLT-SS-M8X25', 8], ['NUT-SS-M8', 8]],
    { material: '316L Stainless Steel', finish: 'Brushed', drain: '3-inch center drain' }, 'Main basin assembly with drain and overflow'),
  sub('SUB-BASIN-36-SS', 'Basin Assembly 36-inch Stainless', 720, 'SUB_ASSEMBLIES',
    [['BASIN-36-316L', 1], ['DRAIN-3-CENTER', 1], ['GASKET-DRAIN-3', 1], ['BOLT-SS-M8X25', 6], ['NUT-SS-M8', 6]],
    { material: '316L Stainless Steel', finish: 'Brushed', drain: '3-inch center drain' }, 'Basin assembly, 36-inch'),
  sub('SUB-BASIN-60-SS', 'Basin Assembly 60-inch Stainless', 1010, 'SUB_ASSEMBLIES',
    [['BASIN-60-316L', 1], ['DRAIN-3-CENTER', 1], ['GASKET-DRAIN-3', 1], ['BOLT-SS-M8X25', 10], ['NUT-SS-M8', 10]],
    { material: '316L Stainless Steel', drain: '3-inch center drain' }, 'Basin assembly, 60-inch'),
  sub('SUB-BASIN-30-SS', 'Basin Assembly 30-inch Stainless', 600, 'SUB_ASSEMBLIES',
    [['BASIN-30-316L', 1], ['DRAIN-3-CENTER', 1], ['GASKET-DRAIN-3', 1], ['BOLT-SS-M8X25', 6]],
    { material: '316L Stainless Steel', drain: '3-inch center drain' }, 'Basin assembly, 30-inch'),
  sub('SUB-PEG-48-UNI', 'Pegboard Assembly 48-inch Universal', 425, 'SUB_ASSEMBLIES',
    [['PEG-PANEL-48', 1], ['T2-PB-MOUNT-BRKT', 2], ['HW-M6-SS-KIT', 1]],
    { dimensions: '46x18x0.125', holes: '0.25 inch diameter', pattern: '1 inch centers' }, 'Universal pegboard with standard hole pattern'),
  sub('SUB-PEG-36-UNI', 'Pegboard Assembly 36-inch Universal', 360, 'SUB_ASSEMBLIES',
    [['PEG-PANEL-36', 1], ['T2-PB-MOUNT-BRKT', 2], ['HW-M6-SS-KIT', 1]], { dimensions: '34x18x0.125' }, 'Universal pegboard, 36-inch'),
  sub('SUB-PEG-60-UNI', 'Pegboard Assembly 60-inch Universal', 495, 'SUB_ASSEMBLIES',
    [['PEG-PANEL-60', 1], ['T2-PB-MOUNT-BRKT', 3], ['HW-M6-SS-KIT', 1]], { dimensions: '58x24x0.125' }, 'Universal pegboard, 60-inch'),
  ...(['30', '36', '48', '60'] as const).flatMap((size) => [
    sub(`SUB-FRAME-${size}-HA`, `Height-Adjustable Frame ${size}-inch`, 520 + Number(size) * 4, 'SUB_ASSEMBLIES',
      [['SS-TUBE-1.5SQ', 2], ['T2-LEG-DL27', 4], ['T2-LEG-BRKT', 4], ['T2-CROSSBAR-SS', 2], ['HW-M8-SS-KIT', 1]],
      { legs: 'ADJUSTABLE_34_38', style: 'H_FRAME' }, `Adjustable H-frame for ${size}-inch bodies`),
    sub(`SUB-FRAME-${size}-FX`, `Fixed Frame ${size}-inch`, 380 + Number(size) * 3, 'SUB_ASSEMBLIES',
      [['SS-TUBE-1.5SQ', 2], ['T2-LEG-DL14', 4], ['T2-CROSSBAR-SS', 2], ['HW-M8-SS-KIT', 1]],
      { legs: 'FIXED_34', style: 'H_FRAME' }, `Fixed-height H-frame for ${size}-inch bodies`),
  ]),
  sub('SUB-PLUMB-CS', 'Plumbing Kit CleanStation', 240, 'SUB_ASSEMBLIES',
    [['FAUCET-WB-BODY', 1], ['SUPPLY-HOSE-SS-24', 2], ['PTRAP-1.5-SS', 1]], { supply: 'Hot and cold, 3/8 inch' }, 'Faucet, supply hoses and trap'),

  // The one pegboard the CleanStation Pro rules find in stock; every other choice becomes a 700-series custom part.
  sub('PEG-KIT-30X24-UNI', 'Pegboard Kit 30x24 Universal Stainless', 240, 'SUB_ASSEMBLIES',
    [['PEG-PANEL-36', 1], ['T2-PB-MOUNT-BRKT', 2], ['HW-M6-SS-KIT', 1]],
    { dimensions: '30x24x0.125', holes: '0.25 inch diameter', pattern: '1 inch centers', material: '316L Stainless Steel' }, 'Standard large pegboard kit for CleanStation Pro'),

  { pn: 'ACC-1001', kind: 'ACCESSORY', name: 'Splash Guard Assembly', cost: 75, category: 'ACCESSORIES', description: 'Bolt-on stainless splash guard', children: [['SS-SHEET-16GA', 0.25], ['HW-M6-SS-KIT', 1]], stock: [12, 4, 4, 'AC-01'], listPrice: 110 },
  { pn: 'ACC-2001', kind: 'ACCESSORY', name: 'Instrument Holder', cost: 125, category: 'ACCESSORIES', description: 'Pegboard-mounted instrument holder', children: [['BRKT-ACC-SS', 2], ['HW-M6-SS-KIT', 1]], stock: [7, 2, 3, 'AC-02'], listPrice: 180 },
];
