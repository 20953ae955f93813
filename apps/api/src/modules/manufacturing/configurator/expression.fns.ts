import type { EnumValue, Expr, OptionNode } from './family.types.js';

/**
 * The expression language family documents use for conditions, quantities, prices and messages: a
 * small JsonLogic dialect. An object with one key is an operation (`{"==": [a, b]}`), strings,
 * numbers, booleans and null are literals, arrays evaluate element-wise.
 *
 * Paths: `{"var": "body.length"}` reads the configuration; `$` is the list element a rule or
 * constraint runs for (`$.size`), `$$` the element around it, `$index` its position.
 * Every path read is recorded, so that a constraint over a field that already has an error is
 * skipped instead of piling a second, confusing message on the same mistake.
 */

export interface Element {
  value: unknown;
  path: string;
  index: number;
}

export interface Scope {
  root: unknown;
  options: Record<string, OptionNode>;
  el?: Element;
  outer?: Element;
  reads?: Set<string>;
}

export class ExpressionError extends Error {}

const parsed = new Map<string, string[]>();

/** `basins[1].size` -> ['basins', '1', 'size'] (memoised: rules name the same few paths over and over). */
export function parsePath(path: string): string[] {
  let segs = parsed.get(path);
  if (!segs) {
    segs = path.split(/\.|\[(\d+)\]/).filter((s): s is string => s !== undefined && s !== '');
    if (parsed.size > 5_000) parsed.clear();
    parsed.set(path, segs);
  }
  return segs;
}

export function getAt(root: unknown, path: string | string[]): unknown {
  let cur = root;
  for (const seg of Array.isArray(path) ? path : parsePath(path)) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** The option node that describes a concrete configuration path (list indices step into `items`). */
export function nodeAt(options: Record<string, OptionNode>, path: string): OptionNode | undefined {
  const segs = parsePath(path);
  let node: OptionNode | undefined = options[segs[0] ?? ''];
  for (const seg of segs.slice(1)) {
    if (!node) return undefined;
    if (node.type === 'array' && /^\d+$/.test(seg)) node = node.items;
    else if (node.type === 'object') node = node.fields[seg];
    else if (node.type === 'oneOf') node = node.options.map((o) => (o.type === 'object' ? o.fields[seg] : undefined)).find(Boolean);
    else return undefined;
  }
  return node;
}

/** The enum values a node offers (looking inside oneOf). */
export function enumValuesOf(node: OptionNode | undefined): EnumValue[] {
  if (!node) return [];
  if (node.type === 'enum') return node.values.map((v) => (typeof v === 'string' ? { value: v } : v));
  if (node.type === 'oneOf') return node.options.flatMap(enumValuesOf);
  return [];
}

/** Numbers as people write them in part numbers and messages: 22, 22.5 (never 22.500000001). */
export function formatNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** A `$`/`$$` path read from its list element. */
function fromElement(path: string, el: Element | undefined, rest: string): { value: unknown; concrete: string } {
  if (!el) throw new ExpressionError(`"${path}" used outside a list rule`);
  return { value: rest ? getAt(el.value, rest) : el.value, concrete: rest ? `${el.path}.${rest}` : el.path };
}

function resolvePath(path: string, scope: Scope): { value: unknown; concrete: string } {
  if (path.charCodeAt(0) !== 36 /* $ */) return { value: getAt(scope.root, path), concrete: path };
  if (path === '$index') return { value: scope.el?.index ?? null, concrete: '' };
  if (path === '$$index') return { value: scope.outer?.index ?? null, concrete: '' };
  if (path === '$$' || path.startsWith('$$.')) return fromElement(path, scope.outer, path.slice(3));
  if (path === '$' || path.startsWith('$.')) return fromElement(path, scope.el, path.slice(2));
  return { value: getAt(scope.root, path), concrete: path };
}

const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : NaN);
const truthy = (v: unknown) => !(v === false || v === null || v === undefined || v === 0 || v === '' || (Array.isArray(v) && v.length === 0));
const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9);

