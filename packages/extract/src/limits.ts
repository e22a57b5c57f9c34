import { InputError } from '@cablepress/core';

/*
 * The most a cable may hold of what costs memory in every later step. Real cables stay far below each (the longest of
 * the vendored corpus has 137 paragraphs and 1,521 lines); a 16 MB file of short lines or paragraphs would otherwise
 * need gigabytes. The values keep a build of the largest file the input cap admits under 1 GB (docs/hostile-input.md).
 */

/** The most lines one input may have: 160 times the longest real cable of the vendored corpus (1,521 lines). */
export const MAX_LINES = 250_000;

/** The most paragraphs one cable may have (real cables have fewer than 500). */
export const MAX_PARAGRAPHS = 10_000;

const HINT = 'Check that the file is one cable; give a file that holds many cables as one file per cable (build --corpus).';

function where(file: string | undefined): { file?: string } {
  return file === undefined ? {} : { file };
}

/** The number of line ends in `text` (\n, \r\n or a lone \r), counted without building anything. */
function lineEnds(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 0x0a) n++;
  return n;
}

/**
 * Refuses a text of more than `MAX_LINES` lines (INPUT_TOO_MANY_LINES): the input before it is read, and the cable text
 * a page holds (where a line end may be written `&#x000A;` or `<br>`) before it is cut into lines.
 */
export function checkLineCount(text: string, file: string | undefined): void {
  const lines = lineEnds(text) + 1;
  if (lines <= MAX_LINES) return;
  throw new InputError(
    'INPUT_TOO_MANY_LINES',
    `the text has ${lines.toLocaleString('en-US')} lines, more than the ${MAX_LINES.toLocaleString('en-US')} an input may have (real cables have a few thousand); it was not read further.`,
    where(file),
    HINT,
  );
}

/** The error for a cable with more than `MAX_PARAGRAPHS` paragraphs, thrown as soon as the reader finds one more. */
export function tooManyParagraphs(file: string | undefined): InputError {
  return new InputError(
    'INPUT_TOO_MANY_PARAGRAPHS',
    `the cable has more than ${MAX_PARAGRAPHS.toLocaleString('en-US')} paragraphs, more than a cable may have (real cables have fewer than 500); it was not read further.`,
    where(file),
    HINT,
  );
}
