import { enumValuesOf, evaluate, ExpressionError, fillMessage, formatNumber, getAt, isTruthy, parsePath, type Element, type Scope } from './expression.fns.js';
import type { CatalogItem, Constraint, EnumValue, FamilyDoc, OptionNode, Problem } from './family.types.js';

/**
 * Validation of a configuration against its family document: every problem at once, each with
 * the field path, a rule code, a sentence a coordinator understands and the values that would be
 * valid. Errors stop a BOM; warnings travel beside a valid result.
 */

export interface AccessoryChoice {
  /** Where the accessory was given in the request (`accessories[2]`). */
  field: string;
  item: CatalogItem | null;
  /** The id or part number as the client sent it (for an unknown one). */
  ref: string;
  quantity: number;
}

const label = (node: OptionNode, path: string) => node.label ?? parsePath(path).filter((s) => !/^\d+$/.test(s)).pop() ?? path;
const list = (values: unknown[]) => values.map((v) => (typeof v === 'number' ? formatNumber(v) : String(v))).join(', ');
const humanPaths = new Map<string, string>();
/** `BASIN_2` stays, `basins[1].size` reads "basins 2 size" (memoised: the same few values on every validation). */
const humanPath = (path: string) => {
  let text = humanPaths.get(path);
  if (text === undefined) {
    text = path.replace(/\[(\d+)\]/g, (_m, i: string) => ` ${Number(i) + 1}`).replace(/\./g, ' ');
    if (humanPaths.size > 5_000) humanPaths.clear();
    humanPaths.set(path, text);
  }
  return text;
};

/** Fills in declared defaults (document language EN, add-ons off) so rules read one shape. */
export function withDefaults(options: Record<string, OptionNode>, config: unknown): unknown {
  const fill = (node: OptionNode, value: unknown): unknown => {
    if (value === undefined) {
      if ('default' in node && node.default !== undefined) return node.default;
      if (node.type === 'boolean') return false;
      if (node.type === 'array' && !node.required) return [];
      return undefined;
    }
    if (node.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const [k, child] of Object.entries(node.fields)) {
        const v = fill(child, out[k]);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    if (node.type === 'array' && Array.isArray(value)) return value.map((v) => fill(node.items, v));
    if (node.type === 'oneOf' && value && typeof value === 'object') {
      const obj = node.options.find((o) => o.type === 'object');
      return obj ? fill(obj, value) : value;
    }
    return value;
  };
  if (!config || typeof config !== 'object' || Array.isArray(config)) return config;
  return fill({ type: 'object', fields: options }, config);
}

/** The values an enum offers given the rest of the configuration (`when` conditions). */
export function offeredValues(values: EnumValue[], scope: Scope): EnumValue[] {
  if (values.every((v) => v.when === undefined)) return values;
  const unrecorded = scope.reads ? { ...scope, reads: undefined } : scope;
  return values.filter((v) => {
    if (v.when === undefined) return true;
    try {
      return isTruthy(evaluate(v.when, unrecorded));
    } catch (err) {
      // A condition about a list element, asked before the element exists: offer the value.
      if (err instanceof ExpressionError) return true;
      throw err;
    }
  });
}

/** An error at `field` (messages are only built for a problem: most fields have none). */
function problem(out: Problem[], field: string, code: string, message: string, validValues?: unknown[]) {
  out.push({ field, code, message, severity: 'error', ...(validValues ? { validValues } : {}) });
}

function checkNode(node: OptionNode, value: unknown, path: string, scope: Scope, out: Problem[]): void {
  if (node.type === 'number' && typeof value === 'number' && Number.isFinite(value) && !(value < (node.min ?? -Infinity)) && !(value > (node.max ?? Infinity))) return;
  if (node.type === 'boolean' && typeof value === 'boolean') return;
  if (value === undefined || value === null) {
    if (node.type === 'object' && node.nullable) return;
    const required = 'required' in node ? node.required !== false : true;
    if (!required) return;
    const offered = offeredValues(enumValuesOf(node), scope).map((v) => v.value);
    problem(out, path, 'REQUIRED', `Choose the ${label(node, path)}${offered.length ? ` (${list(offered)})` : ''}.`, offered.length ? offered : undefined);
    return;
  }
  switch (node.type) {
    case 'enum': {
      const all = enumValuesOf(node);
      const chosen = all.find((v) => v.value === value);
      // A valid choice without a condition needs no list of alternatives.
      if (chosen && chosen.when === undefined) return;
      const offered = offeredValues(all, scope);
      if (typeof value !== 'string' || !chosen) {
        problem(out, path, 'INVALID_OPTION', `"${String(typeof value === 'object' ? JSON.stringify(value) : value)}" is not a ${label(node, path)} we build. Choose one of: ${list(offered.map((v) => v.value))}.`, offered.map((v) => v.value));
      } else if (!offered.includes(chosen)) {
        problem(out, path, 'OPTION_NOT_AVAILABLE', chosen.whenMessage ?? `${value} is not available with the other choices. Choose one of: ${list(offered.map((v) => v.value))}.`, offered.map((v) => v.value));
      }
      return;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        problem(out, path, 'INVALID_TYPE', `The ${label(node, path)} must be a number${node.unit ? ` of ${node.unit}` : ''}.`);
        return;
      }
      if ((node.min !== undefined && value < node.min) || (node.max !== undefined && value > node.max)) {
        const unit = node.unit ? ` ${node.unit}` : '';
        problem(out, path, 'OUT_OF_RANGE', `The ${label(node, path)} must be between ${formatNumber(node.min ?? -Infinity)} and ${formatNumber(node.max ?? Infinity)}${unit}; ${formatNumber(value)}${unit} was given.`, [
          { min: node.min ?? null, max: node.max ?? null },
        ]);
      }
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') problem(out, path, 'INVALID_TYPE', `The ${label(node, path)} is yes or no (true or false).`, [true, false]);
      return;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        problem(out, path, 'INVALID_TYPE', `The ${label(node, path)} must be an object with ${list(Object.keys(node.fields))}.`, Object.keys(node.fields));
        return;
      }
      checkFields(node.fields, value as Record<string, unknown>, path, scope, out);
      return;
    }
    case 'array': {
      if (!Array.isArray(value)) {
        problem(out, path, 'INVALID_TYPE', `The ${label(node, path)} must be a list.`);
        return;
      }
      if (node.maxItems !== undefined && value.length > node.maxItems) {
        problem(out, path, 'TOO_MANY', `At most ${node.maxItems} ${label(node, path)}; ${value.length} were given.`, [{ maxItems: node.maxItems }]);
      }
      if (node.minItems !== undefined && value.length < node.minItems) {
        problem(out, path, 'TOO_FEW', `At least ${node.minItems} ${label(node, path)}; ${value.length} were given.`, [{ minItems: node.minItems }]);
      }
      value.forEach((item, index) => {
        const el: Element = { value: item, index, path: `${path}[${index}]` };
        checkNode(node.items, item, el.path, { ...scope, outer: scope.el, el }, out);
      });
      return;
    }
    case 'oneOf': {
      const wanted = typeof value === 'object' && !Array.isArray(value) ? 'object' : typeof value === 'string' ? 'enum' : typeof value;
      const option = node.options.find((o) => o.type === wanted);
      const known = enumValuesOf(node).some((v) => v.value === value);
      if (!option || (option.type === 'enum' && !known)) {
        const offered = offeredValues(enumValuesOf(node), scope).map((v) => v.value);
        const shapes = node.options.filter((o) => o.type === 'object').map((o) => `{ ${Object.keys((o as { fields: object }).fields).join(', ')} }`);
        const given = typeof value === 'string' ? `"${value}" is not a ${label(node, path)} we build. ` : '';
        problem(out, path, 'INVALID_OPTION', `${given}The ${label(node, path)} is one of ${list([...offered, ...shapes])}.`, [...offered, ...shapes]);
        return;
      }
      checkNode(option, value, path, scope, out);
      return;
    }
  }
}

