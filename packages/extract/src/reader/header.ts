import type { MappedText, Line } from '../text.js';
import { parseDtgLine } from '../fields/dtg.js';
import {
  BANNER as BANNER_END,
  bannerIndex,
  fieldAt,
  fieldSplits,
  isDashed,
  isLayoutNoise,
  isStrongParagraphStart,
  NUMBERED,
  type HeaderField,
} from './lines.js';

/** A piece of a header field: a [start, end) range in the cable text. */
export type Segments = Line[];

export interface Routing {
  transmissionId: Line | null;
  precedence: string | null;
  dtg: string | null;
  dtgLine: Line | null;
  from: Line | null;
  to: Segments;
  info: Segments;
  banner: Line | null;
  partialExtract: boolean;
  /** Index of the first header line: after the banner, else after the routing lines, else 0. */
  next: number;
}

const textOf = (c: MappedText, l: Line): string => c.s.slice(l.start, l.end);

/** Reads the routing header (VZCZC, DE, DTG, FM, TO, INFO) up to and including the classification banner. */
export function readRouting(c: MappedText, lines: Line[]): Routing {
  const r: Routing = {
    transmissionId: null,
    precedence: null,
    dtg: null,
    dtgLine: null,
    from: null,
    to: [],
    info: [],
    banner: null,
    partialExtract: false,
    next: 0,
  };
  let list: 'to' | 'info' | null = null;
  const limit = Math.min(lines.length, 400);
  for (let i = 0; i < limit; i++) {
    const line = lines[i]!;
    const t = textOf(c, line);
    if (fieldAt(t) || isStrongParagraphStart(t)) {
      if (r.from || r.dtg) r.next = i;
      break;
    }
    const b = bannerIndex(t);
    const before: Line = b >= 0 ? { start: line.start, end: trimEnd(c.s, line.start, line.start + b) } : line;
    const bt = textOf(c, before);
    if (/partial extract/i.test(t)) r.partialExtract = true;
    if (bt.length > 0) {
      const dtg = parseDtgLine(bt);
      if (/^DE\s+R[A-Z]{3,6}\s*#/.test(bt)) r.transmissionId = before;
      else if (dtg && !r.dtg) {
        r.precedence = dtg.precedence;
        r.dtg = dtg.dtg;
        r.dtgLine = before;
      } else if (/^FM\s+/.test(bt)) {
        r.from = { start: before.start + /^FM\s+/.exec(bt)![0].length, end: before.end };
        list = null;
      } else if (/^TO\s+/.test(bt) && r.from) {
        list = 'to';
        r.to.push(before);
      } else if (/^INFO\s+/.test(bt) && r.from) {
        list = 'info';
        r.info.push(before);
      } else if (list && !isLayoutNoise(bt)) {
        r[list].push(before);
      }
    }
    if (b >= 0 && !r.from && !r.dtg && routingFollows(c, lines, i)) continue;
    if (b >= 0) {
      const fieldsAt = fieldsAfterBanner(t, b);
      r.banner = { start: line.start + b, end: fieldsAt < 0 ? line.end : trimEnd(c.s, line.start + b, line.start + fieldsAt) };
      if (fieldsAt >= 0) lines.splice(i + 1, 0, { start: line.start + fieldsAt, end: line.end });
      r.next = i + 1;
      return r;
    }
  }
  return r;
}

/** A caption banner before the routing header ("UNCLASSIFIED   STATE   00100153" above "O 251814Z SEP 09"). */
function routingFollows(c: MappedText, lines: Line[], i: number): boolean {
  for (let k = i + 1; k < Math.min(lines.length, i + 13); k++) {
    const t = textOf(c, lines[k]!);
    if (/^FM\s/.test(t) || parseDtgLine(t) || /^DE\s+R[A-Z]{3,6}\s*#/.test(t)) return true;
  }
  return false;
}

/** Header fields on the banner line itself: "... ANKARA 008305S/CT FOR REAPE.O. 12958: DECL: ... TAGS: PTER TU". */
const FIELDS_ON_BANNER = /E\.? ?[OM]\.? ?1[23]\d{3}\b|TAGS? ?:|SUBJ(?:ECT)? ?:|REFS? ?:|CLASSIFIED BY ?:?/i;

/** Where header fields start after the banner that starts at `b`, or -1. */
function fieldsAfterBanner(t: string, b: number): number {
  const after = BANNER_END.exec(t.slice(b));
  if (!after) return -1;
  const from = b + after.index + after[0].length;
  const m = FIELDS_ON_BANNER.exec(t.slice(from, from + 400));
  return m ? from + m.index : -1;
}

function trimEnd(s: string, start: number, end: number): number {
  while (end > start && (s.charCodeAt(end - 1) === 0x20 || s.charCodeAt(end - 1) === 0x2f)) end--;
  return end;
}

export interface Header {
  handling: Segments[];
  fields: Partial<Record<HeaderField, Segments>>;
  /** Index of the first body line. */
  bodyStart: number;
  /** True when at least one of E.O., TAGS, SUBJECT was found. */
  found: boolean;
}

/** A line that opens the body even without a blank line before it: "SUMMARY:", "BEGIN SUMMARY", "1. ...". */
const BODY_OPENING = /^(?:BEGIN )?SUMMARY\b|^¶?\s?\d{1,3}\s?\.\s/i;
/** A "Classified By" line that has given its reasons and ends there. */
const REASONS_DONE = /reasons?\b.{0,40}[.)]$/i;

/** A continuation line of TAGS: upper-case codes (and person tags), not a routing line. */
function isTagLine(t: string): boolean {
  if (t.length > 100 || /[a-z]/.test(t) || /^VZCZC/.test(t) || parseDtgLine(t)) return false;
  const tokens = t.split(/[\s,;]+/).filter(Boolean);
  return tokens.length > 0 && tokens.every((w) => w.length <= 12);
}

const isBullet = (t: string): boolean => /^¶?\(?[A-Z][.)]\s/.test(t);

/**
 * A sentence of body text right after a REF list that ends with a serial or a full stop, with no blank line
 * between ("REF: A. ROME 1 B. STATE 2\nThe Embassy delivered the demarche ..."): an unnumbered first paragraph.
 */
function isProseAfterReference(t: string, last: string): boolean {
  return !isBullet(t) && /[\d.)]$/.test(last) && /^[A-Z][a-z]*(?: [a-z]{2,}| [A-Z][a-z]+){4}/.test(t);
}

