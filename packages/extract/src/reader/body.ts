import type { Paragraph, ParagraphKind } from '../types.js';
import { trimRange, type Line, type MappedText } from '../text.js';
import { MARKING, markingOf } from '../fields/markings.js';
import { cleanName, isTrailerLine, parseSignedBy } from '../fields/signed-by.js';
import { readHeader } from './header.js';
import { fieldAt, fieldSplits, inlinePageBreak, isBannerLine, isDashed, isHandlingNoise, isLayoutNoise, isStrongParagraphStart, NUMBERED, trailingHeading } from './lines.js';

type Item = { type: 'text'; line: Line } | { type: 'blank' } | { type: 'dash' } | { type: 'noise' };

interface Unit {
  segs: Line[];
  number: number | null;
  key: string | null;
  marking: string | null;
  kind: ParagraphKind;
  heading: string | null;
  marker: boolean;
  section: string | null;
  /** Separated from the previous unit only by blank lines or noise (it may continue its sentence). */
  afterBreak: boolean;
  /** A removed noise line (page break, SIPDIS, banner) sits between this unit and the previous one. */
  afterNoise: boolean;
}

const ROMAN = /^([IVXLC]{1,7})\s?[.:]\s+(\S.*)$/;
const LETTER_KEY = /^([A-Z])((?:, [A-Z])*,? and [A-Z]| and [A-Z]| through [A-Z]| - [A-Z]|-[A-Z])?\.\s+(?=\S)/;
const QUOTED = '(?:TEXT|Text|text|QUOTE|Quote|quote|NON-PAPER|Non-Paper|non-paper|UNOFFICIAL TRANSLATION|Unofficial Translation|unofficial translation)';
/** "Begin Text:", "BEGIN TEXT OF PART 1", "Begin Final Text of ...", "(begin non-paper)". */
const BEGIN = new RegExp(`^\\(?(?:BEGIN|Begin|begin)\\b[^.:;]{0,40}?\\b${QUOTED}\\b`);
/** "End Text.", "END TEXT OF PART 1.", "(end non-paper)". */
const END = new RegExp(`^\\(?(?:END|End|end)\\b[^.:;]{0,40}?\\b${QUOTED}\\b`);
const TERMINAL = new Set(['.', '!', '?', ':', ';', '"', "'", ')', ']', '\u201d', '\u2019', '*']);

function isRoman(s: string): boolean {
  return /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) || /^(?:L|XL|XC|C)?X{0,3}(?:IX|IV|V?I{0,3})$/.test(s);
}

export interface BodyResult {
  paragraphs: Paragraph[];
  /** Signers found at the end of the text (removed from the paragraphs unless glued to other text). */
  signedBy: string[];
  /** How many "* Missing Section NNN *" placeholders the publisher left in the text. */
  missingSections: number;
}

/** The publisher's placeholder for a lost section: "* Missing Section 002 *" between lines of stars. */
const MISSING_SECTION = /^\*+ ?Missing Section \d{1,3} ?\*+$/i;
const STARS = /^\*{5,}$/;

/** Collects the body lines: noise removed, a repeated header block skipped, dashes and blank lines kept as markers. */
function collect(c: MappedText, lines: Line[], from: number, found: { missingSections: number }): Item[] {
  const items: Item[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const t = c.s.slice(line.start, line.end);
    if (t.length === 0) {
      items.push({ type: 'blank' });
      continue;
    }
    const banner = isBannerLine(t);
    const field = banner ? null : fieldAt(t);
    if (banner || field === 'eo' || field === 'tags') {
      const dup = readHeader(c, lines, banner ? i + 1 : i);
      const fields = (dup.fields.eo ? 1 : 0) + (dup.fields.tags ? 1 : 0) + (dup.fields.subject ? 1 : 0);
      if (banner ? dup.found : fields >= 2) {
        i = dup.bodyStart - 1;
        items.push({ type: 'blank' });
        continue;
      }
      if (banner) {
        items.push({ type: 'noise' });
        continue;
      }
    }
    if (MISSING_SECTION.test(t)) found.missingSections++;
    if (isLayoutNoise(t) || isHandlingNoise(t) || isHeaderFragment(t) || MISSING_SECTION.test(t) || STARS.test(t)) {
      items.push({ type: 'noise' });
      continue;
    }
    if (isDashed(t)) {
      items.push({ type: 'dash' });
      continue;
    }
    pushText(c, items, line);
  }
  return items;
}

