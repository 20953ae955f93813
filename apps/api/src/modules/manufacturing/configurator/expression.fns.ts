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
  if (!node || (node.type !== 'enum' && node.type !== 'oneOf')) return NONE;
  // Kept per node of the (cached) family document: every field check and rule asks again.
  let values = enumValues.get(node);
  if (!values) {
    values = node.type === 'enum' ? node.values.map((v) => (typeof v === 'string' ? { value: v } : v)) : node.options.flatMap(enumValuesOf);
    enumValues.set(node, values);
  }
  return values;
}
const NONE: EnumValue[] = [];
const enumValues = new WeakMap<OptionNode, EnumValue[]>();

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

/** A path's value (as resolvePath finds it), with the path parsed once, when its rule is compiled. */
function reader(path: string): (scope: Scope) => unknown {
  if (path === '$index') return (s) => s.el?.index ?? null;
  if (path === '$$index') return (s) => s.outer?.index ?? null;
  const fromEl = (rest: string, pick: (s: Scope) => Element | undefined) => {
    const segs = rest ? parsePath(rest) : null;
    return (s: Scope) => {
      const el = pick(s);
      if (!el) throw new ExpressionError(`"${path}" used outside a list rule`);
      return segs ? getAt(el.value, segs) : el.value;
    };
  };
  if (path === '$$' || path.startsWith('$$.')) return fromEl(path.slice(3), (s) => s.outer);
  if (path === '$' || path.startsWith('$.')) return fromEl(path.slice(2), (s) => s.el);
  const segs = parsePath(path);
  return (s) => getAt(s.root, segs);
}

const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : NaN);
const truthy = (v: unknown) => !(v === false || v === null || v === undefined || v === 0 || v === '' || (Array.isArray(v) && v.length === 0));
const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9);

function args(e: Expr): Expr[] {
  return Array.isArray(e) ? e : [e];
}

/** An expression compiled to a closure over its scope. */
type Compiled = (scope: Scope) => unknown;

