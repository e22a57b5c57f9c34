/**
 * A string with a map back to the source: map[i] is the offset in the source of s[i].
 * Every reader first turns its input into one of these, so that every later step can point into the source.
 */
export interface MappedText {
  s: string;
  map: Int32Array;
}

const UTF16 = new TextDecoder('utf-16le');

/** Growable (string, offsets) pair used to build mapped text in linear time, in typed arrays. */
export class MappedBuilder {
  private codes: Uint16Array;
  private offs: Int32Array;
  length = 0;

  constructor(capacity = 256) {
    const n = Math.max(16, capacity);
    this.codes = new Uint16Array(n);
    this.offs = new Int32Array(n);
  }

  private grow(extra: number): void {
    if (this.length + extra <= this.codes.length) return;
    let n = this.codes.length * 2;
    while (n < this.length + extra) n *= 2;
    const codes = new Uint16Array(n);
    codes.set(this.codes.subarray(0, this.length));
    this.codes = codes;
    const offs = new Int32Array(n);
    offs.set(this.offs.subarray(0, this.length));
    this.offs = offs;
  }

  /** Appends one UTF-16 code unit that stands for source offset `at`. */
  pushCode(code: number, at: number): void {
    if (this.length === this.codes.length) this.grow(1);
    this.codes[this.length] = code;
    this.offs[this.length++] = at;
  }

  /** Appends text[start, end) whose characters map to map[start, end). */
  pushRange(text: string, map: Int32Array, start: number, end: number): void {
    if (end <= start) return;
    this.grow(end - start);
    const base = this.length - start;
    const codes = this.codes;
    const offs = this.offs;
    for (let k = start; k < end; k++) {
      codes[base + k] = text.charCodeAt(k);
      offs[base + k] = map[k]!;
    }
    this.length += end - start;
  }

  lastCode(): number {
    return this.length > 0 ? this.codes[this.length - 1]! : -1;
  }

  build(): MappedText {
    const codes = this.codes.subarray(0, this.length);
    const s = this.length < 512 ? String.fromCharCode.apply(null, codes as unknown as number[]) : UTF16.decode(codes);
    return { s, map: this.offs.slice(0, this.length) };
  }
}

/**
 * Normalises raw text for line-based reading, keeping the offset of every character:
 * CRLF, lone CR, U+2028, U+2029 and NEL become "\n"; tabs and no-break spaces become " ";
 * a BOM and other control characters are dropped.
 */
export function normalizeText(source: string, start = 0, end = source.length): MappedText {
  return normalizeInto(source, null, start, end);
}

/** normalizeText for text that is already mapped (e.g. decoded HTML): offsets stay those of the original source. */
export function normalizeMapped(text: MappedText): MappedText {
  return normalizeInto(text.s, text.map, 0, text.s.length);
}

/** Characters normalizeText changes or drops; everything else is copied in runs. */
const SPECIAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u00a0\u2028\u2029\ufeff]/g;

function normalizeInto(source: string, map: Int32Array | null, start: number, end: number): MappedText {
  const parts: string[] = [];
  const offs = new Int32Array(end - start);
  let len = 0;
  const copy = (from: number, to: number): void => {
    if (to <= from) return;
    parts.push(source.slice(from, to));
    if (map) offs.set(map.subarray(from, to), len);
    else for (let k = from; k < to; k++) offs[len + k - from] = k;
    len += to - from;
  };
  const put = (ch: string, at: number): void => {
    parts.push(ch);
    offs[len++] = map ? map[at]! : at;
  };
  let pos = start;
  SPECIAL.lastIndex = start;
  for (;;) {
    const m = SPECIAL.exec(source);
    if (m === null || m.index >= end) break;
    const i = m.index;
    copy(pos, i);
    const c = source.charCodeAt(i);
    pos = i + 1;
    if (c === 0x0d) {
      put('\n', i);
      if (pos < end && source.charCodeAt(pos) === 0x0a) pos++;
    } else if (c === 0x2028 || c === 0x2029 || c === 0x85) {
      put('\n', i);
    } else if (c === 0x09 || c === 0xa0 || c === 0x0b || c === 0x0c) {
      put(' ', i);
    }
    SPECIAL.lastIndex = pos;
  }
  copy(pos, end);
  return { s: parts.join(''), map: len === offs.length ? offs : offs.slice(0, len) };
}

/** A line of a MappedText: [start, end) without the newline. */
export interface Line {
  start: number;
  end: number;
}

export function splitLines(s: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  for (;;) {
    const nl = s.indexOf('\n', pos);
    if (nl < 0) {
      lines.push({ start: pos, end: s.length });
      return lines;
    }
    lines.push({ start: pos, end: nl });
    pos = nl + 1;
  }
}

/** The line without leading and trailing spaces, as a [start, end) range. */
export function trimRange(s: string, start: number, end: number): Line {
  while (start < end && s.charCodeAt(start) === 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) === 0x20) end--;
  return { start, end };
}

/**
 * `text.replace(/\s+/g, ' ')`, without building a copy when there is nothing to replace: clean text has single
 * spaces already, and the replace of a text of megabytes allocates a dozen times its size.
 */
export function collapseSpaces(text: string): string {
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}