/** A repeated header line inside the body: upper case with a TAGS:/E.O./SUBJECT: marker ("SNSITIVE TAGS: TU BO MD"). */
function isHeaderFragment(t: string): boolean {
  return t.length <= 160 && !/[a-z]/.test(t) && !NUMBERED.test(t) && fieldSplits(t).length > 0;
}

/** Pushes a text line, cutting out an inline page-break marker and splitting off a glued dashed heading. */
function pushText(c: MappedText, items: Item[], line: Line): void {
  const t = c.s.slice(line.start, line.end);
  const cut = inlinePageBreak(t);
  if (cut) {
    const before = trimRange(c.s, line.start, line.start + cut[0]);
    const after = trimRange(c.s, line.start + cut[1], line.end);
    if (before.end > before.start) pushText(c, items, before);
    if (after.end > after.start) pushText(c, items, after);
    return;
  }
  const heading = trailingHeading(t);
  if (heading) {
    const before = trimRange(c.s, line.start, line.start + heading.textEnd);
    if (before.end > before.start) items.push({ type: 'text', line: before });
    items.push({ type: 'blank' }, { type: 'dash' }, { type: 'text', line: { start: line.start + heading.titleStart, end: line.start + heading.titleEnd } }, { type: 'dash' }, { type: 'blank' });
    return;
  }
  items.push({ type: 'text', line });
}

