import type { Span } from '../types.js';
import { MappedBuilder, normalizeMapped, trimRange, type MappedText } from '../text.js';
import { emptyMeta, type Envelope, type EnvelopeMeta } from './envelope.js';
import { spanOf } from './spans.js';

/** True when the text is an HTML page with <pre> blocks. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).toLowerCase();
  return /^\s*</.test(head) && (head.includes('<html') || head.includes('<!doctype') || text.includes('<pre'));
}

/** Tags that stand for a line break when a page writes them inside <pre>: <br>, <br/>, <p>, </p>. */
const LINE_BREAK_TAG = /^<(?:br\b|\/?p\b)/i;

/** Named character references decoded inside <pre> (with their ";"); any other "&name;" stays as written. */
const NAMED: Record<string, number> = {
  amp: 38,
  lt: 60,
  gt: 62,
  quot: 34,
  apos: 39,
  nbsp: 160,
  para: 182,
  sect: 167,
  deg: 176,
  middot: 183,
  ndash: 0x2013,
  mdash: 0x2014,
  lsquo: 0x2018,
  rsquo: 0x2019,
  ldquo: 0x201c,
  rdquo: 0x201d,
  hellip: 0x2026,
  laquo: 171,
  raquo: 187,
  copy: 169,
  reg: 174,
  euro: 0x20ac,
  pound: 163,
  yen: 165,
  cent: 162,
  aacute: 225,
  eacute: 233,
  iacute: 237,
  oacute: 243,
  uacute: 250,
  agrave: 224,
  egrave: 232,
  ograve: 242,
  acirc: 226,
  ecirc: 234,
  ocirc: 244,
  auml: 228,
  euml: 235,
  ouml: 246,
  uuml: 252,
  ntilde: 241,
  ccedil: 231,
  Aacute: 193,
  Eacute: 201,
  Iacute: 205,
  Oacute: 211,
  Uacute: 218,
  Ntilde: 209,
  Ccedil: 199,
  szlig: 223,
};

/**
 * Decodes HTML text in [start, end): tags are removed, character references with a closing ";" are decoded,
 * and anything else ("&not squeamish8", "a < b") is kept as written. Every character keeps its source offset.
 */
export function decodeHtml(source: string, start: number, end: number, out: MappedBuilder): void {
  let i = start;
  while (i < end) {
    const c = source.charCodeAt(i);
    if (c === 0x3c) {
      const n = source.charCodeAt(i + 1);
      const isTag = (n >= 65 && n <= 90) || (n >= 97 && n <= 122) || n === 0x2f || n === 0x21;
      if (isTag) {
        if (source.startsWith('<!--', i)) {
          const comment = source.indexOf('-->', i + 4);
          i = comment < 0 || comment + 3 > end ? end : comment + 3;
          continue;
        }
        const close = tagEnd(source, i + 1, Math.min(end, i + 2000));
        if (close >= 0) {
          const head = source.slice(i, Math.min(close + 1, i + 12));
          if (LINE_BREAK_TAG.test(head)) out.pushCode(0x0a, i);
          const raw = RAW_TEXT_TAG.exec(head);
          i = raw ? endOfRawText(source, close + 1, end, raw[1]!.toLowerCase()) : close + 1;
          continue;
        }
        BROKEN_TAG.lastIndex = i;
        const broken = BROKEN_TAG.exec(source);
        if (broken && isMarkup(broken[0])) {
          i = Math.min(end, i + broken[0].length);
          continue;
        }
      }
      out.pushCode(c, i);
      i++;
    } else if (c === 0x26) {
      const semi = indexWithin(source, 0x3b, i + 1, Math.min(end, i + 11));
      if (semi > i + 1) {
        const name = source.slice(i + 1, semi);
        let code = -1;
        if (name.charCodeAt(0) === 0x23) {
          const hex = name.charCodeAt(1) === 0x78 || name.charCodeAt(1) === 0x58;
          const digits = name.slice(hex ? 2 : 1);
          if (digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) code = parseInt(digits, hex ? 16 : 10);
        } else if (Object.hasOwn(NAMED, name)) {
          code = NAMED[name]!;
        }
        if (code >= 0 && code <= 0x10ffff) {
          const str = String.fromCodePoint(code);
          for (let k = 0; k < str.length; k++) out.pushCode(str.charCodeAt(k), i);
          i = semi + 1;
          continue;
        }
      }
      out.pushCode(c, i);
      i++;
    } else {
      out.pushCode(c, i);
      i++;
    }
  }
}

