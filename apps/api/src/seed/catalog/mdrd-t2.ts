import type { ItemSeed } from './types.js';

type Group = 'body' | 'legsHa' | 'legsFh' | 'casters' | 'seismic' | 'pbKit' | 'pbPanel' | 'pbColor' | 'basinKit' | 'basin' | 'ptrap' | 'light' | 'ctrl' | 'faucet' | 'sprayer' | 'manual' | 'accessory' | 'ohl';

/** A few real child parts per kind of kit, so every MDRD T2 BOM line expands below the top. */
function childrenOf(group: Group, pn: string): [string, number][] {
  switch (group) {
    case 'body': return [['SS-SHEET-14GA', 2], ['SS-TUBE-1.5SQ', 3], ['T2-CROSSBAR-SS', 2], ['WELD-FILLER-316L', 1], ['HW-M8-SS-KIT', 1]];
    case 'legsHa': return [[pn.includes('LC1') ? 'T2-LEG-LC1' : pn.includes('DL14') ? 'T2-LEG-DL14' : 'T2-LEG-DL27', 4], ['T2-LEG-BRKT', 4], ['HW-M8-SS-KIT', 1]];
    case 'legsFh': return [[pn.includes('DL14') ? 'T2-LEG-DL14' : 'T2-LEG-DL27', 4], ['HW-M8-SS-KIT', 1]];
    case 'casters': return [['CASTER-LOCK-LVL', 4], ['HW-M8-SS-KIT', 1]];
    case 'seismic': return [['FOOT-SEISMIC-SS', 4], ['ANCHOR-BOLT-M10', 4]];
    case 'pbKit': return [['T2-PB-MOUNT-BRKT', 2], ['HW-M6-SS-KIT', 1], ['EDGE-TRIM-SS', 12]];
    case 'pbPanel': return [['SS-SHEET-16GA', 1], ['EDGE-TRIM-SS', 10]];
    case 'pbColor': return [['LABEL-SET-T2', 1]];
    case 'ohl': return [['LED-STRIP-24V', 2], ['PSU-24V-60W', 1], ['BRKT-ACC-SS', 2]];
    case 'basinKit': return [['DRAIN-3-CENTER', 1], ['GASKET-DRAIN-3', 1], ['T2-BSN-SENSOR', 1]];
    case 'basin': return [['SS-SHEET-14GA', 1], ['WELD-FILLER-316L', 1]];
    case 'ptrap': return [['PTRAP-1.5-SS', 1], ['GASKET-DRAIN-3', 1]];
    case 'light': return [['LED-STRIP-24V', 1], ['PSU-24V-60W', 1]];
    case 'ctrl': return [['T2-CTRL-ENCL', 1], ['T2-CTRL-PCB', 1], ['T2-HARNESS', 1]];
    case 'faucet': return [[pn.includes('PRE-RINSE') ? 'FAUCET-PR-BODY' : pn.includes('GOOSENECK') ? 'FAUCET-DI-GOOSE' : 'FAUCET-WB-BODY', 1], ['SUPPLY-HOSE-SS-24', 2]];
    case 'sprayer': return [[pn.includes('AIRGUN') ? 'SPRAY-GUN-AIR' : 'SPRAY-GUN-WATER', 1], [pn.includes('TURRET') ? 'SPRAY-TURRET' : 'SPRAY-ROSETTE', 1], ['HOSE-COIL-8FT', 1]];
    case 'manual': return [[`MANUAL-T2-${pn.includes('-FR-') ? 'FR' : pn.includes('-SP-') ? 'ES' : 'EN'}`, 1], ['LABEL-SET-T2', 1]];
    case 'accessory': return [['BRKT-ACC-SS', 2], ['HW-M6-SS-KIT', 1]];
  }
}

