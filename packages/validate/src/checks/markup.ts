import type { Finding } from '@cablepress/core';
import type { CheckInput } from './types.js';
import words from '../data/active-markup.json' with { type: 'json' };

const TAG = new RegExp(`<\\s*\\/?\\s*(?:${words.tags.join('|')})(?![a-z0-9-])`, 'i');
const HANDLER = /\bon[a-z]{3,20}\s*=/i;
const SCHEME = new RegExp(`(?:${words.schemes.join('|')}):`, 'i');
/** A data: URL with a media type (`data:text/html;base64,...`), not the word "data:" in a sentence. */
const DATA_URL = /\bdata:[a-z]{1,40}\/[a-z0-9.+-]{1,80}[;,]/i;
const REFERENCE = /&(?:#x([0-9a-f]{1,6})|#([0-9]{1,7})|([A-Za-z]{2,8}));?/g;
/** Characters a browser drops inside a URL or treats as nothing inside a tag name: tab, line breaks, other controls. */
const INVISIBLE = /[\u0000-\u001f\u007f\u00ad\u200b-\u200d\u2060\ufeff]/g;
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);
const NAMED = new Map(Object.entries(words.namedReferences as Record<string, string>));
/**
 * A character every pattern needs, written or as a character reference: a tag "<", a handler "=", a scheme ":". Most
 * cells have none, and the patterns are tested only on those that do (they were 4 % of a build's CPU).
 */
const NEEDED = /[<=:&]/;

function decodeReference(match: string, hex?: string, decimal?: string, name?: string): string {
  if (name !== undefined) return NAMED.get(name) ?? match;
  const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
  return code <= 0x10ffff ? String.fromCodePoint(code) : match;
}

/** A cell as a browser would read it for links and tags: character references decoded, invisible characters dropped. */
export function asBrowserReads(value: string): string {
  return value.replace(REFERENCE, decodeReference).replace(INVISIBLE, '');
}

/** The first active markup in a cell (as written, and as a browser reads it), or undefined. */
function activeMarkup(value: string): string | undefined {
  if (!NEEDED.test(value)) return undefined;
  for (const text of value.includes('&') || HAS_INVISIBLE.test(value) ? [value, asBrowserReads(value)] : [value]) {
    const m = TAG.exec(text) ?? HANDLER.exec(text) ?? SCHEME.exec(text) ?? DATA_URL.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

/**
 * Active HTML: a tag that runs code, loads or submits content or changes how links resolve (script, style, frames,
 * base, meta, form...), an event-handler attribute, a javascript: link or a data: URL, also when spelled with
 * character references or invisible characters (`jav&#x09;ascript:`, `javascript&colon;`). The HTML reader drops
 * markup from the cable text, but a fact's `text` is the source at its span, so markup a page puts inside a fact would
 * be copied into the tables: the build is refused instead. The words are data: `data/active-markup.json`.
 */
export function checkActiveMarkup(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  for (const [table, rows] of Object.entries(input.tables)) {
    rows.forEach((row, index) => {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string') continue;
        const found = activeMarkup(value);
        if (found === undefined) continue;
        findings.push({
          code: 'ACTIVE_MARKUP',
          severity: 'error',
          path: [table, index, column],
          message: `${table} row ${index + 1}: ${column} holds active HTML (${JSON.stringify(found)}) that the source page put inside the cable text`,
        });
      }
    });
  }
  return findings;
}
