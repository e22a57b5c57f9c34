import { InputError } from '@cablepress/core';
import { readFile } from 'node:fs/promises';
import { readInside } from '@cablepress/publish';
import { jsonErrorOffset } from './json-error.js';

/** The default cap on one input file: far above any real cable (the largest known is well under 1 MB). */
export const DEFAULT_MAX_INPUT_MB = 16;

/**
 * Reads a source cable only when it is a regular file inside `root` and at most `maxBytes` long (see `readInside`):
 * the size is checked before reading, a FIFO or a device is never opened for reading.
 */
export async function readBoundedFile(file: string, root: string, maxBytes: number): Promise<Uint8Array> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readInside(file, root, maxBytes);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('SOURCE_UNREADABLE', `the source cable cannot be read (${(error as NodeJS.ErrnoException).code}).`, { file }, 'Check the file\'s permissions and type.');
  }
  if (!bytes) throw new InputError('SOURCE_MISSING', 'the source cable does not exist.', { file }, 'Check "cablepress.source" in the dataset package.json.');
  return bytes;
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
