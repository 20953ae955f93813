import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../../platform/http/errors.js';

/** File extensions we recognise, and the one content type each may hold. */
const EXTENSION_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
};

/** Other spellings clients send for the same type (browsers on Windows send CSV as Excel). */
const MIME_ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/csv': 'text/csv',
  'application/vnd.ms-excel': 'text/csv',
  'text/comma-separated-values': 'text/csv',
};

const unsupported = (message: string) => new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', message);

function extensionOf(fileName: string): string | null {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  return ext === '' ? null : ext;
}

/** The claimed type without parameters, normalised; octet-stream means the client did not say. */
function claimedType(mimetype: string | undefined): string | null {
  const base = (mimetype ?? '').split(';')[0]!.trim().toLowerCase();
  if (base === '' || base === 'application/octet-stream') return null;
  return MIME_ALIASES[base] ?? base;
}

/** Text has no magic number: accept it only as valid UTF-8 without NUL bytes. */
const looksLikeText = (content: Buffer) => isUtf8(content) && !content.includes(0);

/**
 * Decides the content type from the bytes, and refuses (415) a type the bucket does not take or
 * a file whose name or declared type says something else, so that a script renamed to .png is
 * never stored, nor served later under a type a browser would act on.
 */
export async function detectContentType(content: Buffer, fileName: string, mimetype: string | undefined, allowed: readonly string[]): Promise<string> {
  const ext = extensionOf(fileName);
  const byExtension = ext ? EXTENSION_TYPES[ext] : undefined;
  if (ext && !byExtension) throw unsupported(`Files with the extension .${ext} are not accepted`);
  const claimed = claimedType(mimetype);

  const detected = await fileTypeFromBuffer(content);
  let actual: string;
  if (detected) actual = detected.mime;
  else if (looksLikeText(content)) actual = byExtension === 'text/csv' || claimed === 'text/csv' ? 'text/csv' : 'text/plain';
  else throw unsupported('The file type could not be recognised');

  if (!allowed.includes(actual)) throw unsupported(`Files of type ${actual} are not accepted here`);
  if (byExtension && byExtension !== actual) throw unsupported(`The file content (${actual}) does not match its name`);
  // Clients label CSV as plain text and the reverse; between those two that is no lie.
  const bothText = actual.startsWith('text/') && (claimed === 'text/plain' || claimed === 'text/csv');
  if (claimed && claimed !== actual && !bothText) throw unsupported(`The file content (${actual}) does not match its declared type (${claimed})`);
  return actual;
}
