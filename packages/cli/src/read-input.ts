import { InputError, LIMITS, readInside, readTextInside } from '@cablepress/core';
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
    throw new InputError(
      'SOURCE_UNREADABLE',
      `the source cable cannot be read (${(error as NodeJS.ErrnoException).code}).`,
      { file },
      "Check the file's permissions and type.",
    );
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

/**
 * Reads a JSON recipe inside `root` (a regular file, at most 1 MB, see `readInside`): `RECIPE_MISSING` when it does
 * not exist, `RECIPE_JSON` with the line and column of a syntax error.
 */
export async function readRecipeJson(file: string, root: string): Promise<unknown> {
  let text: string | undefined;
  try {
    text = await readTextInside(file, root, {
      maxBytes: LIMITS.recipe,
      tooLargeHint: 'A recipe is a small JSON file; check "cablepress.recipe" in the dataset package.json.',
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      'SOURCE_UNREADABLE',
      `the indicator recipe cannot be read (${(error as NodeJS.ErrnoException).code}).`,
      { file },
      'Fix "cablepress.recipe" in the dataset package.json, or remove it to build without indicators.',
    );
  }
  if (text === undefined) {
    throw new InputError(
      'RECIPE_MISSING',
      'the indicator recipe named by "cablepress.recipe" does not exist.',
      { file },
      'Fix "cablepress.recipe" in the dataset package.json, or remove it to build without indicators.',
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text);
    const found = offset < text.length ? `unexpected ${JSON.stringify(text[offset])}` : 'it ends too early';
    throw new InputError(
      'RECIPE_JSON',
      `the indicator recipe is not valid JSON: ${found}.`,
      { file, ...lineColumn(text, Math.max(offset, 0)) },
      'Fix the JSON syntax at that place.',
    );
  }
}
