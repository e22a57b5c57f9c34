import { constants } from 'node:fs';
import { open, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@cablepress/extract';
import { jsonErrorOffset } from './json-error.js';

/** The default cap on one input file: far above any real cable (the largest known is well under 1 MB). */
export const DEFAULT_MAX_INPUT_MB = 16;

/** What a file system entry is, in words, for a message about an entry that is not a regular file. */
export function entryKind(info: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isSymbolicLink(): boolean }): string {
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

export function tooLarge(file: string, bytes: number, maxBytes: number): InputError {
  return new InputError('INPUT_TOO_LARGE', `the file has ${bytes} bytes, more than the ${maxBytes} an input may have; it was not read.`, { file }, 'Check that it is a cable; if it really is one, raise the cap with --max-input-mb.');
}

function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root + path.sep);
}

/**
 * Reads an input file only when it is a regular file inside `root` (a symbolic link may point elsewhere inside it,
 * never out of it) and at most `maxBytes` long: the size is checked on the open file before a byte is read, and a
 * FIFO or a device is refused without blocking. Errors name the file given, never what a link points at.
 */
export async function readBoundedFile(file: string, root: string, maxBytes: number): Promise<Uint8Array> {
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('SOURCE_MISSING', 'the source cable does not exist.', { file }, 'Check "cablepress.source" in the dataset package.json.');
    throw new InputError('SOURCE_UNREADABLE', `the source cable cannot be read (${code}).`, { file }, 'Check the file\'s permissions and type.');
  }
  if (!isInside(await realpath(root), real)) {
    throw new InputError('INPUT_OUTSIDE', `the file is a link to a place outside ${root}; it was not read.`, { file }, 'Copy the cable into the dataset folder instead of linking to it.');
  }
  let handle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    throw new InputError('SOURCE_UNREADABLE', `the source cable cannot be read (${(error as NodeJS.ErrnoException).code}).`, { file }, 'Check the file\'s permissions and type.');
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new InputError('INPUT_NOT_FILE', `the file is ${entryKind(info)}, not a regular file; it was not read.`, { file }, 'Give a cable saved as a regular file.');
    if (info.size > maxBytes) throw tooLarge(file, info.size, maxBytes);
    const bytes = Buffer.alloc(info.size);
    let done = 0;
    while (done < bytes.length) {
      const { bytesRead } = await handle.read(bytes, done, bytes.length - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return bytes.subarray(0, done);
  } finally {
    await handle.close();
  }
}

/** The 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Reads a JSON recipe: `RECIPE_MISSING` when it does not exist, `RECIPE_JSON` with the line and column of a syntax error. */
export async function readRecipeJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? 'RECIPE_MISSING' : 'SOURCE_UNREADABLE',
      code === 'ENOENT' ? 'the indicator recipe named by "cablepress.recipe" does not exist.' : `the indicator recipe cannot be read (${code}).`,
      { file },
      'Fix "cablepress.recipe" in the dataset package.json, or remove it to build without indicators.',
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text);
    const found = offset < text.length ? `unexpected ${JSON.stringify(text[offset])}` : 'it ends too early';
    throw new InputError('RECIPE_JSON', `the indicator recipe is not valid JSON: ${found}.`, { file, ...lineColumn(text, Math.max(offset, 0)) }, 'Fix the JSON syntax at that place.');
  }
}