/**
 * Reads header lines from `from`: handling lines (SIPDIS, DEPT FOR ...), E.O., TAGS, SUBJECT, REF and
 * Classified By, each possibly over several lines or run together on one line. Stops at the first body line.
 */
export function readHeader(c: MappedText, lines: Line[], from: number): Header {
  const h: Header = { handling: [], fields: {}, bodyStart: lines.length, found: false };
  let current: HeaderField | 'handling' | null = null;
  let blankSinceField = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const t = textOf(c, line);
    if (t.length === 0) {
      blankSinceField = true;
      if (current !== 'ref') current = null;
      continue;
    }
    if (isLayoutNoise(t)) continue;
    const runOn = inlineParagraphStart(t);
    if (runOn > 0 && (fieldAt(t) || current)) {
      lines.splice(i + 1, 0, { start: line.start + runOn, end: line.end });
      lines[i] = { start: line.start, end: trimEndSpaces(c.s, line.start, line.start + runOn) };
      i--;
      continue;
    }
    const startsField = fieldAt(t);
    const paragraph = isStrongParagraphStart(t) || isDashed(t) || (h.found && NUMBERED.test(t) && !startsField && current !== 'ref');
    if (paragraph && !(current === 'ref' && !blankSinceField && isBullet(t))) {
      h.bodyStart = i;
      return h;
    }
    const cuts = [0, ...fieldSplits(t), t.length];
    let continuing = false;
    if (!startsField) {
      const body = BODY_OPENING.test(t);
      const lastSeg = current && current !== 'handling' ? h.fields[current]?.at(-1) : undefined;
      const last = lastSeg ? textOf(c, lastSeg) : '';
      if (current === 'ref') continuing = !body && (!blankSinceField || isBullet(t)) && !isProseAfterReference(t, last);
      else if (current === 'tags') continuing = !blankSinceField && isTagLine(t);
      else if (current === 'subject') continuing = !blankSinceField && !body && (h.fields.subject?.length ?? 0) < 4;
      else if (current === 'classifiedBy') continuing = !blankSinceField && !body && !REASONS_DONE.test(last);
      else if (current === 'eo') continuing = !blankSinceField && !body;
      if (!continuing && h.found) {
        h.bodyStart = i;
        return h;
      }
      if (!continuing && (t.length > 100 || h.handling.length >= 15)) return { handling: [], fields: {}, bodyStart: from, found: false };
    }
    for (let k = 0; k + 1 < cuts.length; k++) {
      const seg: Line = { start: line.start + cuts[k]!, end: trimEndSpaces(c.s, line.start + cuts[k]!, line.start + cuts[k + 1]!) };
      const segText = textOf(c, seg);
      const field = fieldAt(segText);
      if (field) {
        current = field;
        blankSinceField = false;
        if (field === 'eo' || field === 'tags' || field === 'subject') h.found = true;
        (h.fields[field] ??= []).push(seg);
      } else if (k === 0 && continuing && current && current !== 'handling') {
        h.fields[current]!.push(seg);
      } else if (!h.found) {
        const prev = h.handling[h.handling.length - 1];
        const prevText = prev ? textOf(c, prev[prev.length - 1]!) : '';
        if (current === 'handling' && prev && /(,|\bFOR|\bAND|\bTO)$/.test(prevText)) prev.push(seg);
        else h.handling.push([seg]);
        current = 'handling';
        blankSinceField = false;
      } else if (current && current !== 'handling') {
        h.fields[current]!.push(seg);
      }
    }
  }
  return h;
}

/** A numbered paragraph with a portion marking run on inside a header line: "... (b), (d) 1. (C)  Summary: ...". */
const INLINE_PARAGRAPH = / (?=¶? ?\d{1,2} ?\. ?\((?:U|C|S|SBU|FOUO|LOU|TS|S\/\/NF|C\/\/NF|S\/NF|C\/NF)\) )/;

function inlineParagraphStart(t: string): number {
  const m = INLINE_PARAGRAPH.exec(t);
  return m ? m.index + 1 : -1;
}

function trimEndSpaces(s: string, start: number, end: number): number {
  while (end > start && s.charCodeAt(end - 1) === 0x20) end--;
  return end;
}
