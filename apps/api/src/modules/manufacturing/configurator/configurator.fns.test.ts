import { describe, expect, it } from 'vitest';
import { DEMO_ITEMS } from '../../../seed/catalog/index.js';
import { readFamilyDocuments } from '../../../seed/configurator/families.js';
import { completeEvaluation, configurableOptions, partNumbersOf, planConfiguration, type Evaluation } from './configurator.fns.js';
import { leadTimeRange } from '@plantops/contracts';
import type { CatalogItem, FamilyDoc } from './family.types.js';
import type { AccessoryChoice } from './validate.fns.js';

/**
 * Golden BOMs: MDRD T2 builds compared line by line with shared/design/bom-rules.md, and the
 * CleanStation families with the manufacturing spec's examples, all from the family documents the
 * demo database is seeded with and the demo catalog (no database needed).
 */
const families = readFamilyDocuments() as FamilyDoc[];
const family = (code: string) => families.find((f) => f.code === code)!;
const MDRD = family('MDRD_T2');
const CSP = family('CSP');
const CSS = family('CSS');

const catalog = new Map<string, CatalogItem>(
  DEMO_ITEMS.map((i, n) => [
    i.pn.toUpperCase(),
    { id: `id-${n}`, partNumber: i.pn, catalogNumber: i.catalog ?? null, name: i.name, kind: i.kind, cost: i.cost, listPrice: i.listPrice ?? null, leadTimeDays: i.leadDays ?? null, isCustom: false },
  ]),
);
const accessory = (pn: string, quantity = 1, index = 0): AccessoryChoice => ({ field: `accessories[${index}]`, ref: pn, item: catalog.get(pn) ?? null, quantity });

function evaluate(doc: FamilyDoc, config: unknown, accessories: AccessoryChoice[] = []): Evaluation {
  const plan = planConfiguration(doc, config, accessories);
  const needed = new Map([...catalog].filter(([pn]) => partNumbersOf(plan).includes(pn)));
  return completeEvaluation(doc, plan, needed);
}

/** "PART xQTY" per line, in rule order, as bom-rules.md lists them. */
const bom = (e: Evaluation) => e.lines.map((l) => `${l.partNumber ?? `(new) ${l.custom?.name}`} x${l.quantity}`);
const codes = (e: Evaluation) => e.errors.map((p) => `${p.field} ${p.code}`);

const body = (over: Record<string, unknown> = {}) => ({
  model: 'T2-B2', length: 60, width: 30, legs: { type: 'HEIGHT_ADJUSTABLE', model: 'DL27' }, feet: 'SEISMIC_FEET', workflowDirection: 'LEFT_TO_RIGHT', ...over,
});

/** The configuration JSON of bom-rules.md, verbatim. */
const DESIGN_EXAMPLE = {
  body: body(),
  pegboard: { type: 'PERFORATED', color: 'BLUE', size: 'SAME_AS_SINK' },
  basins: [
    { type: 'E_SINK', size: '24X20X8', pTrap: true, light: false },
    { type: 'E_DRAIN', size: { width: 22, length: 20, depth: 9 }, pTrap: false, light: true },
  ],
  faucets: [{ type: 'WRIST_BLADE', placement: 'BASIN_1' }],
  sprayers: [{ type: 'AIR_GUN_TURRET', side: 'LEFT' }],
  documentLanguage: 'EN',
};

