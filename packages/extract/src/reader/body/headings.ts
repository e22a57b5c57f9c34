import type { Line, MappedText } from '../../text.js';
import { isStrongParagraphStart, NUMBERED } from '../lines.js';
import { nextNonBlankIndex, nextText, prevNonBlankIndex, type Item } from './items.js';
import { onlyTrailerAfter } from './signature.js';
import { LETTER_KEY } from './unit.js';

const ROMAN = /^([IVXLC]{1,7})\s?[.:]\s+(\S.*)$/;

function isRoman(s: string): boolean {
  return /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) || /^(?:L|XL|XC|C)?X{0,3}(?:IX|IV|V?I{0,3})$/.test(s);
}

/** A heading found at a block of text lines: its title, the lines of the block after it, and whether it ends a quote. */
export interface Heading {
  title: string;
  rest: Line[];
  endsQuote: boolean;
}

/** The block of text items [k, e) of `items` and what the reader knows around it. */
export interface Block {
  c: MappedText;
  items: Item[];
  k: number;
  e: number;
  lines: Line[];
  inQuote: boolean;
  /** Dash items already used as the rule of a heading. */
  usedDashes: Set<number>;
}

/** The heading a block opens with, tried in order: between dashed rules, a roman-numbered title, an upper-case line. */
export function headingOf(b: Block): Heading | null {
  return dashedHeading(b) ?? romanHeading(b) ?? capsHeading(b);
}

const lineText = (c: MappedText, l: Line): string => c.s.slice(l.start, l.end);

/** A short title line between dashed rules ("-----\nThe Government's Response\n-----"); marks the rules used. */
function dashedHeading(b: Block): Heading | null {
  const { c, items, k, e, lines, usedDashes } = b;
  const before = prevNonBlankIndex(items, k);
  const after = nextNonBlankIndex(items, e);
  const dashBefore = before >= 0 && items[before]!.type === 'dash' && !usedDashes.has(before);
  const dashAfter = after >= 0 && items[after]!.type === 'dash' && !usedDashes.has(after);
  if (!dashBefore && !dashAfter) return null;
  const blockText = lines.length <= 3 ? lines.map((l) => lineText(c, l)).join(' ') : '';
  const bare = lineText(c, lines[0]!).replace(/^¶\s?/, '');
  const titleLike = lines.length <= 3 && blockText.length <= 160 && !/\.$/.test(blockText) && !NUMBERED.test(bare) && !/\((?:U|C|S|SBU)\)/.test(blockText);
  if (!titleLike) return null;
  if (dashBefore) usedDashes.add(before);
  if (dashAfter) usedDashes.add(after);
  return { title: headingTitle(blockText), rest: [], endsQuote: false };
}

/** "XXVII. Overview" (its title may wrap over two more lines); the rest of the block is text. */
function romanHeading(b: Block): Heading | null {
  const { c, lines } = b;
  const text = (l: Line): string => lineText(c, l);
  const romanMatch = ROMAN.exec(text(lines[0]!));
  if (!romanMatch || !isRoman(romanMatch[1]!)) return null;
  let titleEnd = 1;
  while (titleEnd < lines.length && titleEnd < 3 && !LETTER_KEY.test(text(lines[titleEnd]!)) && !NUMBERED.test(text(lines[titleEnd]!))) titleEnd++;
  const title = [romanMatch[2]!, ...lines.slice(1, titleEnd).map(text)].join(' ').replace(/\s+/g, ' ').replace(/[:.]$/, '').trim();
  const raw = lines.slice(0, titleEnd).map(text).join(' ').trim();
  const single = romanMatch[1]!.length === 1;
  const short = title.length <= 120 && !/[.;]$/.test(raw) && !/[a-z]\. [A-Z]/.test(title) && (!single || titleEnd === lines.length);
  if (!short) return null;
  return { title: `${romanMatch[1]}: ${title}`, rest: lines.slice(titleEnd), endsQuote: true };
}

/** A lone upper-case line after a gap and before more text, outside quotes, that is not a signature. */
function capsHeading(b: Block): Heading | null {
  const { c, items, k, e, lines, inQuote } = b;
  const first = lineText(c, lines[0]!);
  const caps =
    lines.length === 1 &&
    first.length <= 80 &&
    !/[a-z]/.test(first) &&
    /[A-Z].*[A-Z]/.test(first) &&
    !/[.:;,]$/.test(first) &&
    !NUMBERED.test(first) &&
    !/^(END|BEGIN)\b/.test(first) &&
    !isStrongParagraphStart(first) &&
    k > 0 &&
    items[k - 1]!.type !== 'text' &&
    items[k - 1]!.type !== 'dash' &&
    e < items.length &&
    nextText(items, e) &&
    !inQuote &&
    !onlyTrailerAfter(c, items, e);
  return caps ? { title: first.replace(/\s+/g, ' '), rest: [], endsQuote: false } : null;
}

/** A heading as one line: ¶ and trailing dashes removed; "XXVII. Overview" → "XXVII: Overview". */
function headingTitle(raw: string): string {
  const t = raw
    .replace(/\s+/g, ' ')
    .replace(/^¶\s?/, '')
    .replace(/\s*-+$/, '')
    .trim();
  const m = ROMAN.exec(t);
  if (m && isRoman(m[1]!)) return `${m[1]}: ${m[2]!.replace(/[:.]$/, '').trim()}`;
  return t;
}

/** A short upper-case line without a full stop: "THE COUNTRY'S TIP SITUATION". */
export function isCapsTitle(t: string): boolean {
  return t.length >= 4 && t.length <= 80 && !/[a-z]/.test(t) && /[A-Z]{2}/.test(t) && !/[.;,]$/.test(t) && !/^(END|BEGIN)\b/.test(t);
}