const KIND: Record<Group, ItemSeed['kind']> = {
  body: 'SUB_ASSEMBLY', legsHa: 'KIT', legsFh: 'KIT', casters: 'KIT', seismic: 'KIT', pbKit: 'KIT', pbPanel: 'SUB_ASSEMBLY', pbColor: 'KIT',
  ohl: 'KIT', basinKit: 'KIT', basin: 'SUB_ASSEMBLY', ptrap: 'KIT', light: 'KIT', ctrl: 'SUB_ASSEMBLY', faucet: 'KIT', sprayer: 'KIT', manual: 'KIT', accessory: 'ACCESSORY',
};

/** [catalog number, part number, name, cost, group] for every item the MDRD T2 rules name. */
const T2: [string | undefined, string, string, number, Group][] = [
  [undefined, 'T2-STD-MANUAL-EN-KIT', 'T2 Manual Kit English', 18, 'manual'],
  [undefined, 'T2-STD-MANUAL-FR-KIT', 'T2 Manual Kit French', 18, 'manual'],
  [undefined, 'T2-STD-MANUAL-SP-KIT', 'T2 Manual Kit Spanish', 18, 'manual'],
  ['709.82', 'T2-BODY-48-60-HA', 'T2 Body 48-60 in, Height Adjustable', 1480, 'body'],
  ['709.83', 'T2-BODY-61-72-HA', 'T2 Body 61-72 in, Height Adjustable', 1720, 'body'],
  ['709.84', 'T2-BODY-73-120-HA', 'T2 Body 73-120 in, Height Adjustable', 2260, 'body'],
  ['711.97', 'T2-DL27-KIT', 'DL27 Height-Adjustable Leg Kit', 420, 'legsHa'],
  ['711.98', 'T2-DL14-KIT', 'DL14 Height-Adjustable Leg Kit', 380, 'legsHa'],
  ['711.99', 'T2-LC1-KIT', 'LC1 Lifting Column Kit', 1890, 'legsHa'],
  ['711.100', 'T2-DL27-FH-KIT', 'DL27 Fixed-Height Leg Kit', 260, 'legsFh'],
  ['711.101', 'T2-DL14-FH-KIT', 'DL14 Fixed-Height Leg Kit', 230, 'legsFh'],
  ['711.95', 'T2-LEVELING-CASTOR-475', 'Lock-and-Leveling Caster Set', 190, 'casters'],
  ['711.96', 'T2-SEISMIC-FEET', 'Stainless Seismic Feet Set', 150, 'seismic'],
  ['716.128', 'T2-OHL-MDRD-KIT', 'Overhead Light Kit MDRD', 310, 'ohl'],
  ['716.130', 'T2-ADW-PB-PERF-KIT', 'Pegboard Mounting Kit, Perforated', 140, 'pbKit'],
  ['716.131', 'T2-ADW-PB-SOLID-KIT', 'Pegboard Mounting Kit, Solid', 135, 'pbKit'],
  ['715.120', 'T2-ADW-PB-3436', 'Pegboard Panel 34x36', 240, 'pbPanel'],
  ['715.121', 'T2-ADW-PB-4836', 'Pegboard Panel 48x36', 290, 'pbPanel'],
  ['715.122', 'T2-ADW-PB-6036', 'Pegboard Panel 60x36', 340, 'pbPanel'],
  ['715.123', 'T2-ADW-PB-7236', 'Pegboard Panel 72x36', 390, 'pbPanel'],
  ['715.124', 'T2-ADW-PB-8436', 'Pegboard Panel 84x36', 440, 'pbPanel'],
  ['715.125', 'T2-ADW-PB-9636', 'Pegboard Panel 96x36', 490, 'pbPanel'],
  ['715.126', 'T2-ADW-PB-10836', 'Pegboard Panel 108x36', 540, 'pbPanel'],
  ['715.127', 'T2-ADW-PB-12036', 'Pegboard Panel 120x36', 590, 'pbPanel'],
  ['708.77', 'T-OA-PB-COLOR', 'Colorsafe+ Pegboard Colour Option', 85, 'pbColor'],
  ['713.109', 'T2-BSN-ESK-KIT', 'E-Sink Basin Kit', 460, 'basinKit'],
  ['713.108', 'T2-BSN-ESK-DI-KIT', 'E-Sink DI Basin Kit', 520, 'basinKit'],
  ['713.107', 'T2-BSN-EDR-KIT', 'E-Drain Basin Kit', 410, 'basinKit'],
  ['712.102', 'T2-ADW-BASIN20X20X8', 'Basin 20x20x8', 380, 'basin'],
  ['712.103', 'T2-ADW-BASIN24X20X8', 'Basin 24x20x8', 410, 'basin'],
  ['712.104', 'T2-ADW-BASIN24X20X10', 'Basin 24x20x10', 440, 'basin'],
  ['712.105', 'T2-ADW-BASIN30X20X8', 'Basin 30x20x8', 470, 'basin'],
  ['712.106', 'T2-ADW-BASIN30X20X10', 'Basin 30x20x10', 500, 'basin'],
  ['706.65', 'T2-OA-MS-1026', 'P-Trap Kit', 62, 'ptrap'],
  ['706.67', 'T2-OA-BASIN-LIGHT-EDR-KIT', 'Basin Light Kit, E-Drain', 120, 'light'],
  ['706.68', 'T2-OA-BASIN-LIGHT-ESK-KIT', 'Basin Light Kit, E-Sink', 120, 'light'],
  ['719.176', 'T2-CTRL-EDR1', 'Control Box 1 E-Drain', 520, 'ctrl'],
  ['719.177', 'T2-CTRL-ESK1', 'Control Box 1 E-Sink', 540, 'ctrl'],
  ['719.178', 'T2-CTRL-EDR1-ESK1', 'Control Box 1 E-Drain + 1 E-Sink', 690, 'ctrl'],
  ['719.179', 'T2-CTRL-EDR2', 'Control Box 2 E-Drain', 660, 'ctrl'],
  ['719.180', 'T2-CTRL-ESK2', 'Control Box 2 E-Sink', 680, 'ctrl'],
  ['719.181', 'T2-CTRL-EDR3', 'Control Box 3 E-Drain', 810, 'ctrl'],
  ['719.182', 'T2-CTRL-ESK3', 'Control Box 3 E-Sink', 830, 'ctrl'],
  ['719.183', 'T2-CTRL-EDR1-ESK2', 'Control Box 1 E-Drain + 2 E-Sink', 850, 'ctrl'],
  ['719.184', 'T2-CTRL-EDR2-ESK1', 'Control Box 2 E-Drain + 1 E-Sink', 840, 'ctrl'],
  ['706.58', 'T2-OA-STD-FAUCET-WB-KIT', 'Wrist Blade Faucet Kit', 168, 'faucet'],
  ['706.59', 'T2-OA-PRE-RINSE-FAUCET-KIT', 'Pre-Rinse Faucet Kit', 224, 'faucet'],
  ['706.60', 'T2-OA-DI-GOOSENECK-FAUCET-KIT', 'DI Gooseneck Faucet Kit', 196, 'faucet'],
  ['706.61', 'T2-OA-WATERGUN-TURRET-KIT', 'DI Water Gun Kit, Turret', 170, 'sprayer'],
  ['706.62', 'T2-OA-WATERGUN-ROSETTE-KIT', 'DI Water Gun Kit, Rosette', 168, 'sprayer'],
  ['706.63', 'T2-OA-AIRGUN-TURRET-KIT', 'Air Gun Kit, Turret', 152, 'sprayer'],
  ['706.64', 'T2-OA-AIRGUN-ROSETTE-KIT', 'Air Gun Kit, Rosette', 150, 'sprayer'],
];