describe('MDRD T2 golden BOMs (bom-rules.md)', () => {
  it('expands the design example line by line, with the custom basin pattern and the colour on its line', () => {
    const e = evaluate(MDRD, DESIGN_EXAMPLE);
    expect(e.errors).toEqual([]);
    expect(bom(e)).toEqual([
      'T2-STD-MANUAL-EN-KIT x1',
      'T2-BODY-48-60-HA x1',
      'T2-DL27-KIT x1',
      'T2-SEISMIC-FEET x1',
      'T2-OHL-MDRD-KIT x1',
      'T2-ADW-PB-PERF-KIT x1',
      'T2-ADW-PB-6036 x1',
      'T-OA-PB-COLOR x1',
      'T2-BSN-ESK-KIT x1',
      'T2-BSN-EDR-KIT x1',
      'T2-ADW-BASIN24X20X8 x1',
      'T2-ADW-BASIN-22x20x9 x1',
      'T2-OA-MS-1026 x1',
      'T2-OA-BASIN-LIGHT-EDR-KIT x1',
      'T2-CTRL-EDR1-ESK1 x1',
      'T2-OA-STD-FAUCET-WB-KIT x1',
      'T2-OA-AIRGUN-TURRET-KIT x1',
    ]);
    expect(e.lines.find((l) => l.partNumber === 'T-OA-PB-COLOR')!.notes).toEqual(['Colour: BLUE']);
    const custom = e.lines.find((l) => l.custom)!;
    expect(custom).toMatchObject({ source: 'GENERATED', component: 'basins', custom: { numbering: 'PATTERN', catalogNumber: '720.215.001', kind: 'SUB_ASSEMBLY', leadTimeDays: 28 } });
    expect(custom.custom!.components).toEqual([{ partNumber: 'SS-SHEET-14GA', quantity: 1 }, { partNumber: 'WELD-FILLER-316L', quantity: 1 }]);
    expect(e.customPartsRequired).toEqual([expect.objectContaining({ component: 'basins', partNumber: 'T2-ADW-BASIN-22x20x9', estimatedCost: 527.2 })]);
  });

  it('builds three basins with a custom pegboard, fixed legs, casters, three faucets, two sprayers and French documents', () => {
    const e = evaluate(MDRD, {
      body: body({ model: 'T2-B3', length: 96, legs: { type: 'FIXED_HEIGHT', model: 'DL14' }, feet: 'LEVELING_CASTERS' }),
      pegboard: { type: 'SOLID', color: null, size: { width: 80, length: 36 } },
      basins: [
        { type: 'E_SINK_DI', size: '20X20X8', pTrap: true, light: true },
        { type: 'E_SINK_DI', size: '20X20X8', pTrap: false, light: false },
        { type: 'E_DRAIN', size: '30X20X10', pTrap: false, light: true },
      ],
      faucets: [{ type: 'DI_GOOSENECK', placement: 'BASIN_1' }, { type: 'WRIST_BLADE', placement: 'BASIN_3' }, { type: 'PRE_RINSE', placement: 'BETWEEN_1_2' }],
      sprayers: [{ type: 'WATER_GUN_ROSETTE', side: 'RIGHT' }, { type: 'WATER_GUN_TURRET', side: 'LEFT' }],
      documentLanguage: 'FR',
    });
    expect(e.errors).toEqual([]);
    expect(bom(e)).toEqual([
      'T2-STD-MANUAL-FR-KIT x1',
      'T2-BODY-73-120-HA x1',
      'T2-DL14-FH-KIT x1',
      'T2-LEVELING-CASTOR-475 x1',
      'T2-OHL-MDRD-KIT x1',
      'T2-ADW-PB-SOLID-KIT x1',
      'T2-ADW-PB-80x36 x1',
      'T2-BSN-ESK-DI-KIT x2',
      'T2-BSN-EDR-KIT x1',
      'T2-ADW-BASIN20X20X8 x2',
      'T2-ADW-BASIN30X20X10 x1',
      'T2-OA-MS-1026 x1',
      'T2-OA-BASIN-LIGHT-ESK-KIT x1',
      'T2-OA-BASIN-LIGHT-EDR-KIT x1',
      'T2-CTRL-EDR1-ESK2 x1',
      'T2-OA-DI-GOOSENECK-FAUCET-KIT x1',
      'T2-OA-STD-FAUCET-WB-KIT x1',
      'T2-OA-PRE-RINSE-FAUCET-KIT x1',
      'T2-OA-WATERGUN-ROSETTE-KIT x1',
      'T2-OA-WATERGUN-TURRET-KIT x1',
    ]);
    const panel = e.lines.find((l) => l.custom)!.custom!;
    expect(panel).toMatchObject({ partNumber: 'T2-ADW-PB-80x36', catalogNumber: '720.215.002', cost: 379.2 });
    expect(panel.components).toEqual([{ partNumber: 'SS-SHEET-16GA', quantity: 1 }, { partNumber: 'EDGE-TRIM-SS', quantity: 20 }]);
    expect(e.lines.some((l) => l.partNumber === 'T-OA-PB-COLOR')).toBe(false);
  });

  it('builds one E-Drain basin in Spanish with an LC1 column, and warns about the LC1 lead time', () => {
    const e = evaluate(MDRD, {
      body: body({ model: 'T2-B1', length: 48, legs: { type: 'HEIGHT_ADJUSTABLE', model: 'LC1' } }),
      pegboard: null,
      basins: [{ type: 'E_DRAIN', size: '20X20X8' }],
      documentLanguage: 'ES',
    });
    expect(e.errors).toEqual([]);
    expect(bom(e)).toEqual([
      'T2-STD-MANUAL-SP-KIT x1', 'T2-BODY-48-60-HA x1', 'T2-LC1-KIT x1', 'T2-SEISMIC-FEET x1', 'T2-BSN-EDR-KIT x1', 'T2-ADW-BASIN20X20X8 x1', 'T2-CTRL-EDR1 x1',
    ]);
    expect(e.warnings).toEqual([expect.objectContaining({ code: 'LONG_LEAD_TIME', field: 'body', severity: 'warning' })]);
    expect(e.warnings[0]!.message).toMatch(/T2-LC1-KIT .* 5-6 weeks/);
    expect(e.leadTime).toEqual({ days: 42 + 7, text: '6-7 weeks' });
  });

  it('defaults the document language to English and merges same part numbers', () => {
    const e = evaluate(MDRD, {
      body: body({ length: 61 }),
      pegboard: null,
      basins: [{ type: 'E_SINK', size: '24X20X10', pTrap: true }, { type: 'E_SINK', size: '24X20X10', pTrap: true }],
      faucets: [{ type: 'WRIST_BLADE', placement: 'BASIN_1' }, { type: 'WRIST_BLADE', placement: 'BASIN_2' }],
    });
    expect(bom(e)).toEqual([
      'T2-STD-MANUAL-EN-KIT x1', 'T2-BODY-61-72-HA x1', 'T2-DL27-KIT x1', 'T2-SEISMIC-FEET x1', 'T2-BSN-ESK-KIT x2', 'T2-ADW-BASIN24X20X10 x2', 'T2-OA-MS-1026 x2',
      'T2-CTRL-ESK2 x1', 'T2-OA-STD-FAUCET-WB-KIT x2',
    ]);
  });

  it.each([
    [48, 'T2-BODY-48-60-HA', 'T2-ADW-PB-4836'],
    [60.5, 'T2-BODY-48-60-HA', 'T2-ADW-PB-6036'],
    [61, 'T2-BODY-61-72-HA', 'T2-ADW-PB-6036'],
    [72.5, 'T2-BODY-61-72-HA', 'T2-ADW-PB-7236'],
    [73, 'T2-BODY-73-120-HA', 'T2-ADW-PB-7236'],
    [83.99, 'T2-BODY-73-120-HA', 'T2-ADW-PB-7236'],
    [84, 'T2-BODY-73-120-HA', 'T2-ADW-PB-8436'],
    [107, 'T2-BODY-73-120-HA', 'T2-ADW-PB-9636'],
    [108, 'T2-BODY-73-120-HA', 'T2-ADW-PB-10836'],
    [120, 'T2-BODY-73-120-HA', 'T2-ADW-PB-12036'],
  ])('length %s in: body %s, same-as-sink pegboard %s', (length, bodyPn, panelPn) => {
    const e = evaluate(MDRD, { body: body({ model: 'T2-B1', length }), pegboard: { type: 'PERFORATED', size: 'SAME_AS_SINK' }, basins: [{ type: 'E_SINK', size: '20X20X8' }] });
    expect(e.errors).toEqual([]);
    expect(e.lines.map((l) => l.partNumber)).toEqual(expect.arrayContaining([bodyPn, panelPn]));
    expect(e.lines.filter((l) => l.ruleIds.includes('pegboard-panel'))).toHaveLength(1);
  });

  it.each([
    [['E_DRAIN'], 'T2-CTRL-EDR1'], [['E_SINK'], 'T2-CTRL-ESK1'], [['E_SINK_DI'], 'T2-CTRL-ESK1'],
    [['E_DRAIN', 'E_SINK'], 'T2-CTRL-EDR1-ESK1'], [['E_DRAIN', 'E_DRAIN'], 'T2-CTRL-EDR2'], [['E_SINK', 'E_SINK_DI'], 'T2-CTRL-ESK2'],
    [['E_DRAIN', 'E_DRAIN', 'E_DRAIN'], 'T2-CTRL-EDR3'], [['E_SINK', 'E_SINK', 'E_SINK'], 'T2-CTRL-ESK3'],
    [['E_DRAIN', 'E_SINK', 'E_SINK_DI'], 'T2-CTRL-EDR1-ESK2'], [['E_DRAIN', 'E_SINK', 'E_DRAIN'], 'T2-CTRL-EDR2-ESK1'],
  ])('basins %j get exactly one control box %s', (types, box) => {
    const e = evaluate(MDRD, {
      body: body({ model: `T2-B${types.length}`, length: 100 }),
      pegboard: null,
      basins: types.map((type) => ({ type, size: '20X20X8' })),
      faucets: types.includes('E_SINK_DI') ? [{ type: 'DI_GOOSENECK', placement: 'BASIN_1' }] : [],
    });
    expect(e.errors).toEqual([]);
    expect(e.lines.filter((l) => l.partNumber?.startsWith('T2-CTRL-')).map((l) => `${l.partNumber} x${l.quantity}`)).toEqual([`${box} x1`]);
  });

  it('prices every configured line at list price (or cost x markup) on top of the base price', () => {
    const e = evaluate(MDRD, DESIGN_EXAMPLE, [accessory('T-OA-BINRAIL-24-KIT', 2)]);
    const linePrice = e.lines.reduce((s, l) => s + (l.custom ? l.custom.cost : catalog.get(l.partNumber!)!.cost) * 1.6 * l.quantity, 0);
    const acc = catalog.get('T-OA-BINRAIL-24-KIT')!.listPrice! * 2;
    expect(e.price!.total).toBeCloseTo(1500 + 150 + linePrice + acc, 2);
    expect(e.price!.adders).toEqual([{ label: 'Custom basin engineering', amount: 150 }]);
  });
});