/** Reads the body into paragraphs with sections, keys, numbers, markings and kinds. */
export function readBody(c: MappedText, lines: Line[], from: number): BodyResult {
  const found = { missingSections: 0 };
  const items = collect(c, lines, from, found);
  const units: Unit[] = [];
  const text = (l: Line): string => c.s.slice(l.start, l.end);

  let k = 0;
  const usedDashes = new Set<number>();
  let section: string | null = null;
  let inQuote = false;
  let sectionBeforeQuote: string | null = null;
  let lastNumber = 0;
  const openQuote = (): void => {
    if (!inQuote) sectionBeforeQuote = section;
    inQuote = true;
  };
  const closeQuote = (): void => {
    if (inQuote) section = sectionBeforeQuote;
    inQuote = false;
  };
  let afterBreak = false;
  let afterNoise = false;
  while (k < items.length) {
    const item = items[k]!;
    if (item.type !== 'text') {
      afterBreak = true;
      if (item.type === 'noise') afterNoise = true;
      if (item.type === 'dash') afterNoise = false;
      k++;
      continue;
    }
    let e = k;
    while (e < items.length && items[e]!.type === 'text') e++;
    const block = items.slice(k, e).map((it) => (it as { line: Line }).line);
    const before = prevNonBlankIndex(items, k);
    const after = nextNonBlankIndex(items, e);
    const dashBefore = before >= 0 && items[before]!.type === 'dash' && !usedDashes.has(before);
    const dashAfter = after >= 0 && items[after]!.type === 'dash' && !usedDashes.has(after);
    const blockText = block.length <= 3 ? block.map(text).join(' ') : '';
    const first = text(block[0]!);

    const romanMatch = ROMAN.exec(first);
    const bare = first.replace(/^¶\s?/, '');
    const titleLike =
      block.length <= 3 && blockText.length <= 160 && !/\.$/.test(blockText) && !NUMBERED.test(bare) && !/\((?:U|C|S|SBU)\)/.test(blockText);
    if ((dashBefore || dashAfter) && titleLike) {
      if (dashBefore) usedDashes.add(before);
      if (dashAfter) usedDashes.add(after);
      section = headingTitle(blockText);
      units.push(headingUnit(section));
      afterBreak = false;
      afterNoise = false;
      k = e;
      continue;
    }
    if (romanMatch && isRoman(romanMatch[1]!)) {
      let titleEnd = 1;
      while (titleEnd < block.length && titleEnd < 3 && !LETTER_KEY.test(text(block[titleEnd]!)) && !NUMBERED.test(text(block[titleEnd]!))) titleEnd++;
      const title = [romanMatch[2]!, ...block.slice(1, titleEnd).map(text)].join(' ').replace(/\s+/g, ' ').replace(/[:.]$/, '').trim();
      const raw = block.slice(0, titleEnd).map(text).join(' ').trim();
      const single = romanMatch[1]!.length === 1;
      const short =
        title.length <= 120 && !/[.;]$/.test(raw) && !/[a-z]\. [A-Z]/.test(title) && (!single || titleEnd === block.length);
      if (short) {
        section = `${romanMatch[1]}: ${title}`;
        units.push(headingUnit(section));
        inQuote = false;
        afterBreak = false;
        afterNoise = false;
        if (titleEnd < block.length) {
          splitBlock(block.slice(titleEnd), false, false);
        }
        k = e;
        continue;
      }
    }
    const capsHeading =
      block.length === 1 && first.length <= 80 && !/[a-z]/.test(first) && /[A-Z].*[A-Z]/.test(first) && !/[.:;,]$/.test(first) &&
      !NUMBERED.test(first) && !/^(END|BEGIN)\b/.test(first) && !isStrongParagraphStart(first) &&
      k > 0 && items[k - 1]!.type !== 'text' && items[k - 1]!.type !== 'dash' && e < items.length && nextText(items, e) && !inQuote &&
      !onlyTrailerAfter(c, items, e);
    if (capsHeading) {
      section = first.replace(/\s+/g, ' ');
      units.push(headingUnit(section));
      afterBreak = false;
      afterNoise = false;
      k = e;
      continue;
    }
    splitBlock(block, afterBreak, afterNoise);
    afterBreak = false;
    afterNoise = false;
    k = e;
  }

  function splitBlock(block: Line[], brokeBefore: boolean, noiseBefore: boolean): void {
    let cur: Unit | null = null;
    block.forEach((line, idx) => {
      const t = text(line);
      const marker = BEGIN.test(t) || END.test(t);
      const prevLine = idx > 0 ? text(block[idx - 1]!) : '';
      const spurious = idx > 0 && isSpuriousPilcrow(t, prevLine, lastNumber);
      const next = idx > 0 && startsNextNumber(t, prevLine, (cur?.number ?? lastNumber) + 1);
      const starts = idx === 0 || marker || (isStrongParagraphStart(t) && !spurious) || next || (cur?.marker ?? false);
      if (!starts && cur) {
        cur.segs.push(stripPilcrow(c, line));
        return;
      }
      if (marker) {
        if (BEGIN.test(t)) openQuote();
        cur = plainUnit(line, section, false, 'paragraph');
        cur.marker = true;
        units.push(cur);
        if (END.test(t)) closeQuote();
        return;
      }
      if (inQuote && /^¶?\s?\d{1,3}\s?\./.test(t)) {
        const n = NUMBERED.exec(t);
        if (n && Number(n[1]) === lastNumber + 1 && (t.charCodeAt(0) === 0xb6 || isStrongParagraphStart(t))) closeQuote();
      }
      cur = startUnit(c, line, section, inQuote, idx === 0 ? brokeBefore : false);
      cur.afterNoise = idx === 0 && noiseBefore && cur.afterBreak;
      if (cur.number !== null && cur.kind !== 'list_item') lastNumber = cur.number;
      const opening = c.s.slice(cur.segs[0]!.start, line.end);
      if (BEGIN.test(opening)) openQuote();
      if (cur.number !== null && block.length === 1 && !inQuote) {
        const title = c.s.slice(cur.segs[0]!.start, line.end).trim();
        if (isCapsTitle(title)) {
          section = title.replace(/\s+/g, ' ');
          cur.section = section;
        }
      }
      units.push(cur);
    });
  }

  const merged: Unit[] = [];
  for (const u of units) {
    const prev = merged[merged.length - 1];
    if (prev && u.afterBreak && canJoin(c, prev, u)) {
      for (const seg of u.segs) prev.segs.push(seg);
      continue;
    }
    merged.push(u);
  }

  const textUnits = merged.filter((u) => u.heading === null);
  markCommentBlocks(c, merged);
  let words: Set<string> | null = null;
  const vocabulary = (): Set<string> => (words ??= vocabularyOf(c.s));
  const signedBy = takeSignature(c, textUnits);
  const paragraphs: Paragraph[] = [];
  for (const u of textUnits) {
    const built = buildText(c, u.segs, vocabulary);
    if (built.text.length === 0) continue;
    paragraphs.push({
      seq: paragraphs.length + 1,
      number: u.number,
      section: u.section,
      key: u.key,
      kind: u.kind,
      classification: u.marking,
      text: built.text,
      span: built.span,
      offsets: built.offsets,
    });
  }
  return { paragraphs, signedBy, missingSections: found.missingSections };
}

