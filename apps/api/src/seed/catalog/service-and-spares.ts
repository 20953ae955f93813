import type { ItemSeed } from './types.js';

const CS_MODELS = ['CSP-36', 'CSP-48', 'CSP-60', 'CSS-30', 'CSS-36', 'CSS-42'];

/** Service parts from the spec's catalog examples. */
export const SERVICE_PARTS: ItemSeed[] = [
  { pn: 'SVC-GASKET-DRAIN-3', kind: 'SERVICE_PART', name: 'Drain Gasket 3-inch Service Kit', cost: 9.2, listPrice: 25, category: 'GASKETS_SEALS',
    description: 'Replacement gasket kit for 3-inch center drains', models: CS_MODELS, children: [['GASKET-DRAIN-3', 2]], stock: [125, 40, 30, 'S-01-01'],
    specifications: { material: 'EPDM Rubber', durometer: '70 Shore A', temperatureRange: '-40°F to +250°F', chemicalCompatibility: 'Healthcare disinfectants' }, leadDays: 0 },
  { pn: 'SVC-DRAIN-3-ASSY', kind: 'SERVICE_PART', name: 'Complete Drain Assembly 3-inch', cost: 98, listPrice: 145, category: 'DRAIN_COMPONENTS',
    description: 'Drop-in replacement drain with gasket', models: CS_MODELS, children: [['DRAIN-3-CENTER', 1], ['GASKET-DRAIN-3', 1]], stock: [18, 6, 6, 'S-01-02'] },
  { pn: 'SVC-LUBRICANT-FG', kind: 'SERVICE_PART', name: 'Food-Grade Gasket Lubricant', cost: 5.5, listPrice: 12, category: 'SERVICE_TOOLS', models: CS_MODELS, stock: [60, 20, 12, 'S-02-01'] },
  { pn: 'SVC-TOOL-DRAIN', kind: 'SERVICE_PART', name: 'Drain Installation Tool', cost: 19, listPrice: 35, category: 'SERVICE_TOOLS', models: CS_MODELS, stock: [9, 3, 3, 'S-02-02'] },
  { pn: 'SVC-CLEANER-DRAIN', kind: 'SERVICE_PART', name: 'Drain Cleaner Concentrate', cost: 3.9, listPrice: 8.5, category: 'SERVICE_TOOLS', models: CS_MODELS, stock: [80, 30, 20, 'S-02-03'] },
  { pn: 'SVC-FAUCET-AERO', kind: 'SERVICE_PART', name: 'Aerator Assembly Standard', cost: 6.1, listPrice: 12.75, category: 'DRAIN_COMPONENTS', models: CS_MODELS, stock: [4, 10, 8, 'S-01-03'] },
  { pn: 'SVC-T2-SENSOR', kind: 'SERVICE_PART', name: 'T2 Basin Level Sensor (Service)', cost: 70, listPrice: 129, category: 'DRAIN_COMPONENTS', models: ['T2-B1', 'T2-B2', 'T2-B3'], children: [['T2-BSN-SENSOR', 1]], stock: [6, 2, 3, 'S-03-01'] },
];

const spare = (pn: string, name: string, cost: number, models: string[], stock: ItemSeed['stock'], original: string, supplier: [string, string]): ItemSeed => ({
  pn, name, cost, kind: 'PART', category: 'MAINTENANCE_SPARES', models, stock, supplier, leadDays: 10, description: `${name} (OEM ${original})`,
  specifications: { originalNumber: original },
});

