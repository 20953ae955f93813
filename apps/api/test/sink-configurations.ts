/** Sink configurations the tests and the bench share: the spec's CleanStation example and bom-rules.md's MDRD T2 example. */

export const SPEC_CONFIGURATION = {
  body: { material: 'STAINLESS_STEEL_316L', size: '48x24x36', mounting: 'FLOOR_MOUNTED' },
  basin: { type: 'SINGLE_BASIN', depth: '12_INCH', drainPosition: 'CENTER' },
  pegboard: { size: 'STANDARD_24X18', holePattern: 'UNIVERSAL', material: 'STAINLESS_STEEL' },
  legs: { height: 'ADJUSTABLE_34_38', material: 'STAINLESS_STEEL', style: 'H_FRAME' },
};

export const MDRD = (over: Record<string, unknown> = {}) => ({
  body: { model: 'T2-B3', length: 96, width: 30, legs: { type: 'HEIGHT_ADJUSTABLE', model: 'DL27' }, feet: 'LEVELING_CASTERS' },
  pegboard: { type: 'SOLID', color: 'GREEN', size: 'SAME_AS_SINK' },
  basins: [
    { type: 'E_DRAIN', size: '24X20X8', pTrap: true, light: true },
    { type: 'E_SINK', size: '24X20X10', pTrap: true, light: false },
    { type: 'E_SINK_DI', size: { width: 22, length: 20, depth: 9 }, pTrap: false, light: false },
  ],
  faucets: [{ type: 'WRIST_BLADE', placement: 'BASIN_2' }, { type: 'DI_GOOSENECK', placement: 'BASIN_3' }],
  sprayers: [{ type: 'WATER_GUN_TURRET', side: 'LEFT' }],
  documentLanguage: 'EN',
  ...over,
});