/**
 * Finds the signature at the end of the last unit (its own block, or the last line after a finished sentence)
 * and removes those lines from the unit. A name glued to a "*** ... ***" banner stays in the text.
 */
function takeSignature(c: MappedText, units: Unit[]): string[] {
  const isTrailerUnit = (u: Unit): boolean => u.segs.every((l) => isTrailerLine(c.s.slice(l.start, l.end)));
  let tail = units.length;
  while (tail > 1 && isTrailerUnit(units[tail - 1]!)) tail--;
  if (tail < units.length) {
    const names = takeSignature(c, units.slice(0, tail));
    if (names.length > 0) {
      units.splice(tail, units.length - tail);
      return names;
    }
  }
  const last = units[units.length - 1];
  if (!last || last.segs.length === 0) return [];
  const lines = last.segs.map((l) => c.s.slice(l.start, l.end));
  const names = parseSignedBy((last.afterBreak || last.segs.length > 1 ? '' : '.\n') + lines.join('\n'));
  if (names.length === 0) return [];
  let trailing = 0;
  while (trailing < lines.length - 1 && isTrailerLine(lines[lines.length - 1 - trailing]!)) trailing++;
  if (trailing > 0) {
    last.segs.splice(last.segs.length - trailing, trailing);
    lines.splice(lines.length - trailing, trailing);
  }
  const lastLine = lines[lines.length - 1]!;
  if (lastLine.includes('*')) return names;
  const joined = names.join(' ');
  const compact = lastLine.replace(/[\s/]+/g, ' ').trim();
  if (compact !== joined && compact.endsWith(names[names.length - 1]!)) {
    const seg = last.segs[last.segs.length - 1]!;
    let end = seg.end - names[names.length - 1]!.length;
    while (end > seg.start && c.s.charCodeAt(end - 1) === 0x20) end--;
    seg.end = end;
    return names;
  }
  let drop = 0;
  let remaining = joined;
  for (let k = lines.length - 1; k >= 0 && remaining.length > 0; k--) {
    const t = cleanName(lines[k]!.replace(/[\s/]+/g, ' ').trim());
    if (!remaining.endsWith(t)) break;
    remaining = remaining.slice(0, remaining.length - t.length).trim();
    drop++;
  }
  last.segs.splice(last.segs.length - drop, drop);
  if (last.segs.length === 0) units.pop();
  return names;
}

/**
 * A "¶N." at the start of a wrapped line that is not a paragraph: the line before ends inside a sentence and
 * N is not the next paragraph number ("... June \n¶16. The State Department ...").
 */