/** Spare parts for the plant's own equipment (press brake, welders, compressor, washers, forklift). */
export const MAINTENANCE_SPARES: ItemSeed[] = [
  spare('BRG-6205-2RS', 'Deep Groove Ball Bearing 6205-2RS', 8.9, ['PB-AMADA-HG1303', 'CMP-AC-GA30'], [24, 10, 8, 'M-01-01'], 'SKF 6205-2RSH', ['Bearing Distributors', 'BD-6205']),
  spare('BRG-6308-ZZ', 'Deep Groove Ball Bearing 6308-ZZ', 17.4, ['CMP-AC-GA30'], [6, 4, 4, 'M-01-02'], 'SKF 6308-2Z', ['Bearing Distributors', 'BD-6308']),
  spare('BELT-B54', 'V-Belt B54', 14.2, ['CMP-AC-GA30', 'WSH-CUI-450'], [3, 4, 4, 'M-02-01'], 'Gates B54', ['Bearing Distributors', 'BD-B54']),
  spare('FLTR-HYD-10M', 'Hydraulic Filter 10 micron', 36, ['PB-AMADA-HG1303'], [5, 2, 4, 'M-03-01'], 'Parker 937399Q', ['Hydraulic Supply', 'HS-937399']),
  spare('FLTR-AIR-GA30', 'Compressor Air Filter Element', 48, ['CMP-AC-GA30'], [2, 2, 3, 'M-03-02'], 'Atlas Copco 1613740800', ['Compressed Air Parts', 'CAP-1613740800']),
  spare('OIL-SEP-GA30', 'Compressor Oil Separator', 164, ['CMP-AC-GA30'], [1, 1, 1, 'M-03-03'], 'Atlas Copco 2906056500', ['Compressed Air Parts', 'CAP-2906056500']),
  spare('TIP-MIG-035', 'MIG Contact Tip 0.035 in', 1.1, ['WLD-LIN-PM256', 'WLD-MIL-350P'], [180, 60, 50, 'M-04-01'], 'Lincoln KP2744-035', ['Weld Supply Co', 'WSC-KP2744']),
  spare('LINER-MIG-15FT', 'MIG Gun Liner 15 ft', 23, ['WLD-LIN-PM256', 'WLD-MIL-350P'], [8, 3, 4, 'M-04-02'], 'Lincoln KP44-3545-15', ['Weld Supply Co', 'WSC-KP44']),
  spare('NOZZLE-TIG-7', 'TIG Ceramic Nozzle #7', 2.4, ['WLD-MIL-DYN280'], [40, 20, 20, 'M-04-03'], 'CK 4C7', ['Weld Supply Co', 'WSC-4C7']),
  spare('SEAL-PUMP-1.5', 'Mechanical Pump Seal 1.5-inch', 72, ['WSH-CUI-450', 'PMP-GRU-CR10'], [2, 1, 2, 'M-05-01'], 'John Crane T21', ['Pump Parts Direct', 'PPD-T21-150']),
  spare('IMPELLER-CR10', 'Pump Impeller CR10', 118, ['PMP-GRU-CR10'], [1, 0, 1, 'M-05-02'], 'Grundfos 96462432', ['Pump Parts Direct', 'PPD-96462432']),
  spare('MTR-1HP-TEFC', 'Motor 1 HP TEFC 56C', 285, ['WSH-CUI-450', 'CNV-BELT-12'], [1, 1, 1, 'M-06-01'], 'Baldor VM3546', ['Midwest Electrical Supply', 'MES-VM3546']),
  spare('CONTACTOR-24V-25A', 'Contactor 25 A 24 V Coil', 54, ['PB-AMADA-HG1303', 'WSH-CUI-450'], [4, 2, 2, 'M-06-02'], 'Schneider LC1D25B7', ['Midwest Electrical Supply', 'MES-LC1D25']),
  spare('FUSE-10A-CC', 'Fuse Class CC 10 A', 6.3, ['PB-AMADA-HG1303', 'CMP-AC-GA30', 'WSH-CUI-450'], [30, 12, 10, 'M-06-03'], 'Bussmann KTK-R-10', ['Midwest Electrical Supply', 'MES-KTKR10']),
  spare('FORK-TIRE-16X6', 'Forklift Cushion Tire 16x6x10.5', 146, ['FLT-TOY-8FBCU25'], [2, 2, 2, 'M-07-01'], 'Toyota 00591-05431-81', ['Material Handling Parts', 'MHP-1665']),
];
