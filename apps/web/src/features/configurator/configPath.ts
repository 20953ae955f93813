/** Reading and writing a configuration by field path (`basins[1].size`), as the API names fields. */

export function parsePath(path: string): string[] {
  return path.split(/\.|\[(\d+)\]/).filter((s): s is string => s !== undefined && s !== '');
}

export function getAt(root: unknown, path: string): unknown {
  let cur = root;
  for (const seg of parsePath(path)) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

function setSegments(root: unknown, segs: string[], value: unknown): unknown {
  const [head, ...rest] = segs;
  if (head === undefined) return value;
  const numeric = /^\d+$/.test(head);
  const base = root && typeof root === 'object' ? root : numeric ? [] : {};
  const next = setSegments((base as Record<string, unknown>)[head], rest, value);
  if (Array.isArray(base)) {
    const copy = [...base];
    copy[Number(head)] = next;
    return copy;
  }
  const copy: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}

/** A copy of root with the value at path replaced (undefined removes an object key). */
export function setAt(root: unknown, path: string, value: unknown): unknown {
  return setSegments(root, parsePath(path), value);
}

export const join = (base: string, key: string | number) => (typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key);
