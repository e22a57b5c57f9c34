import type { Finding } from '@cablepress/core';
import type { CheckInput } from './types.js';

/**
 * Active HTML: a script, style or embedded-frame tag, an event-handler attribute or a javascript: link. The HTML reader
 * drops it from the cable text, but a fact's `text` is the raw source at its span, so markup a page puts inside a
 * fact would be copied into the tables: the build is refused instead.
 */
const ACTIVE_MARKUP = /<\s*\/?\s*(?:script|style|iframe|frame|object|embed)(?![a-z0-9-])|\bon[a-z]{3,20}\s*=|javascript\s*:/i;

/** Errors for every cell that would publish active HTML. */
export function checkActiveMarkup(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  for (const [table, rows] of Object.entries(input.tables)) {
    rows.forEach((row, index) => {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string') continue;
        const m = ACTIVE_MARKUP.exec(value);
        if (!m) continue;
        findings.push({
          code: 'ACTIVE_MARKUP',
          severity: 'error',
          path: [table, index, column],
          message: `${table} row ${index + 1}: ${column} holds active HTML (${JSON.stringify(m[0])}) that the source page put inside the cable text`,
        });
      }
    });
  }
  return findings;
}