/**
 * Elements whose content a browser does not show as page text: code (script, style), form content (textarea),
 * inert templates, fallback content (noscript) and the window title. Dropped whole with their content.
 */
const RAW_TEXT_TAG = /^<(script|style|textarea|template|noscript|title)(?![a-z0-9-])/i;
/**
 * The name and attributes of a tag left open ("<img src=x onerror=alert(1) <b>", "<img src=x onerror=alert(1) 1. (U)"):
 * what a browser would read as markup, up to the first word that cannot be an attribute.
 */
const BROKEN_TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s+[a-zA-Z_:@][\w:.@-]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?)*\s*\/?/y;

const END_TAG: Record<string, RegExp> = {
  script: /<\/script\s*>/gi,
  style: /<\/style\s*>/gi,
  textarea: /<\/textarea\s*>/gi,
  template: /<\/template\s*>/gi,
  noscript: /<\/noscript\s*>/gi,
  title: /<\/title\s*>/gi,
};

/** Index just past the end tag of a hidden element (RAW_TEXT_TAG) whose content starts at `from`, or `end` without one. */
function endOfRawText(source: string, from: number, end: number, name: string): number {
  const re = END_TAG[name]!;
  re.lastIndex = from;
  const m = re.exec(source);
  return m && m.index + m[0].length <= end ? m.index + m[0].length : end;
}

/**
 * A tag left open is markup to drop when it has attributes or names an element that runs code or loads something
 * ("<img src=x onerror=alert(1) <b>", "<script <b>"); "a <b <i>" stays text.
 */
function isMarkup(run: string): boolean {
  return run.includes('=') || ACTIVE_ELEMENT.test(run);
}
const ACTIVE_ELEMENT =
  /^<\/?(?:script|style|iframe|frame|object|embed|svg|math|img|image|video|audio|source|link|meta|base|body|form|input|button|a)(?![a-z0-9-])/i;

/** The opening of a region whose content is never cable text: a comment or a hidden element. */
const HIDDEN_OPEN = /<!--|<(script|style|textarea|template|noscript|title)(?![a-z0-9-])/g;

/**
 * The [start, end) ranges of comments and hidden elements (script, style, textarea, template, noscript, title)
 * of a page, in order and not overlapping: a "<pre>" or "</pre>" inside one is not page text. One forward pass.
 */
function hiddenRanges(lower: string): [number, number][] {
  const out: [number, number][] = [];
  HIDDEN_OPEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HIDDEN_OPEN.exec(lower)) !== null) {
    const close = m[1] ? `</${m[1]}` : '-->';
    const at = lower.indexOf(close, m.index + m[0].length);
    const end = at < 0 ? lower.length : at + close.length;
    out.push([m.index, end]);
    HIDDEN_OPEN.lastIndex = end;
  }
  return out;
}

/** lower.indexOf(needle, from) outside the hidden ranges (sorted, from hiddenRanges). */
function indexOutside(lower: string, hidden: [number, number][], needle: string, from: number): number {
  let at = lower.indexOf(needle, from);
  let k = 0;
  while (at >= 0) {
    while (k < hidden.length && hidden[k]![1] <= at) k++;
    const range = hidden[k];
    if (!range || range[0] > at) return at;
    at = lower.indexOf(needle, range[1]);
  }
  return -1;
}

/** Index of the '>' closing a tag opened before `from`, searching [from, limit) and giving up at another '<'. */
function tagEnd(source: string, from: number, limit: number): number {
  for (let k = from; k < limit; k++) {
    const c = source.charCodeAt(k);
    if (c === 0x3e) return k;
    if (c === 0x3c) return -1;
  }
  return -1;
}

/** Index of `code` in [from, limit), or -1. */
function indexWithin(source: string, code: number, from: number, limit: number): number {
  for (let k = from; k < limit; k++) if (source.charCodeAt(k) === code) return k;
  return -1;
}

function decodeRange(source: string, start: number, end: number): MappedText {
  const b = new MappedBuilder(end - start);
  decodeHtml(source, start, end, b);
  return normalizeMapped(b.build());
}

