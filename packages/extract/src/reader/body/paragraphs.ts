import type { Line, MappedText } from '../../text.js';
import { isStrongParagraphStart } from '../lines.js';
import { isCapsTitle } from './headings.js';
import { BEGIN, closeQuote, closeQuoteAtNextNumber, END, isQuoteMarker, openQuote, type Scope } from './quotes.js';
import { plainUnit, startUnit, stripPilcrow, type Unit } from './unit.js';

const TERMINAL = new Set(['.', '!', '?', ':', ';', '"', "'", ')', ']', '\u201d', '\u2019', '*']);

/** Cuts a block of text lines into paragraph units (pushed onto `units`), following numbers, ¶ marks and quote markers. */
export function splitBlock(c: MappedText, units: Unit[], scope: Scope, block: Line[], brokeBefore: boolean, noiseBefore: boolean): void {
  const text = (l: Line): string => c.s.slice(l.start, l.end);
  let cur: Unit | null = null;
  block.forEach((line, idx) => {
    const t = text(line);
    const marker = isQuoteMarker(t);
    const prevLine = idx > 0 ? text(block[idx - 1]!) : '';
    const spurious = idx > 0 && isSpuriousPilcrow(t, prevLine, scope.lastNumber);
    const next = idx > 0 && startsNextNumber(t, prevLine, (cur?.number ?? scope.lastNumber) + 1);
    const starts = idx === 0 || marker || (isStrongParagraphStart(t) && !spurious) || next || (cur?.marker ?? false);
    if (!starts && cur) {
      cur.segs.push(stripPilcrow(c, line));
      return;
    }
    if (marker) {
      cur = markerUnit(line, t, scope);
      units.push(cur);
      return;
    }
    closeQuoteAtNextNumber(scope, t);
    cur = startUnit(c, line, scope.section, scope.inQuote, idx === 0 ? brokeBefore : false);
    cur.afterNoise = idx === 0 && noiseBefore && cur.afterBreak;
    if (cur.number !== null && cur.kind !== 'list_item') scope.lastNumber = cur.number;
    const opening = c.s.slice(cur.segs[0]!.start, line.end);
    if (BEGIN.test(opening)) openQuote(scope);
    if (cur.number !== null && block.length === 1 && !scope.inQuote) {
      const title = c.s.slice(cur.segs[0]!.start, line.end).trim();
      if (isCapsTitle(title)) {
        scope.section = title.replace(/\s+/g, ' ');
        cur.section = scope.section;
      }
    }
    units.push(cur);
  });
}

/** A "Begin text" / "End text" line: a unit of its own that opens or closes the quote. */
function markerUnit(line: Line, t: string, scope: Scope): Unit {
  if (BEGIN.test(t)) openQuote(scope);
  const unit = plainUnit(line, scope.section, false, 'paragraph');
  unit.marker = true;
  if (END.test(t)) closeQuote(scope);
  return unit;
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

/** Joins each unit that continues the sentence of the unit before it (split by a blank or removed line) to that unit. */
export function joinBrokenSentences(c: MappedText, units: Unit[]): Unit[] {
  const merged: Unit[] = [];
  for (const u of units) {
    const prev = merged[merged.length - 1];
    if (prev && u.afterBreak && canJoin(c, prev, u)) {
      for (const seg of u.segs) prev.segs.push(seg);
      continue;
    }
    merged.push(u);
  }
  return merged;
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
export function markCommentBlocks(c: MappedText, units: Unit[]): void {
  let open = false;
  for (const u of units) {
    if (u.heading !== null || u.number !== null || u.key !== null || u.marker || u.kind === 'quoted_text' || u.kind === 'list_item') open = false;
    else if (open && u.kind === 'paragraph') u.kind = 'comment';
    if (u.kind === 'comment') open = !u.segs.some((l) => END_COMMENT.test(c.s.slice(l.start, l.end)));
  }
}
