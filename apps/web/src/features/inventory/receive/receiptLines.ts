import { ApiError } from '../../../api/errors';

export interface PickedPart {
  id: string;
  partNumber: string;
  name: string;
}

export interface LineDraft {
  key: number;
  part: PickedPart | null;
  quantity: string;
  bin: string;
}

let nextKey = 1;
export const emptyLine = (): LineDraft => ({ key: nextKey++, part: null, quantity: '', bin: '' });

export type LineErrors = Record<number, Partial<Record<'part' | 'quantity' | 'bin', string>>>;

/** Checks the lines before sending; errors by line index. */
export function checkLines(lines: LineDraft[]): LineErrors {
  const out: LineErrors = {};
  lines.forEach((l, i) => {
    const e: LineErrors[number] = {};
    if (!l.part) e.part = 'Pick a part.';
    const n = Number(l.quantity);
    if (!l.quantity.trim() || !Number.isInteger(n) || n < 1) e.quantity = 'Enter a whole number of at least 1.';
    if (l.bin.length > 50) e.bin = 'At most 50 characters.';
    if (Object.keys(e).length) out[i] = e;
  });
  return out;
}

/** The server's per-line messages (details such as `lines.2.quantity`), by line index. */
export function serverLineErrors(error: unknown): LineErrors {
  const out: LineErrors = {};
  if (!(error instanceof ApiError)) return out;
  for (const d of error.details) {
    const m = /lines[./[](\d+)]?[./](\w+)/.exec(d.field);
    if (!m) continue;
    const i = Number(m[1]);
    const field = m[2] === 'partId' ? 'part' : (m[2] as 'quantity' | 'bin');
    out[i] = { ...out[i], [field]: d.message };
  }
  return out;
}