function isSpuriousPilcrow(t: string, prev: string, lastNumber: number): boolean {
  const m = /^¶\s?(\d{1,3})\b/.exec(t);
  if (!m) return false;
  return Number(m[1]) !== lastNumber + 1 && !TERMINAL.has(prev[prev.length - 1] ?? '.');
}

/**
 * A line "N. Text" after a finished sentence, where N is the number expected next: a new paragraph even
 * without a blank line before it ("...in the spring.\n3. COMMENT: ...").
 */
function startsNextNumber(t: string, prev: string, expected: number): boolean {
  const m = /^(\d{1,3}) ?\. +\S/.exec(t);
  return m !== null && Number(m[1]) === expected && TERMINAL.has(prev[prev.length - 1] ?? '');
}

/** Only lines that follow a signature (page numbers, banners, NNNN) come after item `from`: a name line there is a signature, not a heading. */
function onlyTrailerAfter(c: MappedText, items: Item[], from: number): boolean {
  for (let k = from; k < items.length; k++) {
    if (k - from > 12) return false;
    const item = items[k]!;
    if (item.type === 'text' && !isTrailerLine(c.s.slice(item.line.start, item.line.end))) return false;
  }
  return true;
}

/** A heading as one line: ¶ and trailing dashes removed; "XXVII. Overview" → "XXVII: Overview". */
function headingTitle(raw: string): string {
  const t = raw.replace(/\s+/g, ' ').replace(/^¶\s?/, '').replace(/\s*-+$/, '').trim();
  const m = ROMAN.exec(t);
  if (m && isRoman(m[1]!)) return `${m[1]}: ${m[2]!.replace(/[:.]$/, '').trim()}`;
  return t;
}

/** A short upper-case line without a full stop: "THE COUNTRY'S TIP SITUATION". */
function isCapsTitle(t: string): boolean {
  return t.length >= 4 && t.length <= 80 && !/[a-z]/.test(t) && /[A-Z]{2}/.test(t) && !/[.;,]$/.test(t) && !/^(END|BEGIN)\b/.test(t);
}

function prevNonBlankIndex(items: Item[], k: number): number {
  for (let j = k - 1; j >= 0; j--) if (items[j]!.type !== 'blank' && items[j]!.type !== 'noise') return j;
  return -1;
}

function nextNonBlankIndex(items: Item[], k: number): number {
  for (let j = k; j < items.length; j++) if (items[j]!.type !== 'blank' && items[j]!.type !== 'noise') return j;
  return -1;
}

function nextNonBlank(items: Item[], k: number): Item['type'] | null {
  for (let j = k; j < items.length; j++) if (items[j]!.type !== 'blank' && items[j]!.type !== 'noise') return items[j]!.type;
  return null;
}

function nextText(items: Item[], k: number): boolean {
  return nextNonBlank(items, k) === 'text';
}

function headingUnit(title: string): Unit {
  return { segs: [], number: null, key: null, marking: null, kind: 'paragraph', heading: title, marker: false, section: title, afterBreak: false, afterNoise: false };
}

function plainUnit(line: Line, section: string | null, afterBreak: boolean, kind: ParagraphKind): Unit {
  return { segs: [line], number: null, key: null, marking: null, kind, heading: null, marker: false, section, afterBreak, afterNoise: false };
}

function stripPilcrow(c: MappedText, line: Line): Line {
  let start = line.start;
  if (c.s.charCodeAt(start) === 0xb6) {
    start++;
    while (start < line.end && c.s.charCodeAt(start) === 0x20) start++;
  }
  return { start, end: line.end };
}