describe('MDRD T2 validation (bom-rules.md)', () => {
  it('reports every problem at once with field, rule, message and the valid values', () => {
    const e = evaluate(MDRD, {
      body: body({ model: 'T2-B2', length: 130, legs: { type: 'FIXED_HEIGHT', model: 'LC1' }, feet: 'WHEELS' }),
      pegboard: null,
      basins: [{ type: 'E_SINK_DI', size: '24X20X8' }, { type: 'E_SINK', size: '25X20X8' }, { type: 'E_DRAIN', size: '20X20X8' }],
      faucets: [{ type: 'WRIST_BLADE', placement: 'BASIN_1' }, { type: 'PRE_RINSE', placement: 'BASIN_2' }, { type: 'WRIST_BLADE', placement: 'BASIN_3' }],
      sprayers: [{ type: 'AIR_GUN_TURRET', side: 'LEFT' }, { type: 'AIR_GUN_TURRET', side: 'RIGHT' }, { type: 'WATER_GUN_TURRET', side: 'LEFT' }],
    });
    expect(e.isValid).toBe(false);
    expect(codes(e).sort()).toEqual([
      'basins BASIN_COUNT_MISMATCH',
      'basins[1].size INVALID_OPTION',
      'body.feet INVALID_OPTION',
      'body.legs.model OPTION_NOT_AVAILABLE',
      'body.length OUT_OF_RANGE',
      'faucets DI_BASIN_REQUIRES_GOOSENECK',
      'faucets TOO_MANY_FAUCETS',
      'sprayers TOO_MANY',
    ]);
    const byCode = Object.fromEntries(e.errors.map((p) => [p.code, p]));
    expect(byCode.OUT_OF_RANGE!.message).toBe('The body length must be between 48 and 120 inches; 130 inches was given.');
    expect(byCode.OPTION_NOT_AVAILABLE!.validValues).toEqual(['DL27', 'DL14']);
    expect(byCode.OPTION_NOT_AVAILABLE!.message).toMatch(/fixed-height legs are DL27 or DL14/);
    expect(byCode.BASIN_COUNT_MISMATCH).toMatchObject({ validValues: [2], message: expect.stringContaining('A T2-B2 sink has 2 basin(s) but 3 are configured') });
    expect(byCode.DI_BASIN_REQUIRES_GOOSENECK).toMatchObject({ validValues: ['DI_GOOSENECK'], message: expect.stringMatching(/add a faucet of type DI_GOOSENECK/) });
    expect(byCode.TOO_MANY_FAUCETS).toMatchObject({ validValues: [2], message: 'A T2-B2 takes at most 2 faucets; 3 were given: remove 1.' });
    expect(e.errors.find((p) => p.field === 'basins[1].size')!.validValues).toEqual(['20X20X8', '24X20X8', '24X20X10', '30X20X8', '30X20X10', '{ width, length, depth }']);
    expect(e.errors.find((p) => p.field === 'body.feet')!.validValues).toEqual(['LEVELING_CASTERS', 'SEISMIC_FEET']);
    expect(e.price).toBeNull();
    expect(e.lines).toEqual([]);
  });

  it('accepts a DI basin with one gooseneck, listed once, and three faucets on a three-basin sink', () => {
    const e = evaluate(MDRD, {
      body: body({ model: 'T2-B3', length: 90 }), pegboard: null,
      basins: [{ type: 'E_SINK_DI', size: '24X20X8' }, { type: 'E_SINK', size: '24X20X8' }, { type: 'E_DRAIN', size: '24X20X8' }],
      faucets: [{ type: 'DI_GOOSENECK', placement: 'BASIN_1' }, { type: 'WRIST_BLADE', placement: 'BASIN_2' }, { type: 'WRIST_BLADE', placement: 'BASIN_3' }],
    });
    expect(e.errors).toEqual([]);
    expect(e.lines.find((l) => l.partNumber === 'T2-OA-DI-GOOSENECK-FAUCET-KIT')!.quantity).toBe(1);
  });

  it('allows one faucet per placement and only placements the sink has', () => {
    const e = evaluate(MDRD, {
      body: body(), pegboard: null, basins: [{ type: 'E_SINK', size: '24X20X8' }, { type: 'E_SINK', size: '24X20X8' }],
      faucets: [{ type: 'WRIST_BLADE', placement: 'BASIN_1' }, { type: 'PRE_RINSE', placement: 'BASIN_1' }],
    });
    expect(codes(e)).toEqual(['faucets[1].placement DUPLICATE_FAUCET_PLACEMENT']);
    expect(e.errors[0]!.message).toBe('Faucet 2: BASIN_1 already has a faucet (one faucet per placement).');
    const third = evaluate(MDRD, { body: body(), pegboard: null, basins: [{ type: 'E_SINK', size: '24X20X8' }, { type: 'E_SINK', size: '24X20X8' }], faucets: [{ type: 'WRIST_BLADE', placement: 'BASIN_3' }] });
    expect(third.errors).toEqual([expect.objectContaining({ field: 'faucets[0].placement', code: 'OPTION_NOT_AVAILABLE', validValues: ['BASIN_1', 'BASIN_2', 'BETWEEN_1_2'] })]);
  });

  it('flags missing choices, unknown options and wrong types with the values to pick', () => {
    const e = evaluate(MDRD, { body: { model: 'T2-B1', length: '60', legs: { type: 'HEIGHT_ADJUSTABLE' } }, basins: [{ size: '20X20X8', colour: 'red' }], pegboard: null, extra: 1 });
    expect(codes(e).sort()).toEqual([
      'basins[0].colour UNKNOWN_OPTION', 'basins[0].type REQUIRED', 'body.feet REQUIRED', 'body.legs.model REQUIRED', 'body.length INVALID_TYPE', 'body.width REQUIRED', 'extra UNKNOWN_OPTION',
    ]);
    expect(e.errors.find((p) => p.field === 'basins[0].type')!.validValues).toEqual(['E_SINK', 'E_SINK_DI', 'E_DRAIN']);
    expect(evaluate(MDRD, 'T2-B1').errors).toEqual([expect.objectContaining({ field: 'configuration', code: 'INVALID_TYPE' })]);
  });

  it('warns (without refusing) when the basins are wider than the body', () => {
    const e = evaluate(MDRD, { body: body({ model: 'T2-B3', length: 60 }), pegboard: null, basins: [1, 2, 3].map(() => ({ type: 'E_SINK', size: '30X20X8' })) });
    expect(e.isValid).toBe(true);
    expect(e.warnings.map((w) => w.code)).toEqual(['BASINS_WIDER_THAN_BODY']);
    expect(e.warnings[0]!.message).toMatch(/108 in .* 60 in long/);
  });

  describe('accessories with conditions', () => {
    const sink = (over: Record<string, unknown> = {}) => ({ body: body({ length: 60 }), pegboard: { type: 'PERFORATED', size: 'SAME_AS_SINK' }, basins: [{ type: 'E_SINK', size: '24X20X8' }, { type: 'E_DRAIN', size: '30X20X8' }], ...over });
    const problems = (config: unknown, pns: string[]) => evaluate(MDRD, config, pns.map((p, i) => accessory(p, 1, i))).errors.map((p) => `${p.field} ${p.code}`);

    it('bolt-on shelves need a SOLID pegboard', () => {
      expect(problems(sink(), ['T-OA-SSSHELF-1812-BOLT-ON-KIT', 'T-OA-SSSHELF-3612-BOLT-ON-KIT', 'T-OA-SSSHELF-1812'])).toEqual([
        'accessories[0] ACCESSORY_NEEDS_SOLID_PEGBOARD', 'accessories[1] ACCESSORY_NEEDS_SOLID_PEGBOARD',
      ]);
      expect(problems(sink({ pegboard: { type: 'SOLID', size: 'SAME_AS_SINK' } }), ['T-OA-SSSHELF-1812-BOLT-ON-KIT'])).toEqual([]);
    });

    it('-PB and -PB-KIT items need a pegboard', () => {
      expect(problems(sink({ pegboard: null }), ['T-OA-WRK-FLW-PB', 'T-OA-MLIGHT-PB-KIT', 'T-OA-MNT-ARM'])).toEqual(['accessories[0] ACCESSORY_NEEDS_PEGBOARD', 'accessories[1] ACCESSORY_NEEDS_PEGBOARD']);
      expect(problems(sink(), ['T-OA-WRK-FLW-PB', 'T-OA-MLIGHT-PB-KIT'])).toEqual([]);
    });

    it('small adders below 84 in, large ones from 84 in', () => {
      expect(problems(sink(), ['T2-OA-CUST-SHELF-HA-SML', 'T-OA-RAIL-SHELF-ADDER-SML', 'T2-OA-CUST-SHELF-HA-LRG', 'T-OA-RAIL-SHELF-ADDER-LRG'])).toEqual([
        'accessories[2] ACCESSORY_FOR_LONG_BODY', 'accessories[3] ACCESSORY_FOR_LONG_BODY',
      ]);
      const long = sink({ body: body({ length: 84 }) });
      expect(problems(long, ['T2-OA-CUST-SHELF-HA-SML', 'T-OA-RAIL-SHELF-ADDER-LRG'])).toEqual(['accessories[0] ACCESSORY_FOR_SHORT_BODY']);
    });

    it('staging covers match a basin footprint; the InstroSink light and other families\' accessories are refused', () => {
      expect(problems(sink(), ['T2-OA-SC-2420-SS', 'T2-OA-SC-3020-SS', 'T2-OA-SC-2020-SS'])).toEqual(['accessories[2] STAGING_COVER_NEEDS_MATCHING_BASIN']);
      const customBasin = sink({ basins: [{ type: 'E_SINK', size: { width: 20, length: 20, depth: 12 } }, { type: 'E_DRAIN', size: '30X20X8' }] });
      expect(problems(customBasin, ['T2-OA-SC-2020-SS'])).toEqual([]);
      expect(problems(sink(), ['T2-OHL-INSTRO-KIT', 'ACC-1001'])).toEqual(['accessories[0] ACCESSORY_NOT_FOR_FAMILY', 'accessories[1] ACCESSORY_NOT_IN_LIBRARY']);
      expect(evaluate(MDRD, sink(), [{ field: 'accessories[0]', ref: 'NOPE-1', item: null, quantity: 1 }]).errors[0]).toMatchObject({ code: 'ACCESSORY_NOT_FOUND' });
    });
  });

  it('offers only the choices that fit the rest of the configuration', () => {
    const plan = planConfiguration(MDRD, { body: body({ legs: { type: 'FIXED_HEIGHT' } }), basins: [{ type: 'E_SINK' }] }, []);
    const e = completeEvaluation(MDRD, plan, new Map(), { withOptions: true });
    const offered = (field: string) => e.options.find((o) => o.field === field)?.values.map((v) => v.value);
    expect(offered('body.legs.model')).toEqual(['DL27', 'DL14']);
    expect(offered('basins[0].size')).toEqual(['20X20X8', '24X20X8', '24X20X10', '30X20X8', '30X20X10']);
    expect(offered('faucets[].placement')).toEqual(['BASIN_1']);
  });
});

