/**
 * E.O. line → its text without the "E.O. 12958:" prefix, spaces collapsed: "E.O. 12958: DECL: 06/28/2019"
 * → "DECL: 06/28/2019". Also reads garbled or old prefixes: "E.M. 12958:", "EO 12958", "E.O. 11652:", "E.O. 13526:".
 */
export function parseEo(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^\s*(?:E\.? ?[OM]\.?|EO) ?1\d{4}\s*[:;]?\s*/i, '')
    .trim();
}