/** Runs `body` once per element of the list that `listExpr` names, with `$` bound to the element. */
function overList<T>(listExpr: Expr, list: Compiled, scope: Scope, body: (inner: Scope) => T): T[] {
  const values = list(scope);
  if (!Array.isArray(values)) return [];
  let basePath = '';
  if (listExpr && typeof listExpr === 'object' && !Array.isArray(listExpr) && typeof listExpr.var === 'string') {
    basePath = resolvePath(listExpr.var, scope).concrete;
  }
  return values.map((value, index) => body({ root: scope.root, options: scope.options, reads: scope.reads, outer: scope.el, el: { value, index, path: `${basePath}[${index}]` } }));
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

/** The one key of an operation. */
function onlyKey(e: Record<string, Expr>): string {
  let op: string | undefined;
  for (const k in e) {
    if (op !== undefined) throw new ExpressionError(`An operation has exactly one key, got ${Object.keys(e).join(', ')}`);
    op = k;
  }
  if (op === undefined) throw new ExpressionError('An operation has exactly one key, got none');
  return op;
}

/**
 * Family documents are read on every validation, and most of an interpreter's time went to finding
 * each node's operation again; so each expression object is compiled once into a closure and kept
 * beside the (cached, never mutated) document it belongs to.
 */
const compiled = new WeakMap<object, Compiled>();

export function evaluate(e: Expr, scope: Scope): unknown {
  return e === null || typeof e !== 'object' ? e : compile(e)(scope);
}

function compile(e: Expr): Compiled {
  if (e === null || typeof e !== 'object') return () => e;
  let fn = compiled.get(e);
  if (!fn) {
    try {
      fn = compileNode(e);
    } catch (err) {
      // A malformed expression fails when (and only if) it is evaluated, as it would interpreted.
      if (!(err instanceof ExpressionError)) throw err;
      fn = () => {
        throw err;
      };
    }
    compiled.set(e, fn);
  }
  return fn;
}

const numeric = (f: Compiled): ((scope: Scope) => number) => (s) => num(f(s));

function compileNode(e: Expr & object): Compiled {
  if (Array.isArray(e)) {
    const items = e.map(compile);
    return (s) => items.map((f) => f(s));
  }
  const op = onlyKey(e);
  const raw = e[op]!;
  const a = args(raw);
  // Arguments are compiled on first use: `lit`, `var` and `prop` take theirs as they are.
  const arg = (i: number) => compile(a[i] ?? null);
  switch (op) {
    case 'var': {
      const path = String(a[0]);
      const fallback = a.length > 1 ? arg(1) : null;
      const read = reader(path);
      return (s) => {
        let value: unknown;
        if (s.reads) {
          // Recording: the concrete path (`basins[1].size`) is built only when someone asks.
          const resolved = resolvePath(path, s);
          if (resolved.concrete) s.reads.add(resolved.concrete);
          value = resolved.value;
        } else value = read(s);
        return value === undefined ? (fallback ? fallback(s) : null) : value;
      };
    }
    case 'lit':
      return () => raw;
    case '==': { const x = arg(0), y = arg(1); return (s) => same(x(s), y(s)); }
    case '!=': { const x = arg(0), y = arg(1); return (s) => !same(x(s), y(s)); }
    case '<': { const x = numeric(arg(0)), y = numeric(arg(1)); return (s) => x(s) < y(s); }
    case '<=': { const x = numeric(arg(0)), y = numeric(arg(1)); return (s) => x(s) <= y(s); }
    case '>': { const x = numeric(arg(0)), y = numeric(arg(1)); return (s) => x(s) > y(s); }
    case '>=': { const x = numeric(arg(0)), y = numeric(arg(1)); return (s) => x(s) >= y(s); }
    case 'and': {
      const parts = a.map(compile);
      return (s) => {
        let last: unknown = true;
        for (const f of parts) if (!truthy((last = f(s)))) return last;
        return last;
      };
    }
    case 'or': {
      const parts = a.map(compile);
      return (s) => {
        let last: unknown = false;
        for (const f of parts) if (truthy((last = f(s)))) return last;
        return last;
      };
    }
    case '!':
    case 'not': { const x = arg(0); return (s) => !truthy(x(s)); }
    case 'in': {
      const x = arg(0), list = arg(1);
      return (s) => {
        const l = list(s);
        if (Array.isArray(l)) {
          if (l.length === 0) return false;
          const v = x(s);
          return l.some((y) => same(y, v));
        }
        return typeof l === 'string' ? l.includes(String(x(s))) : false;
      };
    }
    case 'if': {
      const parts = a.map(compile);
      return (s) => {
        for (let i = 0; i + 1 < parts.length; i += 2) if (truthy(parts[i]!(s))) return parts[i + 1]!(s);
        return parts.length % 2 === 1 ? parts[parts.length - 1]!(s) : null;
      };
    }
    case '+': { const parts = a.map((x) => numeric(compile(x))); return (s) => parts.reduce((t, f) => t + f(s), 0); }
    case '*': { const parts = a.map((x) => numeric(compile(x))); return (s) => parts.reduce((t, f) => t * f(s), 1); }
    case '-': {
      const x = numeric(arg(0));
      if (a.length === 1) return (s) => -x(s);
      const y = numeric(arg(1));
      return (s) => x(s) - y(s);
    }
    case '/': { const x = numeric(arg(0)), y = numeric(arg(1)); return (s) => x(s) / y(s); }
    case 'max': { const parts = a.map((x) => numeric(compile(x))); return (s) => Math.max(...parts.map((f) => f(s))); }
    case 'min': { const parts = a.map((x) => numeric(compile(x))); return (s) => Math.min(...parts.map((f) => f(s))); }
    case 'ceil': { const x = numeric(arg(0)); return (s) => Math.ceil(x(s) - 1e-9); }
    case 'round': {
      const x = numeric(arg(0)), digits = arg(1);
      return (s) => {
        const f = 10 ** num(digits(s) ?? 0);
        return Math.round(x(s) * f) / f;
      };
    }
    case 'count': {
      const list = arg(0), test = a.length > 1 ? arg(1) : null;
      return (s) => overList(a[0] ?? null, list, s, (inner) => (test ? truthy(test(inner)) : true)).filter(Boolean).length;
    }
    case 'sum': {
      const list = arg(0), term = compile(a[1] ?? ELEMENT);
      return (s) => overList(a[0] ?? null, list, s, (inner) => num(term(inner))).reduce((t, x) => t + x, 0);
    }
    case 'some': { const list = arg(0), test = arg(1); return (s) => overList(a[0] ?? null, list, s, (inner) => truthy(test(inner))).some(Boolean); }
    case 'all': { const list = arg(0), test = arg(1); return (s) => overList(a[0] ?? null, list, s, (inner) => truthy(test(inner))).every(Boolean); }
    case 'map': { const list = arg(0), term = arg(1); return (s) => overList(a[0] ?? null, list, s, term); }
    case 'len': {
      const x = arg(0);
      return (s) => {
        const v = x(s);
        return Array.isArray(v) || typeof v === 'string' ? v.length : 0;
      };
    }
    case 'isObject': {
      const x = arg(0);
      return (s) => {
        const v = x(s);
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      };
    }
    case 'isSet': {
      const x = arg(0);
      return (s) => {
        const v = x(s);
        return v !== null && v !== undefined;
      };
    }
    case 'cat': {
      const parts = a.map(compile);
      return (s) => parts.map((f) => {
        const v = f(s);
        return typeof v === 'number' ? formatNumber(v) : v === null || v === undefined ? '' : String(v);
      }).join('');
    }
    case 'lookup': {
      const key = arg(0);
      const table = a[1];
      if (!table || typeof table !== 'object' || Array.isArray(table)) throw new ExpressionError('lookup takes a key and a table');
      const fallback = a.length > 2 ? arg(2) : null;
      return (s) => {
        const hit = (table as Record<string, Expr>)[String(key(s))];
        return hit === undefined ? (fallback ? fallback(s) : null) : evaluate(hit, s);
      };
    }
    case 'band': {
      // [[lo, hi, result], ...]: lo <= v < hi, the last band also takes v == hi.
      const x = numeric(arg(0));
      const bands = a[1] as [number, number, Expr][];
      return (s) => {
        const v = x(s);
        const i = bands.findIndex(([lo, hi], idx) => v >= lo && (v < hi || (idx === bands.length - 1 && v <= hi)));
        return i < 0 ? null : evaluate(bands[i]![2], s);
      };
    }
    case 'prop': {
      const path = a[0] ?? null, name = String(a[1]);
      return (s) => prop(path, name, s);
    }
    case 'unique': { const x = arg(0), key = String(a[1]); return (s) => duplicates(x(s), key).length === 0; }
    case 'duplicates': { const x = arg(0), key = String(a[1]); return (s) => duplicates(x(s), key); }
    case 'join': {
      const x = arg(0), sep = String(a[1] ?? ', ');
      return (s) => {
        const v = x(s);
        return Array.isArray(v) ? v.map((y) => (typeof y === 'number' ? formatNumber(y) : String(y))).join(sep) : '';
      };
    }
    default:
      throw new ExpressionError(`Unknown operation "${op}"`);
  }
}

/** `sum`'s default term: the element itself. */
const ELEMENT: Expr = { var: '$' };

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