/** The MDRD T2 accessory library: [catalog number, part number, name, cost]. */
const ACCESSORIES: [string, string, string, number][] = [
  ['702.4', 'T-OA-BINRAIL-24-KIT', 'Bin Rail 24-inch Kit', 64], ['702.5', 'T-OA-BINRAIL-36-KIT', 'Bin Rail 36-inch Kit', 78],
  ['702.6', 'T-OA-BINRAIL-48-KIT', 'Bin Rail 48-inch Kit', 92], ['702.7', 'T-OA-PFW1236FM-KIT', 'Perforated Wire Shelf 12x36', 110],
  ['702.8', 'T-OA-PFW1218FM-KIT', 'Perforated Wire Shelf 12x18', 84], ['702.9', 'T-OA-PFW1818FM-KIT', 'Perforated Wire Shelf 18x18', 96],
  ['702.10', 'T-OA-SSSHELF-1812', 'Stainless Shelf 18x12', 88], ['702.11', 'T-OA-SSSHELF-1812-BOLT-ON-KIT', 'Stainless Shelf 18x12 Bolt-On Kit', 118],
  ['702.12', 'T-OA-SSSHELF-3612', 'Stainless Shelf 36x12', 124], ['702.13', 'T-OA-SSSHELF-3612-BOLT-ON-KIT', 'Stainless Shelf 36x12 Bolt-On Kit', 156],
  ['702.14', 'T2-OHL-INSTRO-KIT', 'Overhead Light Kit InstroSink', 290], ['702.15', 'T-OA-B110505', 'Bin 11x5x5', 9],
  ['702.16', 'T-OA-B110807', 'Bin 11x8x7', 12], ['702.17', 'T-OA-B111105', 'Bin 11x11x5', 14],
  ['702.18', 'B210-BLUE', 'Bin 210 Blue', 7], ['702.19', 'T2-OA-LT-SSSHELF-LRG', 'Lighted Stainless Shelf Large', 240],
  ['702.20', 'T2-OA-LT-SSSHELF-SML', 'Lighted Stainless Shelf Small', 198], ['702.21', 'T-OA-SSSHELF-LGHT-1812-KIT', 'Shelf Light Kit 18x12', 142],
  ['702.22', 'T-OA-SSSHELF-LGHT-3612-KIT', 'Shelf Light Kit 36x12', 176], ['702.23', 'T2-OA-CUST-SHELF-HA-SML', 'Custom Shelf HA Small', 210],
  ['702.24', 'T2-OA-CUST-SHELF-HA-LRG', 'Custom Shelf HA Large', 260], ['702.25', 'T-OA-RAIL-SHELF-ADDER-SML', 'Rail Shelf Adder Small', 72],
  ['702.26', 'T-OA-RAIL-SHELF-ADDER-LRG', 'Rail Shelf Adder Large', 94], ['702.27', 'T-OA-FOOTREST-RAIL-KIT', 'Footrest Rail Kit', 132],
  ['702.28', 'T2-OA-DOSINGESK-BTMSHELF', 'Dosing E-Sink Bottom Shelf', 168],
  ['703.29', 'T-OA-1BRUSH-ORG-PB-KIT', 'Single Brush Organizer (Pegboard)', 38], ['703.30', 'T-OA-6BRUSH-ORG-PB-KIT', 'Six Brush Organizer (Pegboard)', 74],
  ['703.31', 'T-OA-WRK-FLW-PB', 'Workflow Sign (Pegboard)', 26], ['703.32', 'T-OA-PPRACK-2066', 'Paper Rack 20x6', 58],
  ['703.33', 'T-OA-PB-SS-1L-SHLF', 'Pegboard 1 L Bottle Shelf', 44], ['703.34', 'T-OA-PB-SS-2G-SHLF', 'Pegboard 2 Gallon Shelf', 62],
  ['703.35', 'T-OA-PB-SS-1GLOVE', 'Pegboard Single Glove Holder', 31], ['703.36', 'T-OA-PB-SS-2GLOVE', 'Pegboard Double Glove Holder', 42],
  ['703.37', 'T-OA-PB-SS-3GLOVE', 'Pegboard Triple Glove Holder', 53], ['703.38', 'T2-OA-SC-2020-SS', 'Staging Cover 20x20', 118],
  ['703.39', 'T2-OA-SC-2420-SS', 'Staging Cover 24x20', 128], ['703.40', 'T2-OA-SC-3020-SS', 'Staging Cover 30x20', 142],
  ['703.41', 'T2-AER-TUBEORG', 'Aerator Tube Organizer', 66],
  ['704.42', 'T-OA-MLIGHT-PB-KIT', 'Magnifier Light (Pegboard)', 148], ['704.43', 'T-OA-DIM-MLIGHT-PB-KIT', 'Dimmable Magnifier Light (Pegboard)', 176],
  ['704.44', 'T-OA-TASKLIGHT-PB', 'Task Light (Pegboard)', 92], ['704.45', 'T-OA-TASKLIGHT-PB-MAG-KIT', 'Magnetic Task Light (Pegboard)', 104],
  ['705.46', 'T-OA-MNT-ARM', 'Monitor Arm', 136], ['705.47', 'T-OA-MNT-ARM-1EXT', 'Monitor Arm, 1 Extension', 158],
  ['705.48', 'T-OA-MNT-ARM-2EXT', 'Monitor Arm, 2 Extensions', 182], ['705.49', 'T-OA-KB-MOUSE-ARM', 'Keyboard and Mouse Arm', 124],
  ['705.50', 'T-OA-2H-CPUSM', 'CPU Holder Small', 88], ['705.51', 'T-OA-2H-CPULG', 'CPU Holder Large', 98],
  ['705.52', 'T-OA-2H-CPUUV', 'CPU Holder Universal', 108], ['705.53', 'T-OA-MMA-PB', 'Monitor Mount (Pegboard)', 96],
  ['705.54', 'T-OA-MMA-DUAL', 'Dual Monitor Mount', 168], ['705.55', 'T-OA-MMA-LTAB', 'Tablet Mount', 84],
  ['705.56', 'T-OA-MMA-LAP', 'Laptop Mount', 92], ['705.57', 'T-OA-MNT-SINGLE-COMBO-PB', 'Single Combo Mount (Pegboard)', 118],
];