function args(e: Expr): Expr[] {
  return Array.isArray(e) ? e : [e];
}

/** Runs `body` once per element of the list that `listExpr` names, with `$` bound to the element. */
function overList<T>(listExpr: Expr, scope: Scope, body: (inner: Scope) => T): T[] {
  const list = evaluate(listExpr, scope);
  if (!Array.isArray(list)) return [];
  let basePath = '';
  if (listExpr && typeof listExpr === 'object' && !Array.isArray(listExpr) && typeof listExpr.var === 'string') {
    basePath = resolvePath(listExpr.var, scope).concrete;
  }
  return list.map((value, index) => body({ ...scope, outer: scope.el, el: { value, index, path: `${basePath}[${index}]` } }));
}

function prop(pathExpr: Expr, name: string, scope: Scope): unknown {
  if (typeof pathExpr !== 'string') throw new ExpressionError('prop takes a path');
  const { value, concrete } = resolvePath(pathExpr, scope);
  scope.reads?.add(concrete);
  if (value && typeof value === 'object') return (value as Record<string, unknown>)[name] ?? null;
  if (typeof value !== 'string') return null;
  const chosen = enumValuesOf(nodeAt(scope.options, concrete)).find((v) => v.value === value);
  return chosen?.attrs?.[name] ?? null;
}

/** The one key of an operation (no array allocated: this runs for every node of every rule). */
function onlyKey(e: Record<string, Expr>): string {
  let op: string | undefined;
  for (const k in e) {
    if (op !== undefined) throw new ExpressionError(`An operation has exactly one key, got ${Object.keys(e).join(', ')}`);
    op = k;
  }
  if (op === undefined) throw new ExpressionError('An operation has exactly one key, got none');
  return op;
}

/** Argument i of an operation, evaluated (a plain function: a closure per operation showed in profiles). */
function at(a: Expr[], i: number, scope: Scope): unknown {
  return evaluate(a[i] ?? null, scope);
}

