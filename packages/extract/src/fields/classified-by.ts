const PREFIX = /^\s*CLASSIFIED\s+BY\s*:?\s*/i;
const REASONS = /(?:,?\s+(?:for\s+)?reasons?\s*:?|\.\s*REASONS?\s*:|\bE\.O\.\s*12958,?\s*reasons?\s*)\s*/i;

/**
 * "Classified By:" text → the classifying officials, e.g.
 * "Classified By: Ambassador Adam Ereli for reasons 1.4 (b) and (d)." → ["Ambassador Adam Ereli"].
 * Two officials joined by " and " before the reasons stay one entry; ";" separates several.
 */
export function parseClassifiedBy(text: string): string[] {
  const body = text.replace(/\s+/g, ' ').replace(PREFIX, '');
  const cut = REASONS.exec(body);
  const who = (cut ? body.slice(0, cut.index) : body).replace(/[\s,.;:]+$/, '').trim();
  return who ? who.split(/\s*;\s*/).filter(Boolean) : [];
}

/** "Classified By:" text → the reasons cited, e.g. ["1.4 (b)", "1.4 (d)"]. */
export function parseClassificationReasons(text: string): string[] {
  const body = text.replace(/\s+/g, ' ').replace(PREFIX, '');
  const cut = REASONS.exec(body);
  if (!cut) return [];
  const rest = body.slice(cut.index + cut[0].length);
  const out: string[] = [];
  let section: string | null = null;
  const re = /(\d\.\d)\s*|\(\s*([a-h])\s*\)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rest)) !== null) {
    if (m[1]) section = m[1];
    else if (m[2] && section) out.push(`${section} (${m[2].toLowerCase()})`);
  }
  if (out.length === 0 && section) out.push(section);
  return out;
}
