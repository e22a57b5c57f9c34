import { CablepressError, InputError, InternalError } from '@cablepress/core';
import type { Cable, ParseOptions, Reference, Span, Warning } from './types.js';
import type { Envelope } from './formats/envelope.js';
import { looksLikeHtml, readHtml } from './formats/html.js';
import { looksLikePlusd, readPlusd } from './formats/plusd.js';
import { looksLikeCablegateText, readBareCable, readCablegateText } from './formats/cablegate.js';
import { spanOf } from './formats/spans.js';
import { checkLineCount } from './limits.js';
import { splitLines, trimRange, type Line, type MappedText } from './text.js';
import { readRouting, readHeader, type Header, type Routing, type Segments } from './reader/header.js';
import { readBody } from './reader/body.js';
import { bannerParts, fieldAt, isStrongParagraphStart } from './reader/lines.js';
import { canonicalCableId } from './fields/cable-id.js';
import { parseTags } from './fields/tags.js';
import { parseSubject, parseTitleSubject } from './fields/subject.js';
import { parseReferences } from './fields/references.js';
import { parseInfoRecipients, parseRecipients } from './fields/recipients.js';
import { parseClassificationReasons, parseClassifiedBy, parseClassifiedByRole } from './fields/classified-by.js';
import { summaryOfBody } from './fields/summary.js';
import { parseNondisclosureDeadline } from './fields/nondisclosure.js';
import { resolveCreated } from './fields/created.js';
import { parseCaveats } from './fields/classification.js';
import { parseEo } from './fields/eo.js';
import { parseHandling } from './fields/handling.js';

/** fieldSpans keys use Cable field names. */
const FIELD_SPAN_NAME: Record<string, string> = { ref: 'references', eo: 'eo', tags: 'tags', subject: 'subject', classifiedBy: 'classifiedBy' };