function checkFields(fields: Record<string, OptionNode>, value: Record<string, unknown>, base: string, scope: Scope, out: Problem[]) {
  for (const key of Object.keys(value)) {
    if (!(key in fields)) {
      const path = base ? `${base}.${key}` : key;
      out.push({ field: path, code: 'UNKNOWN_OPTION', message: `"${key}" is not an option here. Options: ${list(Object.keys(fields))}.`, validValues: Object.keys(fields), severity: 'error' });
    }
  }
  for (const [key, child] of Object.entries(fields)) {
    checkNode(child, value[key], base ? `${base}.${key}` : key, scope, out);
  }
}

/** True when `path` lies on or under a field that already has an error. */
const touches = (path: string, bad: string[]) => bad.some((b) => path === b || path.startsWith(`${b}.`) || path.startsWith(`${b}[`));

/** One rule over one scope (the configuration, or one element of a `forEach` list). */
function checkRule(c: Constraint, inner: Scope, badFields: string[], out: Problem[]) {
  // The paths a rule reads only matter when some field already has an error.
  const reads = badFields.length ? new Set<string>() : undefined;
  const s = reads ? { ...inner, reads } : inner;
  if (c.when !== undefined && !isTruthy(evaluate(c.when, s))) return;
  if (isTruthy(evaluate(c.assert, s))) return;
  // A rule over a field that is already wrong would only repeat that mistake in other words.
  if (reads && [...reads].some((r) => touches(r, badFields))) return;
  const index = inner.el?.index ?? 0;
  const params: Record<string, unknown> = { n: index + 1 };
  for (const [k, e] of Object.entries(c.params ?? {})) params[k] = evaluate(e, inner);
  const validValues = c.validValues === undefined ? undefined : evaluate(c.validValues, inner);
  out.push({
    field: c.field.replace('{i}', String(index)),
    code: c.code,
    message: fillMessage(c.message, params),
    severity: c.severity,
    ...(Array.isArray(validValues) ? { validValues } : {}),
  });
}

