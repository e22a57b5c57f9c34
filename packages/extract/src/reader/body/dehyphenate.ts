import type { Line, MappedText } from '../../text.js';

/**
 * The words of a text, lower case, hyphenated compounds kept whole ("by-and-large"): every match of
 * `[A-Za-z]+(?:-[A-Za-z]+)*`, found without a match object per word (for a text of megabytes, those took 20 times
 * its size).
 */
export function vocabularyOf(s: string): Set<string> {
  const out = new Set<string>();
  let i = 0;
  while (i < s.length) {
    if (!isLetter(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < s.length && isLetter(s.charCodeAt(i))) i++;
      if (s.charCodeAt(i) !== 0x2d || !isLetter(s.charCodeAt(i + 1))) break;
      i++;
    }
    out.add(s.slice(start, i).toLowerCase());
  }
  return out;
}

/** The letters before `end` and from `start` on, as far as a non-letter. */
function letterRun(s: string, from: number, step: 1 | -1, limit: number): string {
  let k = from;
  while (k !== limit && isLetter(s.charCodeAt(k))) k += step;
  return step === 1 ? s.slice(from, k) : s.slice(k + 1, from + 1);
}

/**
 * Builds clean text from segments: spaces collapsed, lines joined with one space. A line ending in
 * "letter-" joined to a line starting with a letter gets no space; the hyphen itself is dropped only when the
 * cable writes the joined word elsewhere without it and never with it ("traf-\nficking" → "trafficking",
 * "ONE-\nON-ONE" → "ONE-ON-ONE").
 */
export function buildText(
  c: MappedText,
  segs: Line[],
  vocabulary: () => Set<string> = () => new Set(),
): { text: string; offsets: Int32Array; span: { start: number; end: number } } {
  let capacity = 0;
  for (const seg of segs) capacity += seg.end - seg.start + 1;
  const parts: string[] = [];
  const offs = new Int32Array(capacity);
  let len = 0;
  let last = -1;
  let prevEnd = -1;
  const map = c.map;
  const src = c.s;
  for (const seg of segs) {
    if (seg.end <= seg.start) continue;
    if (prevEnd >= 0) {
      const wrappedHyphen = last === 0x2d && isLetter(src.charCodeAt(prevEnd - 2)) && isLetter(src.charCodeAt(seg.start));
      if (!wrappedHyphen) {
        parts.push(' ');
        offs[len++] = prevEnd < map.length ? map[prevEnd]! : map[prevEnd - 1]! + 1;
      } else {
        const left = letterRun(src, prevEnd - 2, -1, -1).toLowerCase();
        const right = letterRun(src, seg.start, 1, seg.end).toLowerCase();
        const words = vocabulary();
        if (words.has(left + right) && !words.has(`${left}-${right}`)) {
          const lastPart = parts[parts.length - 1]!;
          parts[parts.length - 1] = lastPart.slice(0, -1);
          len--;
        }
      }
    }
    let run = seg.start;
    let space = false;
    for (let i = seg.start; i < seg.end; i++) {
      const isSpace = src.charCodeAt(i) === 0x20;
      if (isSpace && space) {
        if (i > run) parts.push(src.slice(run, i));
        run = i + 1;
      } else {
        offs[len++] = map[i]!;
      }
      space = isSpace;
    }
    if (seg.end > run) parts.push(src.slice(run, seg.end));
    last = src.charCodeAt(seg.end - 1);
    prevEnd = seg.end;
  }
  const text = parts.join('');
  const offsets = len === offs.length ? offs : offs.slice(0, len);
  const span = len > 0 ? { start: offsets[0]!, end: offsets[len - 1]! + 1 } : { start: 0, end: 0 };
  return { text, offsets, span };
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
