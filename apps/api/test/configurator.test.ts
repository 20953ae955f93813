import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectError, json, login, type Session, type TestContext } from './harness.js';
import { MDRD, SPEC_CONFIGURATION } from './sink-configurations.js';

/** Manufacturing spec 4.1 through HTTP: sink families, validation and templates, by role (spec 12.2). */
let t: TestContext;
let coordinator: Session;
let admin: Session;
const others: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  [coordinator, admin] = await Promise.all([login(t.app, 'production-coordinator@plantops.local'), login(t.app, 'admin@plantops.local')]);
  for (const who of ['assembler', 'qc-person', 'procurement', 'service-tech', 'technician', 'manager']) others[who] = await login(t.app, `${who}@plantops.local`);
});
afterAll(async () => t?.close());

const validate = (s: Session, payload: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/configurations/validate', headers: bearer(s), payload: payload as object });
const ok = async (res: Awaited<ReturnType<typeof validate>>) => {
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return json(res).data;
};

const CSP_ID = '550e8400-e29b-41d4-a716-446655440100';

const MDRD_THREE_BASINS = MDRD({ pegboard: { type: 'PERFORATED', color: 'GREEN', size: 'SAME_AS_SINK' }, documentLanguage: 'FR' });

describe('who may configure (spec 4.1, 12.2)', () => {
  it('lets PRODUCTION_COORDINATOR and ADMIN in, and nobody else', async () => {
    for (const s of [coordinator, admin]) {
      expect((await t.app.inject({ url: '/api/v1/configurations/sink-families', headers: bearer(s) })).statusCode).toBe(200);
      expect((await validate(s, { sinkFamilyId: 'CSP', configuration: SPEC_CONFIGURATION })).statusCode).toBe(200);
      expect((await t.app.inject({ url: '/api/v1/configurations/templates', headers: bearer(s) })).statusCode).toBe(200);
    }
    for (const s of Object.values(others)) {
      expectError(await t.app.inject({ url: '/api/v1/configurations/sink-families', headers: bearer(s) }), 403, 'AUTH_INSUFFICIENT_PERMISSIONS');
      expectError(await validate(s, { sinkFamilyId: 'CSP', configuration: SPEC_CONFIGURATION }), 403, 'AUTH_INSUFFICIENT_PERMISSIONS');
      expectError(await t.app.inject({ url: '/api/v1/configurations/templates', headers: bearer(s) }), 403);
    }
    expectError(await t.app.inject({ url: '/api/v1/configurations/sink-families' }), 401, 'AUTH_REQUIRED');
  });
});

describe('GET /configurations/sink-families', () => {
  it('lists the three families with the spec\'s configurable options, and the option tree and accessories for the page', async () => {
    const { sinkFamilies } = json(await t.app.inject({ url: '/api/v1/configurations/sink-families', headers: bearer(coordinator) })).data;
    expect(sinkFamilies.map((f: { name: string }) => f.name)).toEqual(['CleanStation Pro', 'CleanStation Standard', 'MDRD T2']);
    const pro = sinkFamilies[0];
    expect(pro).toMatchObject({
      id: CSP_ID, baseModel: 'CSP', isActive: true, availableSizes: ['36', '48', '60'], basePrice: 2800, createdAt: '2024-01-01T00:00:00.000Z',
      configurableOptions: {
        body: { materials: ['STAINLESS_STEEL_316L', 'STAINLESS_STEEL_304'], mountingTypes: ['FLOOR_MOUNTED', 'WALL_MOUNTED', 'ISLAND'], sizesAvailable: ['36x24x36', '48x24x36', '60x30x36'] },
        basin: { types: ['SINGLE_BASIN', 'DOUBLE_BASIN', 'TRIPLE_BASIN'], depths: ['10_INCH', '12_INCH', '14_INCH'], drainPositions: ['CENTER', 'LEFT', 'RIGHT', 'DUAL'] },
        pegboard: { sizes: ['STANDARD_24X18', 'LARGE_30X24', 'CUSTOM'], holePatterns: ['UNIVERSAL', 'CUSTOM', 'NONE'], materials: ['STAINLESS_STEEL', 'ALUMINUM'] },
      },
    });
    const mdrd = sinkFamilies[2];
    expect(mdrd.configurableOptions.basins.basinSizes).toEqual(['20X20X8', '24X20X8', '24X20X10', '30X20X8', '30X20X10']);
    expect(mdrd.options.body.fields.length).toMatchObject({ type: 'number', min: 48, max: 120 });
    expect(mdrd.accessories).toHaveLength(54);
    expect(mdrd.accessories[0]).toMatchObject({ partNumber: 'T-OA-BINRAIL-24-KIT', catalogNumber: '702.4', name: 'Bin Rail 24-inch Kit' });
  });
});

describe('POST /configurations/validate', () => {
  it('prices the spec example at 4250 with its custom pegboard, recommendation and load capacity', async () => {
    const v = await ok(await validate(coordinator, { sinkFamilyId: CSP_ID, configuration: SPEC_CONFIGURATION }));
    expect(v).toMatchObject({
      isValid: true, sinkFamily: { id: CSP_ID, name: 'CleanStation Pro' }, errors: [], warnings: [], estimatedCost: 4250, estimatedLeadTime: '4-5 weeks', leadTimeDays: 28 + 5,
      validationResults: {
        body: { isValid: true, selectedOptions: SPEC_CONFIGURATION.body },
        basin: { isValid: true, compatibility: 'COMPATIBLE', selectedOptions: SPEC_CONFIGURATION.basin },
        pegboard: { isValid: true, customRequired: true },
        legs: { isValid: true, loadCapacity: '500 lbs' },
      },
      customPartsRequired: [{ component: 'pegboard', reason: 'Standard size with universal pattern', estimatedCost: 125, partNumber: null, leadTime: '2-3 weeks' }],
      recommendations: [{ component: 'basin', suggestion: 'Consider 14-inch depth for enhanced ergonomics', additionalCost: 85 }],
    });
    expect(v.configuredLines.map((l: { partNumber: string | null; quantity: number }) => [l.partNumber, l.quantity])).toEqual([['SINK-CS-PRO-48', 1], [null, 1]]);
  });

  it('takes the spec\'s additionalOptions and accessories by part number, and prices them', async () => {
    const acc = await ok(await validate(coordinator, { sinkFamilyId: 'CleanStation Pro', configuration: { ...SPEC_CONFIGURATION, additionalOptions: [{ optionId: 'ACC-1001', quantity: 2 }] } }));
    expect(acc.estimatedCost).toBe(4250 + 2 * 110);
    expect(acc.accessories).toEqual([expect.objectContaining({ partNumber: 'ACC-1001', quantity: 2 })]);
    const wrong = await ok(await validate(coordinator, { sinkFamilyId: 'CSP', configuration: SPEC_CONFIGURATION, accessories: [{ partNumber: 'T-OA-MNT-ARM', quantity: 1 }] }));
    expect(wrong.errors).toEqual([expect.objectContaining({ field: 'accessories[0]', code: 'ACCESSORY_NOT_IN_LIBRARY' })]);
  });

  it('returns 200 with every MDRD problem named, the fix and the valid values', async () => {
    const v = await ok(await validate(coordinator, {
      sinkFamilyId: 'MDRD_T2',
      configuration: {
        body: { model: 'T2-B2', length: 130, width: 30, legs: { type: 'FIXED_HEIGHT', model: 'LC1' }, feet: 'SEISMIC_FEET' },
        pegboard: null,
        basins: [{ type: 'E_SINK_DI', size: '24X20X8' }, { type: 'E_SINK', size: '24X20X8' }, { type: 'E_DRAIN', size: 'HUGE' }],
        faucets: [{ type: 'WRIST_BLADE', placement: 'BASIN_1' }, { type: 'PRE_RINSE', placement: 'BASIN_2' }, { type: 'WRIST_BLADE', placement: 'BASIN_3' }],
        sprayers: [{ type: 'AIR_GUN_TURRET', side: 'LEFT' }, { type: 'AIR_GUN_ROSETTE', side: 'LEFT' }, { type: 'AIR_GUN_TURRET', side: 'RIGHT' }],
        documentLanguage: 'DE',
      },
      accessories: [{ partNumber: 'T-OA-MLIGHT-PB-KIT', quantity: 1 }],
    }));
    expect(v.isValid).toBe(false);
    expect(v.estimatedCost).toBeNull();
    expect(v.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`).sort()).toEqual([
      'accessories[0] ACCESSORY_NEEDS_PEGBOARD',
      'basins BASIN_COUNT_MISMATCH',
      'basins[2].size INVALID_OPTION',
      'body.legs.model OPTION_NOT_AVAILABLE',
      'body.length OUT_OF_RANGE',
      'documentLanguage INVALID_OPTION',
      'faucets DI_BASIN_REQUIRES_GOOSENECK',
      'faucets TOO_MANY_FAUCETS',
      'sprayers TOO_MANY',
    ]);
    const gooseneck = v.errors.find((e: { code: string }) => e.code === 'DI_BASIN_REQUIRES_GOOSENECK');
    expect(gooseneck).toEqual({ field: 'faucets', code: 'DI_BASIN_REQUIRES_GOOSENECK', message: expect.stringContaining('DI_GOOSENECK'), validValues: ['DI_GOOSENECK'] });
    expect(v.errors.find((e: { field: string }) => e.field === 'documentLanguage').validValues).toEqual(['EN', 'FR', 'ES']);
    expect(v.validationResults.body).toMatchObject({ isValid: false, compatibility: 'INCOMPATIBLE' });
  });

  it('validates a three-basin MDRD build with a price, a lead time and its lines; warnings stay apart', async () => {
    const v = await ok(await validate(coordinator, { sinkFamilyId: 'MDRD_T2', configuration: MDRD_THREE_BASINS, accessories: [{ partNumber: 'T-OA-BINRAIL-36-KIT', quantity: 2 }] }));
    expect(v).toMatchObject({ isValid: true, errors: [], warnings: [], leadTimeDays: 28 + 7, estimatedLeadTime: '4-5 weeks' });
    expect(v.estimatedCost).toBeGreaterThan(1500);
    expect(v.configuredLines.map((l: { partNumber: string }) => l.partNumber)).toEqual(expect.arrayContaining(['T2-STD-MANUAL-FR-KIT', 'T2-BODY-73-120-HA', 'T2-CTRL-EDR1-ESK2', 'T2-ADW-PB-9636', 'T-OA-PB-COLOR', 'T2-ADW-BASIN-22x20x9']));
    expect(v.customPartsRequired).toEqual([expect.objectContaining({ partNumber: 'T2-ADW-BASIN-22x20x9', catalogNumber: '720.215.001' })]);

    const lc1 = await ok(await validate(coordinator, { sinkFamilyId: 'MDRD_T2', configuration: { ...MDRD_THREE_BASINS, body: { ...MDRD_THREE_BASINS.body, legs: { type: 'HEIGHT_ADJUSTABLE', model: 'LC1' } } } }));
    expect(lc1.isValid).toBe(true);
    expect(lc1.warnings).toEqual([expect.objectContaining({ field: 'body', code: 'LONG_LEAD_TIME' })]);

    const wide = await ok(await validate(coordinator, { sinkFamilyId: 'MDRD_T2', configuration: { ...MDRD_THREE_BASINS, body: { ...MDRD_THREE_BASINS.body, length: 60 } } }));
    expect(wide.isValid).toBe(true);
    expect(wide.warnings.map((w: { code: string }) => w.code)).toEqual(['BASINS_WIDER_THAN_BODY']);
  });

  it('answers what each field offers only when asked (include=availableOptions), as the configurator page asks', async () => {
    const body = { sinkFamilyId: 'MDRD_T2', configuration: MDRD_THREE_BASINS };
    const plain = await ok(await validate(coordinator, body));
    expect(plain).not.toHaveProperty('availableOptions');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/configurations/validate?include=availableOptions', headers: bearer(coordinator), payload: body });
    const withOptions = await ok(res);
    const offered = (field: string) => withOptions.availableOptions.find((o: { field: string }) => o.field === field)?.values.map((v: { value: string }) => v.value);
    expect(offered('faucets[].placement')).toEqual(['BASIN_1', 'BASIN_2', 'BASIN_3', 'BETWEEN_1_2', 'BETWEEN_2_3']);
    expect(offered('body.legs.model')).toContain('DL27');
    expect({ ...withOptions, availableOptions: undefined }).toEqual({ ...plain, availableOptions: undefined });
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/configurations/validate?include=everything', headers: bearer(coordinator), payload: body }), 400, 'VALIDATION_ERROR');
  });

  it('prices from the catalog as it stands: a cost change reaches the next validation through the cached item facts (decision 0019)', async () => {
    const body = { sinkFamilyId: 'MDRD_T2', configuration: MDRD_THREE_BASINS };
    const before = await ok(await validate(coordinator, body));
    const line = (v: typeof before) => v.price.linesTotal as number;
    expect(line(await ok(await validate(coordinator, body)))).toBe(line(before));
    await t.db.transaction((tx) => tx.query(`UPDATE items SET cost = cost + 100 WHERE part_number = 'T2-BODY-73-120-HA'`));
    const after = await ok(await validate(coordinator, body));
    expect(line(after)).toBeGreaterThan(line(before));
    await t.db.transaction((tx) => tx.query(`UPDATE items SET is_active = false WHERE part_number = 'T2-BODY-73-120-HA'`));
    const gone = await ok(await validate(coordinator, body));
    expect(gone.isValid).toBe(false);
    await t.db.transaction((tx) => tx.query(`UPDATE items SET is_active = true, cost = cost - 100 WHERE part_number = 'T2-BODY-73-120-HA'`));
    expect(line(await ok(await validate(coordinator, body)))).toBe(line(before));
  });

  it('names an unknown family with the ones there are, and finds the family of an unnamed configuration', async () => {
    const v = await ok(await validate(coordinator, { sinkFamilyId: 'NOPE', configuration: SPEC_CONFIGURATION }));
    expect(v).toMatchObject({ isValid: false, sinkFamily: null, errors: [{ field: 'sinkFamilyId', code: 'UNKNOWN_FAMILY' }] });
    expect(v.errors[0].validValues).toHaveLength(3);
    const inferred = await ok(await validate(coordinator, { configuration: SPEC_CONFIGURATION }));
    expect(inferred).toMatchObject({ isValid: true, sinkFamily: { code: 'CSP' } });
  });

  it('refuses a malformed request body with 422', async () => {
    expectError(await validate(coordinator, { sinkFamilyId: 'CSP', configuration: SPEC_CONFIGURATION, accessories: [{ quantity: 0 }] }), 422, 'VALIDATION_ERROR');
    expectError(await validate(coordinator, { sinkFamilyId: 'CSP', configuration: SPEC_CONFIGURATION, extra: true }), 422, 'VALIDATION_ERROR');
  });
});

describe('GET /configurations/templates', () => {
  it('shows the spec templates priced by the engine, filtered by family and category', async () => {
    const all = json(await t.app.inject({ url: '/api/v1/configurations/templates', headers: bearer(coordinator) })).data;
    const surgery = all.templates.find((x: { name: string }) => x.name === 'Standard Surgery Suite');
    expect(surgery).toMatchObject({
      id: '550e8400-e29b-41d4-a716-446655440110', category: 'STANDARD', sinkFamily: { id: CSP_ID, name: 'CleanStation Pro' }, estimatedCost: 4250, popularity: 85,
      lastUsed: '2025-01-15T14:30:00.000Z', createdAt: '2024-06-01T00:00:00.000Z', isValid: true, configuration: SPEC_CONFIGURATION,
    });
    expect(all.templates.find((x: { name: string }) => x.name === 'Compact Laboratory')).toMatchObject({ estimatedCost: 2650, category: 'POPULAR' });
    expect(all.templates.every((x: { isValid: boolean }) => x.isValid)).toBe(true);
    const popular = json(await t.app.inject({ url: '/api/v1/configurations/templates?category=POPULAR', headers: bearer(coordinator) })).data;
    expect(popular.templates.every((x: { category: string }) => x.category === 'POPULAR')).toBe(true);
    const mdrd = json(await t.app.inject({ url: '/api/v1/configurations/templates?sinkFamilyId=MDRD_T2', headers: bearer(coordinator) })).data;
    expect(mdrd.templates.map((x: { sinkFamily: { name: string } }) => x.sinkFamily.name)).toEqual(['MDRD T2', 'MDRD T2']);
    expect(mdrd.pagination).toMatchObject({ totalItems: 2, currentPage: 1 });
    expectError(await t.app.inject({ url: '/api/v1/configurations/templates?category=ODD', headers: bearer(coordinator) }), 400);
  });
});