const TERMINAL = /[.!?:;"')\]\u201d*]$/;

function detect(text: string): Envelope['format'] | 'bare' {
  if (looksLikeHtml(text)) return 'html';
  if (looksLikePlusd(text)) return 'plusd-text';
  if (looksLikeCablegateText(text)) return 'cablegate-text';
  return 'bare';
}

/** Parses one cable in any supported format. See README.md for the fields and the rules behind them. */
export function parseCable(text: string, options: ParseOptions = {}): Cable {
  const file = options.source;
  const where = file === undefined ? {} : { file };
  if (typeof text !== 'string')
    throw new InputError('NOT_TEXT', `${file ?? 'The input'} is not a string.`, where, 'Decode the file first (decodeCableBytes) and pass its text.');
  if (text.replace(/^\uFEFF/, '').trim().length === 0) {
    throw new InputError('EMPTY_INPUT', `${file ?? 'The input'} is empty.`, { ...where, line: 1, column: 1 }, 'Give a cable text or page.');
  }
  checkLineCount(text, file);
  try {
    return parseInner(text, options);
  } catch (err) {
    if (err instanceof CablepressError) throw err;
    throw new InternalError('PARSE_FAILED', `Reading ${file ?? 'the input'} failed: ${err instanceof Error ? err.message : String(err)}`, where);
  }
}

function parseInner(text: string, options: ParseOptions): Cable {
  const file = options.source;
  const where = file === undefined ? {} : { file };
  const format = options.format && options.format !== 'auto' ? options.format : detect(text);
  const env: Envelope =
    format === 'html'
      ? readHtml(text)
      : format === 'plusd-text'
        ? readPlusd(text)
        : format === 'cablegate-text'
          ? readCablegateText(text)
          : readBareCable(text);
  const warnings: Warning[] = [];
  const c = env.cable;
  checkLineCount(c.s, file);
  const lines = splitLines(c.s).map((l) => trimRange(c.s, l.start, l.end));
  const routing = readRouting(c, lines);
  const header = findHeader(c, lines, routing.next);
  const hasCable = routing.banner !== null || header.found || routing.dtg !== null;
  if (format === 'bare' && !hasCable) {
    throw new InputError(
      'NOT_A_CABLE',
      `${file ?? 'The input'} is not a cable: it has no publisher metadata, no routing header, no TAGS and no SUBJECT.`,
      { ...where, line: 1, column: 1 },
      'Give a PlusD export, a Cablegate text file or a WikiLeaks cable page.',
    );
  }
  if (env.meta.id === null && !hasCable) {
    throw new InputError(
      'NOT_A_CABLE',
      `${file ?? 'The input'} has no cable in it (no reference id and no cable header).`,
      { ...where, line: 1, column: 1 },
      'Give a PlusD export, a Cablegate text file or a WikiLeaks cable page.',
    );
  }
  if (format === 'bare')
    warnings.push({ code: 'METADATA_MISSING', message: 'No publisher metadata (id, created, classification, origin); values come from the cable text.' });

  const joined = (segs: Segments | undefined): string | null => (segs && segs.length > 0 ? segs.map((l) => c.s.slice(l.start, l.end)).join('\n') : null);
  const spanOfSegs = (segs: Segments): Span => {
    const first = segs[0]!;
    const last = segs[segs.length - 1]!;
    return spanOf(c, first.start, last.end);
  };
  const fieldSpans: Record<string, Span> = { ...env.spans };
  const lineText = (l: Line | null): string | null => (l ? c.s.slice(l.start, l.end).replace(/\s+/g, ' ').trim() : null);

  const body = readBody(c, lines, header.found || routing.banner ? header.bodyStart : routing.next, file);
  const bodyEmpty = body.paragraphs.length === 0;

  const id = env.meta.id ? canonicalCableId(env.meta.id) : fallbackId(c, routing);
  if (id === 'UNKNOWN')
    warnings.push({ code: 'ID_MISSING', message: 'No reference id in the metadata, and the banner and DTG do not give one; id is "UNKNOWN".' });
  const dtg = routing.dtg;
  const { created, mismatch } = resolveCreated(env.meta.created, dtg);
  if (mismatch)
    warnings.push({ code: 'HEADER_BODY_MISMATCH', message: `The DTG ${dtg} and the publisher's created date ${env.meta.created} are more than a day apart.` });
  if (created === null) warnings.push({ code: 'CREATED_MISSING', message: 'No created date in the metadata and no DTG in the cable.' });

  const handling = parseHandling(header.handling.map((segs) => segs.map((l) => c.s.slice(l.start, l.end)).join(' ')));
  const eoText = joined(header.fields.eo);
  const eo = eoText ? parseEo(eoText) : null;
  const tagsText = joined(header.fields.tags);
  const publisherTags = env.spans.publisherTags ? text.slice(env.spans.publisherTags.start, env.spans.publisherTags.end) : null;
  const tags = tagsText ? parseTags(tagsText) : publisherTags ? parseTags(publisherTags) : [];
  if (tags.length === 0) warnings.push({ code: 'TAGS_MISSING', message: 'The cable has no TAGS line.' });
  else if (!tagsText) warnings.push({ code: 'TAGS_FROM_METADATA', message: "The cable has no TAGS line; the tags are the publisher's." });
  const subjectText = joined(header.fields.subject);
  const lineSubject = subjectText ? parseSubject(subjectText) : '';
  const subject = lineSubject || (env.meta.title ? parseTitleSubject(env.meta.title) : '');
  if (!subject) warnings.push({ code: 'SUBJECT_MISSING', message: 'The cable has no SUBJECT line.' });
  else if (!lineSubject) warnings.push({ code: 'SUBJECT_FROM_METADATA', message: "The cable has no SUBJECT line; the subject is the publisher's title." });
  const year = yearOf(id, dtg, created);
  const refText = joined(header.fields.ref);
  const references: Reference[] = refText ? parseReferences(refText, year, id) : [];
  const cbText = joined(header.fields.classifiedBy) ?? classifiedByInBody(body.paragraphs[0]?.text);
  const classifiedBy = cbText ? parseClassifiedBy(cbText) : [];
  const classifiedByRole = cbText ? parseClassifiedByRole(cbText) : null;
  const classificationReasons = cbText ? parseClassificationReasons(cbText) : [];

  for (const [name, segs] of Object.entries(header.fields)) if (segs && segs.length > 0) fieldSpans[FIELD_SPAN_NAME[name] ?? name] = spanOfSegs(segs);
  if (header.handling.length > 0)
    fieldSpans.handling = { start: spanOfSegs(header.handling[0]!).start, end: spanOfSegs(header.handling[header.handling.length - 1]!).end };
  if (routing.transmissionId) fieldSpans.transmissionId = spanOf(c, routing.transmissionId.start, routing.transmissionId.end);
  if (routing.dtgLine) fieldSpans.dtg = spanOf(c, routing.dtgLine.start, routing.dtgLine.end);
  if (routing.from) fieldSpans.from = spanOf(c, routing.from.start, routing.from.end);
  if (routing.to.length) fieldSpans.to = spanOfSegs(routing.to);
  if (routing.info.length) fieldSpans.info = spanOfSegs(routing.info);
  if (routing.banner) fieldSpans.banner = spanOf(c, routing.banner.start, routing.banner.end);

  const paragraphs = body.paragraphs;
  if (env.format === 'html') for (const p of paragraphs) p.span.end = pastEntity(text, p.span.end);
  const signedBy = body.signedBy;
  const bodyText = paragraphs
    .map((p, k) => {
      const heading = p.section && (k === 0 || paragraphs[k - 1]!.section !== p.section) ? `-----\n${p.section}\n-----\n\n` : '';
      return heading + p.text;
    })
    .join('\n\n');
  const summary = summaryOfBody(bodyText);

  const end = paragraphs[paragraphs.length - 1];
  const truncated = end !== undefined && signedBy.length === 0 && !TERMINAL.test(end.text) && !/^END\b/i.test(end.text);
  if (truncated) warnings.push({ code: 'TRUNCATED', message: 'The text ends mid-sentence.', span: end!.span });
  if (bodyEmpty) warnings.push({ code: 'BODY_MISSING', message: 'The cable text is missing: only metadata or the header is present.' });
  if (body.missingSections > 0)
    warnings.push({ code: 'SECTION_MISSING', message: `The publisher marks ${body.missingSections} section(s) of the cable as missing.` });
  const partial = bodyEmpty || routing.partialExtract || body.missingSections > 0;
  if (routing.partialExtract)
    warnings.push({ code: 'PARTIAL_EXTRACT', message: 'The publisher marks this record as a partial extract of the original cable.' });

  const bannerLevel = bannerClassification(c, routing.banner);
  const classification = env.meta.classification ?? bannerLevel;
  for (const problem of headerMismatches(c, routing, env.meta.id ? id : null, env.meta.classification, bannerLevel)) {
    warnings.push({ code: 'HEADER_BODY_MISMATCH', message: problem, ...(routing.banner ? { span: spanOf(c, routing.banner.start, routing.banner.end) } : {}) });
  }
  const addressBlock = [joined(routing.to), joined(routing.info)].filter(Boolean).join('\n');
  const result: Cable = {
    id,
    sourceId: env.meta.id,
    format: env.format,
    sourceName: options.source ?? null,
    source: text,
    created,
    classification,
    classificationCaveats: parseCaveats(classification, handling),
    classificationReasons,
    origin: env.meta.origin,
    title: env.meta.title,
    transmissionId: lineText(routing.transmissionId),
    precedence: routing.precedence,
    dtg,
    from: lineText(routing.from),
    to: parseRecipients(addressBlock),
    info: parseInfoRecipients(addressBlock),
    handling,
    eo,
    nondisclosureDeadline: eo ? parseNondisclosureDeadline(eo) : null,
    tags,
    subject,
    references,
    classifiedBy,
    classifiedByRole,
    signedBy,
    summary,
    paragraphs,
    truncated,
    partial,
    warnings,
    fieldSpans,
  };
  return result;
}

/**
 * The header fields after the routing header; when they do not follow it directly (a caption, a distribution
 * block or a National Archives box stands between), from the first E.O./TAGS/SUBJECT line in the first 300 lines
 * before any numbered paragraph.
 */
function findHeader(c: MappedText, lines: Line[], from: number): Header {
  const header = readHeader(c, lines, from);
  if (header.found) return header;
  for (let i = from; i < Math.min(lines.length, from + 300); i++) {
    const t = c.s.slice(lines[i]!.start, lines[i]!.end);
    if (isStrongParagraphStart(t)) break;
    const field = fieldAt(t);
    if (field === 'eo' || field === 'tags' || field === 'subject') {
      const later = readHeader(c, lines, i);
      return later.found ? later : header;
    }
  }
  return header;
}

/** A "Classified By" line written as the first paragraph ("¶1. (U) CLASSIFIED BY DCM ROBERT S. DEUTSCH; REASONS 1.5 (B) AND (D)."). */
function classifiedByInBody(first: string | undefined): string | null {
  return first !== undefined && /^CLASS?IFIED\s+BY\b/i.test(first) ? first : null;
}

function yearOf(id: string, dtg: string | null, created: string | null): number {
  if (created) return Number(created.slice(0, 4));
  const m = /^(\d{2})/.exec(id);
  if (m) {
    const y = Number(m[1]);
    return y >= 66 ? 1900 + y : 2000 + y;
  }
  const d = dtg ? /(\d{2,4})$/.exec(dtg) : null;
  return d ? 2000 + (Number(d[1]) % 100) : 2000;
}

/** A span that ends on the "&" of a character reference ends after its ";" instead. */
function pastEntity(source: string, end: number): number {
  if (source.charCodeAt(end - 1) !== 0x26) return end;
  for (let k = end; k < Math.min(source.length, end + 10); k++) if (source.charCodeAt(k) === 0x3b) return k + 1;
  return end;
}

/**
 * The id a cable without metadata gives itself: the DTG's year with the banner's station and serial, or else
 * with the FM station ("AMEMBASSY BISHKEK" → BISHKEK, "SECSTATE WASHDC" → STATE) and the transmission serial
 * ("DE RUEHEK #1021/01 2800932" → 1021).
 */
function fallbackId(c: MappedText, routing: Routing): string {
  const year = routing.dtg ? /(\d{2})$/.exec(routing.dtg)?.[1] : undefined;
  if (!year) return 'UNKNOWN';
  const parts = routing.banner ? bannerParts(c.s.slice(routing.banner.start, routing.banner.end)) : null;
  if (parts && /^\d+$/.test(parts.serial)) return canonicalCableId(`${year}${parts.station}${parts.serial}`);
  const from = routing.from ? c.s.slice(routing.from.start, routing.from.end).trim() : '';
  const station = /^SECSTATE\b/.test(from) ? 'STATE' : /^(?:AMEMBASSY|AMCONSUL|AMCONSULATE|USMISSION|USINT|USLO|AIT)\s+([A-Z][A-Z ]{1,40})$/.exec(from)?.[1];
  const serial = routing.transmissionId ? /#(\d{1,7})/.exec(c.s.slice(routing.transmissionId.start, routing.transmissionId.end))?.[1] : undefined;
  return station && serial ? canonicalCableId(`${year}${station}${serial}`) : 'UNKNOWN';
}

/**
 * Where the publisher's metadata and the cable's own header disagree: the serial of the id against the banner
 * serial ("VIENTIANE 000145") and the transmission serial ("#0145", its last digits), and the classification
 * level against the banner's.
 */
function headerMismatches(c: MappedText, routing: Routing, id: string | null, metaLevel: string | null, bannerLevel: string | null): string[] {
  const problems: string[] = [];
  const serial = id ? /(?<!\d)(\d+)(?:_[a-z0-9]+)?$/.exec(id)?.[1]?.replace(/^0+(?=\d)/, '') : undefined;
  const parts = routing.banner ? bannerParts(c.s.slice(routing.banner.start, routing.banner.end)) : null;
  if (serial && parts && /^\d+$/.test(parts.serial) && parts.serial.replace(/^0+(?=\d)/, '') !== serial) {
    problems.push(`The id ${id} and the banner serial ${parts.serial} disagree.`);
  }
  const trans = routing.transmissionId ? /#(\d{1,7})/.exec(c.s.slice(routing.transmissionId.start, routing.transmissionId.end))?.[1] : undefined;
  if (serial && trans && !serial.endsWith(trans.replace(/^0+(?=\d)/, ''))) problems.push(`The id ${id} and the transmission serial #${trans} disagree.`);
  const level = metaLevel ? /^(UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|TOP SECRET)/i.exec(metaLevel)?.[1]?.toUpperCase() : undefined;
  if (level && bannerLevel && level !== bannerLevel) problems.push(`The metadata says ${metaLevel} but the banner says ${bannerLevel}.`);
  return problems;
}

function bannerClassification(c: MappedText, banner: Line | null): string | null {
  if (!banner) return null;
  const t = c.s
    .slice(banner.start, banner.end)
    .replace(/ (?=[A-Z] )/g, '')
    .toUpperCase();
  if (t.startsWith('UNCLAS')) return 'UNCLASSIFIED';
  if (t.startsWith('CONFIDENTIAL') || t.startsWith('C O N')) return 'CONFIDENTIAL';
  if (t.startsWith('SECRET') || t.startsWith('S E C')) return 'SECRET';
  if (t.startsWith('LIMITED')) return 'LIMITED OFFICIAL USE';
  return null;
}
