import corrections from '../data/tag-corrections.json' with { type: 'json' };

const FIXES: Record<string, string> = corrections.corrections;

/**
 * TAGS line → tags, upper case, in order, de-duplicated. Accepts the "TAGS:" prefix, several lines, commas,
 * semicolons or spaces as separators, and tags glued together without spaces
 * ("KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG" → KFRD KIRF CVIS CMGT KOCI ASEC PHUM SMIG EG).
 * Person tags written "(SURNAME, GIVEN)" stay one tag: "SURNAME, GIVEN". Known misspellings are corrected
 * from data/tag-corrections.json (PGGV → PGOV).
 */
export function parseTags(text: string): string[] {
  const body = text.replace(/^\s*TAGS?\s*:?/i, ' ');
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (raw: string): void => {
    const tag = FIXES[raw] ?? raw;
    if (tag && !seen.has(tag)) {
      seen.add(tag);
      out.push(tag);
    }
  };
  let i = 0;
  const n = body.length;
  while (i < n) {
    const c = body[i]!;
    if (c === '(') {
      const close = body.indexOf(')', i + 1);
      const inner = close < 0 ? body.slice(i + 1) : body.slice(i + 1, close);
      const person = inner.toUpperCase().replace(/\s+/g, ' ').trim();
      if (/^[A-Z' .-]+,\s?[A-Z' .-]+$/.test(person)) add(person.replace(/\s*,\s*/, ', '));
      else for (const t of person.split(/[\s,;]+/)) addToken(t, add);
      i = close < 0 ? n : close + 1;
      continue;
    }
    if (/[\s,;]/.test(c)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && !/[\s,;(]/.test(body[j]!)) j++;
    addToken(body.slice(i, j).toUpperCase(), add);
    i = j;
  }
  return out;
}

function addToken(raw: string, add: (t: string) => void): void {
  const token = raw.replace(/^[^A-Z0-9]+|[^A-Z0-9_]+$/g, '');
  if (!token) return;
  if (token.length > 6 && /^[A-Z]+$/.test(token) && (token.length % 4 === 0 || token.length % 4 === 2)) {
    let k = 0;
    for (; k + 4 <= token.length; k += 4) add(token.slice(k, k + 4));
    if (k < token.length) add(token.slice(k));
    return;
  }
  add(token);
}
