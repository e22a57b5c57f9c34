import { type Finding, monthNumber } from '@cablepress/core';
import { str, type CheckInput } from './types.js';

/** Start of the classification banner line of a cable: "UNCLAS VIENTIANE 000145", "C O N F I D E N T I A L SECTION 01 OF 02 CAIRO 002263". */
const BANNER_START = /^[ \t]{0,20}(UNCLAS(?:SIFIED)?|CONFIDENTIAL|C O N F I D E N T I A L|SECRET|S E C R E T|LIMITED OFFICIAL USE)\b/;
/** A post and serial in the rest of the banner line; the last one is the cable's ("SECTION 01 OF 02 CAIRO 002263"). */
const POST_SERIAL = /\b([A-Z][A-Z ]{0,30}[A-Z]) {1,8}0{0,6}(\d{1,6})\b/g;

interface Banner {
  text: string;
  classification: string;
  post: string;
  serial: number;
  start: number;
  length: number;
}

/** Finds the banner among the first lines of the source, reading at most 200 characters of each line. */
function findBanner(source: string): Banner | null {
  let start = 0;
  for (let line = 0; line < 400 && start < source.length; line++) {
    const nl = source.indexOf('\n', start);
    const end = nl < 0 ? source.length : nl;
    const text = source.slice(start, Math.min(end, start + 200)).replace(/\r$/, '');
    const length = source[end - 1] === '\r' ? end - 1 - start : end - start;
    const head = BANNER_START.exec(text);
    if (head) {
      const last = [...text.slice(head[0].length).matchAll(POST_SERIAL)].at(-1);
      if (last) return { text: text.trim(), classification: head[1]!, post: last[1]!.replace(/ +/g, ''), serial: Number(last[2]), start, length };
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return null;
}

function level(classification: string): string | null {
  const c = classification.replace(/\s+/g, '').toUpperCase();
  if (c.startsWith('UNCLAS')) return 'UNCLASSIFIED';
  if (c.startsWith('CONFIDENTIAL')) return 'CONFIDENTIAL';
  if (c.startsWith('SECRET')) return 'SECRET';
  if (c.startsWith('LIMITEDOFFICIALUSE')) return 'UNCLASSIFIED';
  return null;
}

/** Reads a DTG such as 290544Z FEB 08 as an ISO date. */
function dtgDate(dtg: string): string | null {
  const m = /^(\d{2})\d{4}Z\s+([A-Z]{3})\s+(\d{2})$/.exec(dtg.trim());
  if (!m) return null;
  const month = monthNumber(m[2]!);
  if (month === null) return null;
  const year = Number(m[3]) + (Number(m[3]) > 60 ? 1900 : 2000);
  return `${year}-${String(month).padStart(2, '0')}-${m[1]}`;
}

/**
 * Header/body agreement: the id, date and classification of the metadata (cables table) against the cable's own
 * header (the classification banner with its post and serial, the DTG), plus the mismatches the reader reported.
 */
export function checkHeaderAgreement(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  for (const cable of input.cables ?? []) {
    for (const w of cable.warnings) {
      if (w.code !== 'HEADER_BODY_MISMATCH') continue;
      findings.push({
        code: 'HEADER_BODY_MISMATCH',
        severity: 'warning',
        message: `${cable.id}: ${w.message}`,
        path: ['cables', cable.id],
        ...(w.span ? { spans: [{ cable_id: cable.id, char_start: w.span.start, char_end: w.span.end }] } : {}),
      });
    }
  }
  (input.tables.cables ?? []).forEach((row, index) => {
    const id = str(row.cable_id);
    const source = id ? input.sources.get(id) : undefined;
    if (!id || source === undefined) return;
    const banner = findBanner(source);
    const idMatch = /^\d{2}([A-Z]{1,40})(\d{1,7})$/.exec(id);
    if (banner && idMatch) {
      const spans = [{ cable_id: id, char_start: banner.start, char_end: banner.start + banner.length }];
      const post = idMatch[1]!;
      if (banner.serial !== Number(idMatch[2]) || (banner.post !== post && !banner.post.endsWith(post) && !post.endsWith(banner.post))) {
        findings.push({
          code: 'HEADER_ID_MISMATCH',
          severity: 'warning',
          path: ['cables', index, 'cable_id'],
          spans,
          message: `${id}: the cable header reads "${banner.text}", which is not the id in the metadata`,
        });
      }
      const classification = str(row.classification);
      const meta = classification ? level(classification) : null;
      const head = level(banner.classification);
      if (meta && head && meta !== head) {
        findings.push({
          code: 'HEADER_CLASSIFICATION_MISMATCH',
          severity: 'warning',
          path: ['cables', index, 'classification'],
          spans,
          message: `${id}: the metadata classification is ${classification} but the cable header is marked ${banner.classification}`,
        });
      }
    }
    const created = str(row.created);
    const dtg = str(row.dtg);
    const fromDtg = dtg ? dtgDate(dtg) : null;
    if (created && fromDtg) {
      const days = Math.abs(Date.parse(`${created.slice(0, 10)}T00:00:00Z`) - Date.parse(`${fromDtg}T00:00:00Z`)) / 86_400_000;
      if (days > 1) {
        findings.push({
          code: 'HEADER_DATE_MISMATCH',
          severity: 'warning',
          path: ['cables', index, 'created'],
          message: `${id}: the metadata says the cable was created ${created} but its DTG ${dtg} is ${fromDtg}`,
        });
      }
    }
  });
  return findings;
}