describe('CleanStation families (manufacturing spec 4.1, 4.2)', () => {
  const SPEC_EXAMPLE = {
    body: { material: 'STAINLESS_STEEL_316L', size: '48x24x36', mounting: 'FLOOR_MOUNTED' },
    basin: { type: 'SINGLE_BASIN', depth: '12_INCH', drainPosition: 'CENTER' },
    pegboard: { size: 'STANDARD_24X18', holePattern: 'UNIVERSAL', material: 'STAINLESS_STEEL' },
    legs: { height: 'ADJUSTABLE_34_38', material: 'STAINLESS_STEEL', style: 'H_FRAME' },
  };

  it('turns the spec example into SINK-CS-PRO-48 and a 700-series custom pegboard, priced as the spec shows', () => {
    const e = evaluate(CSP, SPEC_EXAMPLE);
    expect(e.errors).toEqual([]);
    expect(bom(e)).toEqual(['SINK-CS-PRO-48 x1', '(new) Custom Pegboard Assembly Universal 24x18 x1']);
    const peg = e.lines[1]!;
    expect(peg).toMatchObject({ source: 'GENERATED', partNumber: null, custom: { numbering: 'SEQUENCE', kind: 'PART', cost: 125, leadTimeDays: 21 } });
    expect(peg.custom!.specifications).toEqual({ dimensions: '24x18x0.125', material: '316L Stainless Steel', holePattern: 'Universal 0.25" holes on 1" centers', finish: 'Brushed #4' });
    expect(e.price!.total).toBe(4250);
    expect(e.customPartsRequired).toEqual([{ component: 'pegboard', reason: 'Standard size with universal pattern', estimatedCost: 125, partNumber: null, specifications: peg.custom!.specifications }]);
    expect(e.recommendations).toEqual([{ component: 'basin', suggestion: 'Consider 14-inch depth for enhanced ergonomics', additionalCost: 85 }]);
    expect(e.validationResults.legs).toMatchObject({ isValid: true, loadCapacity: '500 lbs' });
    expect(e.validationResults.pegboard).toMatchObject({ isValid: true, customRequired: true });
    expect(e.validationResults.basin).toMatchObject({ isValid: true, compatibility: 'COMPATIBLE', selectedOptions: SPEC_EXAMPLE.basin });
  });

  it('uses the standard pegboard kit where one covers the choice, and a custom size otherwise', () => {
    const std = evaluate(CSP, { ...SPEC_EXAMPLE, pegboard: { size: 'LARGE_30X24', holePattern: 'UNIVERSAL', material: 'STAINLESS_STEEL' } });
    expect(bom(std)).toEqual(['SINK-CS-PRO-48 x1', 'PEG-KIT-30X24-UNI x1']);
    const custom = evaluate(CSP, { ...SPEC_EXAMPLE, pegboard: { size: 'CUSTOM', holePattern: 'CUSTOM', material: 'ALUMINUM', customDimensions: { width: 40, length: 20 } } });
    expect(bom(custom)).toEqual(['SINK-CS-PRO-48 x1', '(new) Custom Pegboard Assembly Custom Pattern 40x20 Aluminum x1']);
    expect(custom.lines[1]!.custom!.cost).toBe(Math.round((35 + 0.208333 * 800) * 0.85 + 45));
    expect(evaluate(CSP, { ...SPEC_EXAMPLE, pegboard: { size: 'CUSTOM', holePattern: 'UNIVERSAL', material: 'ALUMINUM' } }).errors.map((p) => p.code)).toEqual(['CUSTOM_PEGBOARD_NEEDS_DIMENSIONS']);
  });

  it('adds basin assemblies for double and triple basins and refuses a triple basin in a 36 in body', () => {
    const triple = evaluate(CSP, { ...SPEC_EXAMPLE, basin: { type: 'TRIPLE_BASIN', depth: '14_INCH', drainPosition: 'DUAL' }, pegboard: null });
    expect(bom(triple)).toEqual(['SINK-CS-PRO-48 x1', 'SUB-BASIN-48-SS x2', 'DRAIN-3-CENTER x3']);
    const small = evaluate(CSP, { ...SPEC_EXAMPLE, body: { ...SPEC_EXAMPLE.body, size: '36x24x36' }, basin: { type: 'TRIPLE_BASIN', depth: '14_INCH', drainPosition: 'CENTER' } });
    expect(small.errors).toEqual([expect.objectContaining({ field: 'basin.type', code: 'OPTION_NOT_AVAILABLE', validValues: ['SINGLE_BASIN', 'DOUBLE_BASIN'] })]);
  });

  it('prices the CleanStation Standard template as the spec shows', () => {
    const lab = CSS.templates!.find((t) => t.name === 'Compact Laboratory')!;
    const e = evaluate(CSS, lab.configuration);
    expect(bom(e)).toEqual(['SINK-CS-STD-36 x1']);
    expect(e.price!.total).toBe(2650);
    expect(evaluate(CSS, { ...lab.configuration, basin: { type: 'TRIPLE_BASIN', depth: '14_INCH', drainPosition: 'DUAL' } }).errors.map((p) => `${p.field} ${p.code}`)).toEqual([
      'basin.type INVALID_OPTION', 'basin.depth INVALID_OPTION', 'basin.drainPosition INVALID_OPTION',
    ]);
  });

  it('lists configurable options as the spec names them', () => {
    expect(configurableOptions(CSP).body).toEqual({ materials: ['STAINLESS_STEEL_316L', 'STAINLESS_STEEL_304'], sizesAvailable: ['36x24x36', '48x24x36', '60x30x36'], mountingTypes: ['FLOOR_MOUNTED', 'WALL_MOUNTED', 'ISLAND'] });
    expect(configurableOptions(CSP).legs).toEqual({ heights: ['FIXED_34', 'ADJUSTABLE_34_38', 'ADJUSTABLE_32_40'], materials: ['STAINLESS_STEEL', 'ALUMINUM'], styles: ['H_FRAME', 'CABINET_BASE', 'PEDESTAL'] });
    expect(configurableOptions(CSS).basin).toEqual({ types: ['SINGLE_BASIN', 'DOUBLE_BASIN'], depths: ['10_INCH', '12_INCH'], drainPositions: ['CENTER', 'LEFT', 'RIGHT'] });
  });
});

describe('every family document', () => {
  it.each(families.flatMap((f) => (f.templates ?? []).map((t) => [f.code, t.name, t] as const)))('%s template "%s" is valid and expands from catalog items', (code, _name, template) => {
    const e = evaluate(family(code), template.configuration);
    expect(e.errors).toEqual([]);
    expect(e.lines.length).toBeGreaterThan(0);
  });

  it('names only catalog items in its rules and accessory library', () => {
    for (const f of families) for (const pn of f.accessories.partNumbers) expect(catalog.has(pn), `${f.code}: ${pn}`).toBe(true);
  });

  it('quotes lead times as ranges', () => {
    expect([0, 1, 5, 7, 14, 21, 28].map(leadTimeRange)).toEqual(['In stock', '1 day', '5 days', '1 week', '1-2 weeks', '2-3 weeks', '3-4 weeks']);
  });
});