function runConstraint(c: Constraint, scope: Scope, badFields: string[], out: Problem[]) {
  if (!c.forEach) return checkRule(c, scope, badFields, out);
  const items = getAt(scope.root, c.forEach);
  if (!Array.isArray(items)) return;
  for (let index = 0; index < items.length; index++) checkRule(c, { ...scope, el: { value: items[index], index, path: `${c.forEach}[${index}]` } }, badFields, out);
}

function checkAccessories(doc: FamilyDoc, accessories: AccessoryChoice[], scope: Scope, out: Problem[]) {
  const library = new Set(doc.accessories.partNumbers.map((p) => p.toUpperCase()));
  for (const a of accessories) {
    if (!a.item) {
      out.push({ field: a.field, code: 'ACCESSORY_NOT_FOUND', message: `No catalog item "${a.ref}".`, severity: 'error' });
      continue;
    }
    const pn = a.item.partNumber.toUpperCase();
    if (!library.has(pn)) {
      out.push({ field: a.field, code: 'ACCESSORY_NOT_IN_LIBRARY', message: `${a.item.partNumber} (${a.item.name}) is not an accessory of ${doc.name}.`, severity: 'error' });
      continue;
    }
    for (const rule of doc.accessories.rules) {
      const applies = (rule.appliesTo.partNumbers ?? []).some((p) => p.toUpperCase() === pn) || (rule.appliesTo.suffixes ?? []).some((s) => pn.endsWith(s.toUpperCase()));
      if (!applies || isTruthy(evaluate(rule.requires, scope))) continue;
      out.push({ field: a.field, code: rule.code, message: fillMessage(rule.message, { partNumber: a.item.partNumber, name: a.item.name }), severity: 'error' });
    }
  }
}

export interface ValidationOutcome {
  /** The configuration with defaults filled in. */
  configuration: unknown;
  errors: Problem[];
  warnings: Problem[];
}

/** Validates one configuration and its accessories; never throws for bad client input. */
export function validateConfiguration(doc: FamilyDoc, rawConfig: unknown, accessories: AccessoryChoice[] = []): ValidationOutcome {
  const problems: Problem[] = [];
  if (!rawConfig || typeof rawConfig !== 'object' || Array.isArray(rawConfig)) {
    return { configuration: rawConfig, errors: [{ field: 'configuration', code: 'INVALID_TYPE', message: `A ${doc.name} configuration is an object with ${list(Object.keys(doc.options))}.`, validValues: Object.keys(doc.options), severity: 'error' }], warnings: [] };
  }
  const configuration = withDefaults(doc.options, rawConfig);
  const scope: Scope = { root: configuration, options: doc.options };
  checkFields(doc.options, configuration as Record<string, unknown>, '', scope, problems);
  const badFields = problems.map((p) => p.field);
  for (const c of doc.constraints) runConstraint(c, scope, badFields, problems);
  checkAccessories(doc, accessories, scope, problems);
  return { configuration, errors: problems.filter((p) => p.severity === 'error'), warnings: problems.filter((p) => p.severity === 'warning') };
}

export interface OfferedOption {
  field: string;
  values: { value: string; label: string }[];
}

/**
 * Every enum field of the configuration as it stands, with only the values that are valid with
 * the other choices: what the configurator page offers.
 */
export function availableOptions(doc: FamilyDoc, rawConfig: unknown): OfferedOption[] {
  const configuration = withDefaults(doc.options, rawConfig ?? {});
  const root = { root: configuration, options: doc.options } as Scope;
  const out: OfferedOption[] = [];
  const walk = (node: OptionNode, value: unknown, path: string, scope: Scope) => {
    const enums = enumValuesOf(node);
    if (enums.length) out.push({ field: path, values: offeredValues(enums, scope).map((v) => ({ value: v.value, label: v.label ?? humanPath(v.value) })) });
    if (node.type === 'object' && (value === undefined || (value && typeof value === 'object'))) {
      for (const [k, child] of Object.entries(node.fields)) walk(child, (value as Record<string, unknown> | undefined)?.[k], `${path}.${k}`.replace(/^\./, ''), scope);
    }
    if (node.type === 'oneOf' && value && typeof value === 'object') for (const o of node.options) if (o.type === 'object') walk(o, value, path, scope);
    if (node.type === 'array') {
      if (Array.isArray(value)) value.forEach((item, index) => walk(node.items, item, `${path}[${index}]`, { ...scope, el: { value: item, index, path: `${path}[${index}]` } }));
      // What a new element could be (`faucets[].placement`).
      walk(node.items, undefined, `${path}[]`, scope);
    }
  };
  for (const [k, node] of Object.entries(doc.options)) walk(node, (configuration as Record<string, unknown> | undefined)?.[k], k, root);
  return out;
}
