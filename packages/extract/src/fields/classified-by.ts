import roles from '../data/roles.json' with { type: 'json' };
import { fieldText } from './locate.js';

const ROLE_WORDS = new Set<string>(roles.words);
const PREFIX = /^\s*(?:CLASS?IFI?E?D|CLASSFIED|CLASSIIFED) {0,3}BY\s*[:;]?\s*/i;
/** Where the reasons begin (in text with single spaces): "for reasons", "reason:", "per", "under", "due to", misspelled, or a bare "1.4 (b)". */
const REASONS =
  /(?:[,;.]? |[,;.])(?:(?:for|fore|fr|per|under|due to|because of) (?:the )?(?:(?:reasons?|reaons?|resons?|reasosn|rsns|sections?|sec\.?|E\.? ?O\.?|para)\b|(?=1\.\d))|(?:reasons?|reaons?|resons?|rsns)\b ?:?|(?:E\.? ?O\.? ?1[23]\d{3})|(?=1\.[4-6] ?\(?[a-hA-H]\)?))/i;
/** Suffixes that belong to a name. */
const NAME_SUFFIX = /^(?:JR|SR|II|III|IV)\.?$/i;

function whoOf(text: string): string {
  const body = fieldText(text, 'classifiedBy').slice(0, 2000).replace(/\s+/g, ' ').replace(PREFIX, '');
  const cut = REASONS.exec(body);
  const who = (cut ? body.slice(0, cut.index) : body)
    .replace(/[\s,;:]+$/, '')
    .replace(/^[\s,.;:]+/, '')
    .trim();
  if (/\b(?:JR|SR)$/i.test(who)) return `${who}.`;
  return /\b(?:JR|SR|[A-Z])\.$/i.test(who) ? who : who.replace(/[\s.]+$/, '');
}

const isRoleWord = (w: string): boolean => ROLE_WORDS.has(w.toUpperCase().replace(/[,;:]$/, ''));

/** One official → name and role: "Ambassador Adam Ereli" → Adam Ereli / Ambassador; "Chris Stevens, CDA, Embassy Tripoli" → Chris Stevens / CDA. */
function splitRole(who: string): { name: string; role: string | null } {
  const parts = who.split(',').map((p) => p.trim());
  while (parts.length > 1 && (NAME_SUFFIX.test(parts[1]!) || parts[0]!.split(' ').every(isRoleWord))) parts.splice(0, 2, `${parts[0]}, ${parts[1]}`);
  const head = parts[0]!;
  const words = head.split(' ');
  let k = 0;
  while (k < words.length - 1 && isRoleWord(words[k]!)) k++;
  if (parts.length > 1 && k === 0) {
    const role = parts[1]!.trim();
    return { name: head, role: role || null };
  }
  const name = words.slice(k).join(' ');
  const role = k > 0 ? words.slice(0, k).join(' ') : parts.length > 1 ? parts[1]! : null;
  return { name: parts.length > 1 && k > 0 ? `${name}` : name, role };
}

/**
 * The classifying officials from a "Classified By:" line, or from any text that holds one, by name without
 * their role: "Classified By: Ambassador Adam Ereli for reasons 1.4 (b) and (d)." → ["Adam Ereli"];
 * "CLASSIFIED BY: Chris Stevens, CDA, Embassy Tripoli" → ["Chris Stevens"]. JR./III stay with the name; the
 * role words are data/roles.json. ";" separates several officials.
 */
export function parseClassifiedBy(text: string): string[] {
  const who = whoOf(text);
  return who
    ? who
        .split(';')
        .map((w) => w.trim())
        .filter(Boolean)
        .map((w) => splitRole(w).name)
        .filter(Boolean)
    : [];
}

/** The role of the (first) classifying official: "Ambassador", "CDA", "Charge d'Affaires a.i.", or null. */
export function parseClassifiedByRole(text: string): string | null {
  const who = whoOf(text).split(';')[0]?.trim();
  return who ? splitRole(who).role : null;
}

/** "Classified By:" text → the reasons cited, e.g. ["1.4 (b)", "1.4 (d)"]. */
export function parseClassificationReasons(text: string): string[] {
  const body = fieldText(text, 'classifiedBy').slice(0, 2000).replace(/\s+/g, ' ').replace(PREFIX, '');
  const cut = REASONS.exec(body);
  if (!cut) return [];
  const rest = body.slice(cut.index + cut[0].length);
  const out: string[] = [];
  let section: string | null = null;
  const re = /(\d\.\d)\s*|\(\s*([a-h](?:\s?[/,&]\s?[a-h]){0,7})\s*\)|(?<![A-Za-z.'])([a-h])(?![A-Za-z.'])/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rest)) !== null) {
    if (m[1]) section = m[1];
    else if (section) for (const letter of (m[2] ?? m[3]!).split(/\s?[/,&]\s?/)) out.push(`${section} (${letter.toLowerCase()})`);
  }
  if (out.length === 0 && section) out.push(section);
  return out;
}
