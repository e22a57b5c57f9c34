import type { Finding } from '../errors.js';
import { str, type CheckInput } from './types.js';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** The classification banner of a cable: "UNCLAS VIENTIANE 000145", "C O N F I D E N T I A L SECTION 01 OF 02 CAIRO 002263". */
const BANNER = /^[ \t]*(UNCLAS(?:SIFIED)?|CONFIDENTIAL|C O N F I D E N T I A L|SECRET|S E C R E T|LIMITED OFFICIAL USE)\b[^\n]*?\b([A-Z][A-Z ]*?[A-Z])\s+0*(\d{1,6})\b/m;

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
  const month = MONTHS.indexOf(m[2]!) + 1;
  if (month === 0) return null;
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
        code: 'HEADER_BODY_MISMATCH', severity: 'warning', message: `${cable.id}: ${w.message}`, path: ['cables', cable.id],
        ...(w.span ? { spans: [{ cable_id: cable.id, char_start: w.span.start, char_end: w.span.end }] } : {}),
      });
    }
  }
  (input.tables.cables ?? []).forEach((row, index) => {
    const id = str(row.cable_id);
    const source = id ? input.sources.get(id) : undefined;
    if (!id || source === undefined) return;
    const banner = BANNER.exec(source);
    const idMatch = /^(\d{2})([A-Z]+?)(\d+)$/.exec(id);
    if (banner && idMatch) {
      const spans = [{ cable_id: id, char_start: banner.index, char_end: banner.index + banner[0].length }];
      const post = banner[2]!.replace(/\s+/g, '');
      if (Number(banner[3]) !== Number(idMatch[3]) || (post !== idMatch[2] && !post.endsWith(idMatch[2]!) && !idMatch[2]!.endsWith(post))) {
        findings.push({
          code: 'HEADER_ID_MISMATCH', severity: 'warning', path: ['cables', index, 'cable_id'], spans,
          message: `${id}: the cable header reads "${banner[0].trim()}", which is not the id in the metadata`,
        });
      }
      const classification = str(row.classification);
      const meta = classification ? level(classification) : null;
      const head = level(banner[1]!);
      if (meta && head && meta !== head) {
        findings.push({
          code: 'HEADER_CLASSIFICATION_MISMATCH', severity: 'warning', path: ['cables', index, 'classification'], spans,
          message: `${id}: the metadata classification is ${classification} but the cable header is marked ${banner[1]}`,
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
          code: 'HEADER_DATE_MISMATCH', severity: 'warning', path: ['cables', index, 'created'],
          message: `${id}: the metadata says the cable was created ${created} but its DTG ${dtg} is ${fromDtg}`,
        });
      }
    }
  });
  return findings;
}