/** Parses the prefix of a unit's first line: ¶, number, lettered key, marking. */
function startUnit(c: MappedText, line: Line, section: string | null, inQuote: boolean, afterBreak: boolean): Unit {
  const t = c.s.slice(line.start, line.end);
  let pos = 0;
  let number: number | null = null;
  let key: string | null = null;
  let marking: string | null = null;
  const num = NUMBERED.exec(t);
  const pilcrowYear = /^¶\s?\d{4}\b/.test(t);
  const range = /^¶?\s?(\d{1,3}-\d{1,3})\.\s+/.exec(t);
  if (range) {
    key = range[1]!;
    pos = range[0].length;
  } else if (num) {
    number = Number(num[1]);
    key = num[2] ?? null;
    pos = num[0].length;
  } else if (!pilcrowYear) {
    const lead = t.charCodeAt(0) === 0xb6 ? (t.charCodeAt(1) === 0x20 ? 2 : 1) : 0;
    const rest = t.slice(lead);
    const lk = LETTER_KEY.exec(rest);
    if (lk && !/^[A-Z]\.\s+[A-Z]\.\s/.test(rest)) {
      key = rest.slice(0, lk[0].length).replace(/\.\s*$/, '').trim();
      pos = lead + lk[0].length;
    }
  }
  const rest = t.slice(pos);
  const mk = MARKING.exec(rest);
  if (mk) {
    marking = markingOf(mk);
    pos += mk[0].length;
    while (pos < t.length && t.charCodeAt(pos) === 0x20) pos++;
  }
  let start = line.start + pos;
  if (pos === 0) start = stripPilcrow(c, line).start;
  const body = c.s.slice(start, Math.min(line.end, start + 20));
  let kind: ParagraphKind = 'paragraph';
  if (inQuote) kind = number !== null ? 'list_item' : 'quoted_text';
  else if (/^\(?\s*(NOTE|Note)\s*:/.test(body)) kind = 'note';
  else if (/^(COMMENT|Comment)\s*[:.]/.test(body)) kind = 'comment';
  const plain = number === null && key === null && marking === null;
  return { segs: [{ start, end: line.end }], number, key, marking, kind, heading: null, marker: false, section, afterBreak: plain && afterBreak, afterNoise: false };
}

/** Whether unit `u` continues the sentence that `prev` left open (a blank line or a removed line split it). */
function canJoin(c: MappedText, prev: Unit, u: Unit): boolean {
  if (prev.heading !== null || prev.marker || u.marker || u.number !== null || u.key !== null || u.marking !== null) return false;
  const lastSeg = prev.segs[prev.segs.length - 1];
  const firstSeg = u.segs[0];
  if (!lastSeg || !firstSeg || lastSeg.end <= lastSeg.start || firstSeg.end <= firstSeg.start) return false;
  const end = c.s[lastSeg.end - 1]!;
  if (TERMINAL.has(end)) return false;
  const startCh = c.s[firstSeg.start]!;
  if (startCh === '-' || startCh === '*' || startCh === '(') return false;
  if (u.afterNoise) return true;
  if (/[a-z0-9]/.test(startCh)) return true;
  return /[a-z,]/.test(end);
}

const END_COMMENT = /\bEND (?:OF )?COMMENT\b/i;

/**
 * A comment that opens without closing ("COMMENT: ..." with no "END COMMENT") runs on over the unnumbered
 * paragraphs that follow, up to "END COMMENT", a numbered paragraph or a heading: they are kind 'comment' too.
 */
function markCommentBlocks(c: MappedText, units: Unit[]): void {
  let open = false;
  for (const u of units) {
    if (u.heading !== null || u.number !== null || u.key !== null || u.marker || u.kind === 'quoted_text' || u.kind === 'list_item') open = false;
    else if (open && u.kind === 'paragraph') u.kind = 'comment';
    if (u.kind === 'comment') open = !u.segs.some((l) => END_COMMENT.test(c.s.slice(l.start, l.end)));
  }
}

/** The words of a text, lower case, hyphenated compounds kept whole ("by-and-large"). */
function vocabularyOf(s: string): Set<string> {
  const out = new Set<string>();
  const re = /[A-Za-z]+(?:-[A-Za-z]+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) out.add(m[0].toLowerCase());
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