export function evaluate(e: Expr, scope: Scope): unknown {
  if (e === null || typeof e !== 'object') return e;
  if (Array.isArray(e)) return e.map((x) => evaluate(x, scope));
  const op = onlyKey(e);
  const a = args(e[op]!);
  switch (op) {
    case 'var': {
      const { value, concrete } = resolvePath(String(a[0]), scope);
      if (concrete) scope.reads?.add(concrete);
      return value === undefined ? (a.length > 1 ? at(a, 1, scope) : null) : value;
    }
    case 'lit':
      return e[op];
    case '==': return same(at(a, 0, scope), at(a, 1, scope));
    case '!=': return !same(at(a, 0, scope), at(a, 1, scope));
    case '<': return num(at(a, 0, scope)) < num(at(a, 1, scope));
    case '<=': return num(at(a, 0, scope)) <= num(at(a, 1, scope));
    case '>': return num(at(a, 0, scope)) > num(at(a, 1, scope));
    case '>=': return num(at(a, 0, scope)) >= num(at(a, 1, scope));
    case 'and': {
      let last: unknown = true;
      for (const x of a) if (!truthy((last = evaluate(x, scope)))) return last;
      return last;
    }
    case 'or': {
      let last: unknown = false;
      for (const x of a) if (truthy((last = evaluate(x, scope)))) return last;
      return last;
    }
    case '!':
    case 'not': return !truthy(at(a, 0, scope));
    case 'in': {
      const list = at(a, 1, scope);
      return Array.isArray(list) ? list.some((x) => same(x, at(a, 0, scope))) : typeof list === 'string' ? list.includes(String(at(a, 0, scope))) : false;
    }
    case 'if': {
      for (let i = 0; i + 1 < a.length; i += 2) if (truthy(at(a, i, scope))) return at(a, i + 1, scope);
      return a.length % 2 === 1 ? at(a, a.length - 1, scope) : null;
    }
    case '+': return a.reduce<number>((s, _x, i) => s + num(at(a, i, scope)), 0);
    case '*': return a.reduce<number>((s, _x, i) => s * num(at(a, i, scope)), 1);
    case '-': return a.length === 1 ? -num(at(a, 0, scope)) : num(at(a, 0, scope)) - num(at(a, 1, scope));
    case '/': return num(at(a, 0, scope)) / num(at(a, 1, scope));
    case 'max': return Math.max(...a.map((_x, i) => num(at(a, i, scope))));
    case 'min': return Math.min(...a.map((_x, i) => num(at(a, i, scope))));
    case 'ceil': return Math.ceil(num(at(a, 0, scope)) - 1e-9);
    case 'round': {
      const f = 10 ** num(at(a, 1, scope) ?? 0);
      return Math.round(num(at(a, 0, scope)) * f) / f;
    }
    case 'count': return overList(a[0] ?? null, scope, (inner) => (a.length > 1 ? truthy(evaluate(a[1]!, inner)) : true)).filter(Boolean).length;
    case 'sum': return overList(a[0] ?? null, scope, (inner) => num(evaluate(a[1] ?? { var: '$' }, inner))).reduce((s, x) => s + x, 0);
    case 'some': return overList(a[0] ?? null, scope, (inner) => truthy(evaluate(a[1]!, inner))).some(Boolean);
    case 'all': return overList(a[0] ?? null, scope, (inner) => truthy(evaluate(a[1]!, inner))).every(Boolean);
    case 'map': return overList(a[0] ?? null, scope, (inner) => evaluate(a[1]!, inner));
    case 'len': {
      const v = at(a, 0, scope);
      return Array.isArray(v) || typeof v === 'string' ? v.length : 0;
    }
    case 'isObject': {
      const v = at(a, 0, scope);
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    }
    case 'isSet': {
      const v = at(a, 0, scope);
      return v !== null && v !== undefined;
    }
    case 'cat': return a.map((_x, i) => {
      const v = at(a, i, scope);
      return typeof v === 'number' ? formatNumber(v) : v === null || v === undefined ? '' : String(v);
    }).join('');
    case 'lookup': {
      const key = at(a, 0, scope);
      const table = a[1];
      if (!table || typeof table !== 'object' || Array.isArray(table)) throw new ExpressionError('lookup takes a key and a table');
      const hit = (table as Record<string, Expr>)[String(key)];
      return hit === undefined ? (a.length > 2 ? at(a, 2, scope) : null) : evaluate(hit, scope);
    }
    case 'band': {
      // [[lo, hi, result], ...]: lo <= v < hi, the last band also takes v == hi.
      const v = num(at(a, 0, scope));
      const bands = a[1] as [number, number, Expr][];
      const i = bands.findIndex(([lo, hi], idx) => v >= lo && (v < hi || (idx === bands.length - 1 && v <= hi)));
      return i < 0 ? null : evaluate(bands[i]![2], scope);
    }
    case 'prop': return prop(a[0] ?? null, String(a[1]), scope);
    case 'unique': return duplicates(at(a, 0, scope), String(a[1])).length === 0;
    case 'duplicates': return duplicates(at(a, 0, scope), String(a[1]));
    case 'join': {
      const v = at(a, 0, scope);
      return Array.isArray(v) ? v.map((x) => (typeof x === 'number' ? formatNumber(x) : String(x))).join(String(a[1] ?? ', ')) : '';
    }
    default:
      throw new ExpressionError(`Unknown operation "${op}"`);
  }
}

function duplicates(list: unknown, key: string): unknown[] {
  if (!Array.isArray(list)) return [];
  const seen = new Set<unknown>();
  const dup = new Set<unknown>();
  for (const item of list) {
    const v = item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
    if (v === undefined || v === null) continue;
    if (seen.has(v)) dup.add(v);
    seen.add(v);
  }
  return [...dup];
}

export const isTruthy = truthy;

/** Fills `{name}` placeholders of a message. */
export function fillMessage(message: string, params: Record<string, unknown>): string {
  return message.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined) return m;
    if (Array.isArray(v)) return v.join(', ');
    return typeof v === 'number' ? formatNumber(v) : String(v);
  });
}