/** Demo stock: most items in MAIN, fewer in NORTH; every fifth one below its reorder point. */
function stockFor(i: number): ItemSeed['stock'] {
  const reorder = 2 + (i % 4);
  return i % 5 === 0 ? [Math.max(0, reorder - 2), 1, reorder, `T2-${String(i).padStart(3, '0')}`] : [6 + (i % 9), 2 + (i % 3), reorder, `T2-${String(i).padStart(3, '0')}`];
}

export const MDRD_T2_ITEMS: ItemSeed[] = [
  ...T2.map(([catalog, pn, name, cost, group], i): ItemSeed => ({
    pn, catalog, name, cost, kind: KIND[group], category: KIND[group] === 'SUB_ASSEMBLY' ? 'SUB_ASSEMBLIES' : 'ASSEMBLIES',
    // The LC1 lifting column comes from Europe: its long lead time is what the configurator warns about.
    description: `${name} for the MDRD T2 reprocessing sink`, children: childrenOf(group, pn), stock: stockFor(i), leadDays: pn === 'T2-LC1-KIT' ? 42 : 21,
    models: ['T2-B1', 'T2-B2', 'T2-B3'],
  })),
  ...ACCESSORIES.map(([catalog, pn, name, cost], i): ItemSeed => ({
    pn, catalog, name, cost, kind: 'ACCESSORY', category: 'ACCESSORIES', listPrice: Math.round(cost * 1.45),
    description: `${name}: MDRD T2 accessory`, children: childrenOf('accessory', pn), stock: stockFor(i + 3), leadDays: 14,
  })),
];
