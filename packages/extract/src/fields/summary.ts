import { MARKING } from './markings.js';

const HEADING = /^-*\s*SUMMARY\s*(?:AND COMMENT)?\s*[:.]?\s*-*$/i;
const INLINE = /(?:^|\s)SUMMARY\s*(?:AND COMMENT)?\s*[:.-]+\s*/i;
const END = /\bEND\s+(?:OF\s+)?SUMMARY\b\.?/i;

function stripPrefix(par: string): string {
  let p = par.trim().replace(/^¶?\s*\d{1,3}\s*\.\s*/, '');
  const m = MARKING.exec(p);
  if (m) p = p.slice(m[0].length).trim();
  return p;
}

/**
 * Body text (paragraphs separated by blank lines) → the summary: the text after "Summary:" up to
 * "End Summary", or the paragraphs under a "SUMMARY" heading up to the next heading. Null when there is none.
 */
export function parseSummary(text: string): string | null {
  const pars = text.split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean);
  for (let k = 0; k < pars.length; k++) {
    const par = pars[k]!;
    if (HEADING.test(par.replace(/\s+/g, ' ').replace(/^-+\s|\s-+$/g, ''))) {
      const parts: string[] = [];
      for (let j = k + 1; j < pars.length; j++) {
        const next = pars[j]!;
        if (/^-{3,}/.test(next) || /^[A-Z][A-Z ,/&'-]{2,60}$/.test(next)) break;
        parts.push(stripPrefix(next));
        if (END.test(next)) break;
      }
      const joined = parts.join('\n\n').replace(END, '').trim();
      return joined || null;
    }
    const body = stripPrefix(par);
    const m = INLINE.exec(body.slice(0, 40));
    if (m && m.index < 20) {
      let rest = body.slice(m.index + m[0].length);
      const end = END.exec(rest);
      if (end) return rest.slice(0, end.index).trim() || null;
      const parts = [rest];
      for (let j = k + 1; j < pars.length && j < k + 8; j++) {
        const e = END.exec(pars[j]!);
        if (e) {
          parts.push(stripPrefix(pars[j]!.slice(0, e.index)));
          rest = parts.join('\n\n');
          return rest.trim() || null;
        }
      }
      return body.slice(m.index + m[0].length).trim() || null;
    }
  }
  return null;
}