function cellText(source: string, start: number, end: number): { value: string; span: Span } | null {
  const t = decodeRange(source, start, end);
  const r = trimRange(t.s.replace(/\n/g, ' '), 0, t.s.length);
  if (r.end <= r.start) return null;
  return { value: t.s.slice(r.start, r.end).replace(/\s+/g, ' '), span: spanOf(t, r.start, r.end) };
}

const HEADER_FIELD: Record<string, keyof EnvelopeMeta> = {
  'reference id': 'id',
  reference: 'id',
  id: 'id',
  created: 'created',
  date: 'created',
  classification: 'classification',
  origin: 'origin',
};

/**
 * Reads a WikiLeaks "Cable Viewer" page: only the cable's own metadata table (Reference ID, Created,
 * Released, Classification, Origin), the "Viewing cable <ID>, <title>" heading and the <pre> blocks.
 * The navigation and its tag links are ignored.
 */
export function readHtml(source: string): Envelope {
  const lower = source.toLowerCase();
  const meta = emptyMeta();
  const spans: Record<string, Span> = {};

  let tableStart = lower.indexOf("<table class='cable'");
  if (tableStart < 0) tableStart = lower.indexOf('<table class="cable"');
  if (tableStart < 0) {
    const ref = lower.indexOf('reference id');
    tableStart = ref >= 0 ? lower.lastIndexOf('<table', ref) : -1;
  }
  let after = 0;
  if (tableStart >= 0) {
    const tableEnd = lower.indexOf('</table>', tableStart);
    const end = tableEnd < 0 ? source.length : tableEnd;
    const heads: string[] = [];
    const cells: { value: string; span: Span }[] = [];
    let pos = tableStart;
    let th = -2;
    let td = -2;
    for (;;) {
      if (th !== -1 && th < pos) th = lower.indexOf('<th', pos);
      if (td !== -1 && td < pos) td = lower.indexOf('<td', pos);
      const next = th >= 0 && th < end && (td < 0 || th < td) ? th : td >= 0 && td < end ? td : -1;
      if (next < 0) break;
      const isHead = next === th;
      const open = lower.indexOf('>', next);
      const close = lower.indexOf(isHead ? '</th>' : '</td>', open);
      if (open < 0 || close < 0 || close > end) break;
      const cell = cellText(source, open + 1, close);
      if (isHead) heads.push(cell ? cell.value.toLowerCase() : '');
      else cells.push(cell ?? { value: '', span: { start: open + 1, end: open + 1 } });
      pos = close + 5;
    }
    heads.forEach((h, k) => {
      const field = HEADER_FIELD[h];
      const cell = cells[k];
      if (field && cell && cell.value) {
        meta[field] = cell.value;
        spans[field] = cell.span;
      }
    });
    after = end;
  }

  const h3 = lower.indexOf('viewing cable ');
  if (h3 >= 0) {
    const close = lower.indexOf('</h3>', h3);
    if (close > h3) {
      const heading = cellText(source, h3 + 'viewing cable '.length, close);
      const comma = heading ? heading.value.indexOf(',') : -1;
      if (heading && comma >= 0) {
        const title = heading.value.slice(comma + 1).trim();
        if (title) {
          meta.title = title;
          const skip = heading.value.length - heading.value.slice(comma + 1).trimStart().length;
          spans.title = { start: heading.span.start + skip, end: heading.span.end };
        }
      }
      if (!meta.id && heading) {
        const id = heading.value.slice(0, comma < 0 ? heading.value.length : comma).trim();
        if (id) meta.id = id;
      }
    }
  }

  const b = new MappedBuilder(4096);
  const hidden = hiddenRanges(lower);
  let pos = after;
  let blocks = 0;
  for (;;) {
    const open = indexOutside(lower, hidden, '<pre', pos);
    if (open < 0) break;
    const gt = lower.indexOf('>', open);
    if (gt < 0) break;
    let close = indexOutside(lower, hidden, '</pre>', gt);
    if (close < 0) close = source.length;
    if (blocks > 0) b.pushCode(0x0a, open);
    decodeHtml(source, gt + 1, close, b);
    blocks++;
    pos = close + 6;
  }
  return { format: 'html', meta, spans, cable: normalizeMapped(b.build()) };
}
