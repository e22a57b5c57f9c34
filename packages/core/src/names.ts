import { trimEndWhile } from './text.js';
import { createHash } from 'node:crypto';

/** Device names that Windows refuses as a file name, with or without an extension ("CON", "nul.txt", "COM1.csv"). */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** Longest name kept as is; longer ones are cut and given a hash (file systems allow 255 bytes). */
const MAX_LENGTH = 120;

/**
 * Maps a cable id, dataset name or any other outside text to a single file name that is safe on Linux, macOS
 * and Windows: only `[A-Za-z0-9._-]`, never empty, never `.`/`..` or hidden, no leading `-`, no trailing dot,
 * no Windows device name, at most 133 characters. An id that is already safe ("08VIENTIANE145") is returned
 * unchanged; any other gets a short hash of the original appended, so two different ids never share a name.
 */
export function safeFileName(id: string): string {
  let name = withoutTrailingDots(id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[.-]+/, ''));
  if (WINDOWS_RESERVED.test(name.split('.')[0]!)) name = `_${name}`;
  if (name === id && name.length > 0 && name.length <= MAX_LENGTH) return name;
  const hash = createHash('sha256').update(Buffer.from(id, 'utf16le')).digest('hex').slice(0, 12);
  return `${withoutTrailingDots(name.slice(0, MAX_LENGTH))}_${hash}`;
}

/** Drops trailing dots (Windows ignores them) in linear time; `/\.+$/` is quadratic on long runs of dots. */
function withoutTrailingDots(name: string): string {
  return trimEndWhile(name, (c) => c === '.');
}

/** A dataset name: lowercase letters, digits and hyphens, already a safe file name (it names folders, files and packages). */
export function isDatasetName(name: string): boolean {
  return /^[a-z0-9-]+$/.test(name) && safeFileName(name) === name;
}
