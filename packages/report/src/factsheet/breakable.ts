/**
 * Text made safe to lay out. pdfkit breaks a run without a break opportunity that is wider than its line one line at a
 * time, laying the rest of the run out again (through fontkit) for every line and caching each piece, so time and
 * memory grow with the square of the run's length: a 20,000-character word in a cable's subject took 42 s and 2.7 GB,
 * 100,000 characters ran out of memory. Every text the fact sheet measures or draws goes through `breakable` (in the
 * Typesetter of pdf.ts) before it reaches pdfkit:
 *
 * - a text longer than MAX_CHARS is cut there with an ellipsis (no text of a two-page sheet shows that much; the
 *   longest the seed datasets print is 639 characters);
 * - a run of more than MAX_RUN characters without a space gets a zero-width space (a line-break opportunity that
 *   draws nothing) after every BREAK_EVERY characters, never inside a grapheme cluster. The longest runs real text
 *   holds are hashes (a sha256 is 64 hex digits) and URLs (the cables' public originals are under 60 characters), so
 *   ordinary text comes back unchanged and lays out byte for byte as before.
 */
export const MAX_CHARS = 4000;
export const MAX_RUN = 100;
export const BREAK_EVERY = 10;

export const ZERO_WIDTH_SPACE = '\u200B';
const LONG_RUN = new RegExp(`[^\\s${ZERO_WIDTH_SPACE}]{${MAX_RUN + 1},}`, 'gu');
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** `text` with long runs broken and cut to MAX_CHARS; ordinary text unchanged. */
export function breakable(text: string): string {
  return breakLongRuns(capLength(text));
}

/**
 * `text` cut to at most `max` UTF-16 units, the last of them an ellipsis, never between the halves of a surrogate pair.
 * Zero-width spaces are not counted, so that a text `breakable` has broken is not cut again.
 */
export function capLength(text: string, max = MAX_CHARS): string {
  if (text.length <= max || text.length - (text.split(ZERO_WIDTH_SPACE).length - 1) <= max) return text;
  let end = 0;
  for (let kept = 0; kept < max - 1; end++) if (text[end] !== ZERO_WIDTH_SPACE) kept++;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** A zero-width space after every BREAK_EVERY grapheme clusters of each run longer than MAX_RUN. */
export function breakLongRuns(text: string): string {
  return text.replace(LONG_RUN, (run) => {
    const pieces: string[] = [];
    let piece = '';
    let count = 0;
    for (const { segment } of graphemes.segment(run)) {
      piece += segment;
      if (++count % BREAK_EVERY === 0) {
        pieces.push(piece);
        piece = '';
      }
    }
    if (piece) pieces.push(piece);
    return pieces.join(ZERO_WIDTH_SPACE);
  });
}
