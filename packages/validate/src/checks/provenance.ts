import type { Finding } from '@cablepress/core';
import { looksLikeHtml, spanText } from '@cablepress/extract';
import { factTables } from '../fact-tables.js';
import { num, str, type CheckInput } from './types.js';

/** Tables whose `text` is the source slice [char_start, char_end): the fact tables with a span (not paragraphs, whose text is clean). */
export const PROVENANCE_TABLES: readonly string[] = factTables
  .filter((t) => ['cable_id', 'char_start', 'char_end', 'text'].every((c) => c in t.row.shape))
  .map((t) => t.name);

/**
 * The provenance invariant: in every fact table with a span (PROVENANCE_TABLES), text must be exactly the row's cable
 * source at [char_start, char_end) as a reader sees it: the slice itself for a text file, the slice with tags dropped
 * and character references decoded for an HTML page (spanText). Breaking it is an error.
 */
export function checkProvenance(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  const html = new Map<string, boolean>();
  const isHtml = (cableId: string, source: string) => {
    let known = html.get(cableId);
    if (known === undefined) html.set(cableId, (known = looksLikeHtml(source)));
    return known;
  };
  for (const table of PROVENANCE_TABLES) {
    const rows = input.tables[table] ?? [];
    rows.forEach((row, index) => {
      const cableId = str(row.cable_id);
      const start = num(row.char_start);
      const end = num(row.char_end);
      const text = str(row.text);
      const path = [table, index, 'text'];
      if (cableId === null || start === null || end === null || text === null) {
        findings.push({
          code: 'PROVENANCE_INCOMPLETE',
          severity: 'error',
          message: `${table} row ${index + 1}: cable_id, char_start, char_end or text is missing`,
          path,
        });
        return;
      }
      const source = input.sources.get(cableId);
      const spans = [{ cable_id: cableId, char_start: start, char_end: end }];
      if (source === undefined) {
        findings.push({
          code: 'PROVENANCE_UNKNOWN_CABLE',
          severity: 'error',
          message: `${table} row ${index + 1}: no source text for cable ${cableId}`,
          path,
          spans,
        });
        return;
      }
      if (start > end || end > source.length) {
        findings.push({
          code: 'PROVENANCE_OUT_OF_RANGE',
          severity: 'error',
          path,
          spans,
          message: `${table} row ${index + 1}: span [${start}, ${end}) is outside the ${source.length} characters of ${cableId}`,
        });
        return;
      }
      const slice = spanText(source, start, end, isHtml(cableId, source));
      if (slice !== text) {
        findings.push({
          code: 'PROVENANCE_MISMATCH',
          severity: 'error',
          path,
          spans,
          message: `${table} row ${index + 1}: text ${JSON.stringify(text)} is not the source at [${start}, ${end}) of ${cableId}, which reads ${JSON.stringify(slice)}`,
        });
      }
    });
  }
  return findings;
}
