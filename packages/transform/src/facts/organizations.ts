import { readFileSync } from 'node:fs';
import { collapseSpaces, looksLikeHtml, type Cable, type Paragraph } from '@cablepress/extract';
import type { ORGANIZATION_TYPES, OrganizationMentionRow as MentionRow, OrganizationRow } from '@cablepress/validate';
import { cableCountry, countryOfAdjective, type CountryEntry } from '../country.js';
import { z } from 'zod';
import { loadDataFile } from '../data-file.js';
import { FactBudget } from './limits.js';
import { sourceSpan, tokenize, type Token } from './text.js';

type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

/** An entry of data/organizations.json. A `government` body is the host government in its own country's cables. */
export interface OrganizationEntry {
  id: string;
  name: string;
  acronym: string | null;
  type: 'government' | Exclude<OrganizationType, 'host_government' | 'foreign_government'>;
  /** ISO 3166-1 alpha-2 code of the state the body belongs to, or null. */
  country: string | null;
  aliases: string[];
  countries: string[];
  source: string;
}

/** What the organizations table says of one organization besides its mentions. */
interface Described {
  name: string;
  acronym: string | null;
  type: OrganizationType;
  country: string | null;
}

let dictionary: OrganizationEntry[] | null = null;

/** The curated organization dictionary (packages/transform/data/organizations.json). */
export function organizationDictionary(): readonly OrganizationEntry[] {
  dictionary ??= (JSON.parse(readFileSync(new URL('../../data/organizations.json', import.meta.url), 'utf8')) as { organizations: OrganizationEntry[] })
    .organizations;
  return dictionary;
}

/** Head words that make a defined long form the name of an organization rather than of a plan or a document. */
const ORG_HEADS =
  /\b(Ministry|Ministries|Union|Office|Organi[sz]ation|Association|Committee|Department|Agency|Project|Programme|Program|Fund|Bank|Council|Commission|Foundation|Institute|Center|Centre|Government|Court|Police|Army|Party|Front|Network|Initiative|Federation|Church|Aid|Bureau|Service|Services|Authority|Assembly|Embassy|Consulate|Society|Alliance|Coalition|Corporation|Company|University|Directorate|Secretariat|Prosecutor|Unit|Force|Forces|Task Force|Group|Movement|Mission|Administration|Board|League|Centers|Cooperation)\b/;

/** The country of a foreign adjective a name starts with ("Thai Ministry of Labour" → Thailand), unless it is the host's. */
function foreignCountryOf(name: string, host: CountryEntry | null): CountryEntry | null {
  const words = name.split(/\s+/);
  for (const n of [2, 1]) {
    const country = countryOfAdjective(words.slice(0, n).join(' '));
    if (country) return country.iso === host?.iso ? null : country;
  }
  return null;
}

/** Type and country of an organization a cable defines itself, from its name and the cable's country. */
function describeDefined(name: string, host: CountryEntry | null): { type: OrganizationType; country: string | null } {
  if (/^(UN|United Nations)\b|\bInternational Organi[sz]ation\b|\bWorld Bank\b|\bAsian Development Bank\b|\bEuropean Union\b|\bInterpol\b/.test(name))
    return { type: 'international_organization', country: null };
  if (/\b(Foundation|Church|Aid|Vision|Watch|Amnesty|Caritas|Red Cross|Red Crescent|NGO)\b/.test(name)) return { type: 'ngo', country: host?.iso ?? null };
  if (
    /\b(Ministry|Ministerial|Government|Department|Police|Court|Assembly|Parliament|Committee|Commission|Council|Office|Authority|Agency|Bureau|Directorate|Prosecutor|Army|Union|Front|Party|Secretariat|Administration|Bar Association|Service|Services)\b/.test(
      name,
    )
  ) {
    const foreign = foreignCountryOf(name, host);
    if (foreign) return { type: 'foreign_government', country: foreign.iso };
    return host ? { type: 'host_government', country: host.iso } : { type: 'foreign_government', country: null };
  }
  return { type: 'other', country: null };
}

/** Type of a dictionary entry in a cable about `host`: a government body is the host's own or a foreign one. */
function describeEntry(e: OrganizationEntry, host: CountryEntry | null): Described {
  const type = e.type !== 'government' ? e.type : e.country !== null && e.country === host?.iso ? 'host_government' : 'foreign_government';
  return { name: e.name, acronym: e.acronym, type, country: e.country };
}

/** Slug for org ids: lower case, [a-z0-9-]. */
export function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A long form / acronym pair a cable defines, as in "Lao Women's Union (LWU)". */
export interface Definition {
  name: string;
  acronym: string;
}

function isAcronym(s: string): boolean {
  if (s.length < 2 || s.length > 10) return false;
  let upper = 0;
  for (const c of s) {
    if (c >= 'A' && c <= 'Z') upper++;
    else if (!((c >= 'a' && c <= 'z') || c === '/' || c === '&')) return false;
  }
  return upper >= 2 && s[0]! >= 'A' && s[0]! <= 'Z';
}

/**
 * Finds the long form of an acronym in the words before it (Schwartz & Hearst 2003): the acronym's letters are matched
 * right to left in the words, its first letter at the start of a word.
 */
export function longFormFor(acronym: string, words: readonly string[]): number {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  const text = words.join(' ').toLowerCase();
  let t = text.length - 1;
  for (let a = letters.length - 1; a >= 0; a--) {
    const c = letters[a]!;
    while (t >= 0 && (text[t] !== c || (a === 0 && t > 0 && /[a-z0-9]/.test(text[t - 1]!)))) t--;
    if (t < 0) return -1;
    t--;
  }
  const start = t + 1;
  for (let pos = 0, w = 0; w < words.length; w++) {
    const end = pos + words[w]!.length;
    if (start >= pos && start < end) return w;
    pos = end + 1;
  }
  return -1;
}

/** Finds acronyms the text defines: a capitalised name followed by its acronym in brackets. */
export function findDefinitions(text: string): Definition[] {
  const out: Definition[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('(', from);
    if (open < 0) break;
    from = open + 1;
    const close = text.slice(open + 1, open + 13).indexOf(')') + open + 1;
    if (close === open) continue;
    const inner = text.slice(open + 1, close).trim();
    const acronym = inner.endsWith('s') && isAcronym(inner.slice(0, -1)) && inner.length > 2 ? null : inner;
    if (!acronym || !isAcronym(acronym)) continue;
    const before = text.slice(Math.max(0, open - 160), open);
    const clause = before.split(/[.;:,()[\]]/).at(-1) ?? '';
    const words = clause
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .slice(-Math.min(acronym.length + 5, acronym.length * 2));
    const first = longFormFor(acronym, words);
    if (first < 0) continue;
    const name = words.slice(first).join(' ');
    if (!/^[A-Z]/.test(name) || !ORG_HEADS.test(name)) continue;
    out.push({ name: name.replace(/^(The|the) /, '').replace(/['\u2019]s$/, ''), acronym });
  }
  return out;
}

/** A capitalised word of a name, or a linking word inside one ("Seyaj Organization for Childhood Protection"). */
const NAME_WORD = "[A-Z][A-Za-z'\u2019-]*";
const NAME = `${NAME_WORD}(?:\\s+(?:(?:of|for|and|the|de|del|la|para)\\s+)?${NAME_WORD}){0,6}`;
/** "NGO Seyaj", "local NGO Democracy School", "the NGO Fundacion Rahab". */
const AFTER_NGO = new RegExp(`\\bNGOs?,?\\s+(${NAME})`, 'g');
/** "Paniamor Foundation", "Saleh Foundation", "Fundacion Rahab", "Women's Association of Sanaa". */
const FOUNDATION = new RegExp(
  `\\b((?:${NAME_WORD}\\s+){1,4}(?:Foundation|Association)|(?:Foundation|Fundaci[o\u00f3]n|Asociaci[o\u00f3]n)\\s+${NAME_WORD}(?:\\s+${NAME_WORD}){0,3})\\b`,
  'g',
);
/** A word each pattern needs, tested first: most paragraphs have none, and the patterns are slow to fail (2 % of a build). */
const NGO_WORDS = /NGO/;
const FOUNDATION_WORDS = /Foundation|Association|Fundaci|Asociaci/;
/** Words that start a capitalised run without belonging to the name. */
const LEADING = new Set([
  'The',
  'A',
  'An',
  'One',
  'Local',
  'Another',
  'This',
  'That',
  'Both',
  'Its',
  'Their',
  'According',
  'Under',
  'In',
  'With',
  'NGO',
  'NGOs',
]);
/** Words that make a name a public body or a plain phrase rather than a non-governmental organization. */
const NOT_NGO =
  /\b(Ministry|Government|National|State|Police|Public|Municipal|Federal|Bar|Judicial|Court|Prosecutor|Embassy|Department|Report|TIP|Law|Article|Code)\b/;

function trimName(raw: string): string | null {
  const words = raw.split(/\s+/);
  while (words.length > 0 && LEADING.has(words[0]!)) words.shift();
  while (words.length > 0 && /^(of|for|and|the|de|del|la|para)$/.test(words.at(-1)!)) words.pop();
  const name = words.join(' ').replace(/['\u2019]s?$/, '');
  if (name.length < 3 || NOT_NGO.test(name)) return null;
  if (words.length > 1 && words.every((w) => w === w.toUpperCase())) return null;
  return name;
}

/**
 * Non-governmental organizations a cable names without an acronym: a proper name right after "NGO" ("local NGO
 * Democracy School"), or one that calls itself a foundation or association ("Paniamor Foundation", "Fundacion Rahab").
 */
export function findNamedNgos(text: string): string[] {
  const names = new Set<string>();
  for (const [re, needs] of [
    [AFTER_NGO, NGO_WORDS],
    [FOUNDATION, FOUNDATION_WORDS],
  ] as const) {
    if (!needs.test(text)) continue;
    for (const m of text.matchAll(re)) {
      const name = trimName(m[1]!);
      if (name) names.add(name);
    }
  }
  return [...names];
}

/** Token texts of the names and aliases seen so far: the dictionary's come back in every cable (12 % of a build when tokenized each time). */
const tokensOfAlias = new Map<string, string[]>();

function aliasTokens(alias: string): string[] {
  let tokens = tokensOfAlias.get(alias);
  if (!tokens) {
    tokens = tokenize(alias).map((t) => t.text);
    if (tokensOfAlias.size < 50_000) tokensOfAlias.set(alias, tokens);
  }
  return tokens;
}

interface Matcher {
  orgId: string;
  tokens: string[];
  /**
   * For an acronym that is also an English word ("WHO"): the entry it abbreviates. In a paragraph in capitals the
   * acronym is taken for the organization only when the cable names that entry in full.
   */
  wordAcronymOf?: OrganizationEntry;
}

/** Acronyms that are English words (data/acronym-words.json). */
const ACRONYM_WORDS = new Set(loadDataFile('acronym-words.json', z.object({ words: z.array(z.string().min(1)).min(1) })).words);

/** True when a paragraph is written in capitals: no lower-case letter among its first letters. */
function inCapitals(text: string): boolean {
  return /[A-Z]/.test(text) && !/[a-z]/.test(text);
}

/**
 * The matchers of one cable: those of the dictionary, built once for each kind of cable and shared (`base`), then those
 * of the names the cable itself defines or calls NGOs.
 */
class Matchers {
  private readonly entries = new Map<string, Described>();
  private readonly acronyms = new Map<string, string>();
  private readonly list: Matcher[] = [];
  private readonly seen = new Set<string>();
  private readonly names = new Set<string>();
  private index: ReadonlyMap<string, readonly Matcher[]> | undefined;

  constructor(private readonly base?: Matchers) {}

  entry(id: string): Described | undefined {
    return this.entries.get(id) ?? this.base?.entry(id);
  }

  /** Describes organization `id`, unless it is described already. */
  describe(id: string, described: Described): void {
    if (!this.entry(id)) this.entries.set(id, described);
  }

  /** The id of the organization an acronym stands for, the latest said. */
  acronym(acronym: string): string | undefined {
    return this.acronyms.get(acronym) ?? this.base?.acronym(acronym);
  }

  setAcronym(acronym: string, id: string): void {
    this.acronyms.set(acronym, id);
  }

  /** Whether a matcher has this name (its token texts joined by spaces). */
  hasName(name: string): boolean {
    return this.names.has(name) || (this.base?.hasName(name) ?? false);
  }

  add(orgId: string, alias: string, wordAcronymOf?: OrganizationEntry): void {
    const tokens = aliasTokens(alias);
    const key = `${orgId}\u0000${tokens.join('\u0000')}`;
    if (tokens.length === 0 || this.seen.has(key) || this.base?.seen.has(key)) return;
    this.seen.add(key);
    this.names.add(tokens.join(' '));
    this.list.push({ orgId, tokens, ...(wordAcronymOf ? { wordAcronymOf } : {}) });
    this.index = undefined;
  }

  /** Every matcher by its first token, longest first; among equally long ones, the first added first. */
  byFirst(): ReadonlyMap<string, readonly Matcher[]> {
    if (this.index) return this.index;
    const base = this.base?.byFirst();
    if (base && this.list.length === 0) return base;
    const index = new Map(base);
    const grown = new Set<Matcher[]>();
    for (const m of this.list) {
      let list = index.get(m.tokens[0]!) as Matcher[] | undefined;
      if (!list || !grown.has(list)) {
        list = [...(list ?? [])];
        index.set(m.tokens[0]!, list);
        grown.add(list);
      }
      list.push(m);
    }
    for (const list of grown) list.sort((x, y) => y.tokens.length - x.tokens.length);
    this.index = index;
    return index;
  }
}

/** The dictionary's matchers by the host country and the country-bound entries a cable's tags admit. */
const dictionaryMatchers = new Map<string, Matchers>();

/** The dictionary's matchers for a cable about `host` tagged with `countries`, built once for each such kind of cable. */
function matchersOfDictionary(host: CountryEntry | null, countries: readonly string[]): Matchers {
  const applies = (e: OrganizationEntry) => e.countries.length === 0 || e.countries.some((c) => countries.includes(c));
  const dictionary = organizationDictionary();
  const key = `${host?.iso ?? ''}|${dictionary.flatMap((e, i) => (e.countries.length > 0 && applies(e) ? [i] : [])).join(',')}`;
  let built = dictionaryMatchers.get(key);
  if (built) return built;
  built = new Matchers();
  for (const e of dictionary) {
    if (!applies(e)) continue;
    built.describe(e.id, describeEntry(e, host));
    built.add(e.id, e.name);
    if (e.acronym) {
      built.add(e.id, e.acronym, ACRONYM_WORDS.has(e.acronym) ? e : undefined);
      built.setAcronym(e.acronym, e.id);
    }
    for (const a of e.aliases) built.add(e.id, a);
  }
  if (dictionaryMatchers.size < 1_000) dictionaryMatchers.set(key, built);
  return built;
}

/**
 * Finds the organizations of one cable and every mention of them, each mention counted in `budget` (the cable's fact
 * rows). The names the cable defines or calls NGOs are read first (from every paragraph); the mentions are then read
 * from the tokens of each sentence in the cable's order, as the fact scanners tokenize them (`scan`). A name never
 * spans two sentences (none holds a period), so mentions are those a scan of whole paragraphs finds.
 */
export class OrganizationScan {
  private readonly matchers: Matchers;
  private readonly html: boolean;
  private readonly mentions: MentionRow[] = [];
  private readonly counts = new Map<string, { count: number; first: string }>();
  private readonly fullyNamed = new Map<OrganizationEntry, boolean>();
  private cableText: string | undefined;
  private paragraph: Paragraph | null = null;
  private lastMention: { orgId: string; end: number } | null = null;

  constructor(
    private readonly cable: Cable,
    private readonly budget: FactBudget = new FactBudget(cable),
  ) {
    const countries = cable.tags.filter((t) => /^[A-Z]{2}$/.test(t));
    const host = cableCountry(cable);
    const prefix = host?.iso ?? /^\d{2}([A-Z]{1,30})\d/.exec(cable.id)?.[1] ?? cable.id;
    const matchers = new Matchers(matchersOfDictionary(host, countries));
    for (const p of cable.paragraphs) {
      for (const d of findDefinitions(p.text)) {
        const known = matchers.acronym(d.acronym);
        if (known) {
          matchers.add(known, d.name);
          continue;
        }
        const { type, country } = describeDefined(d.name, host);
        const owner = type === 'host_government' ? prefix : type === 'foreign_government' ? country : null;
        const id = owner ? slug(`${owner}-${d.acronym}`) : slug(d.acronym);
        matchers.describe(id, { name: d.name, acronym: d.acronym, type, country });
        matchers.setAcronym(d.acronym, id);
        matchers.add(id, d.name);
        matchers.add(id, d.acronym);
      }
    }
    for (const p of cable.paragraphs) {
      for (const name of findNamedNgos(p.text)) {
        if (matchers.hasName(aliasTokens(name).join(' '))) continue;
        const id = slug(`${prefix}-${name}`);
        matchers.describe(id, { name, acronym: null, type: 'ngo', country: host?.iso ?? null });
        matchers.add(id, name);
      }
    }
    this.matchers = matchers;
    this.html = looksLikeHtml(cable.source);
  }

  /** Reads the mentions among `tokens`, the tokens of the next sentence of `paragraph` (whose id is `pid`). */
  scan(paragraph: Paragraph, pid: string, tokens: readonly Token[]): void {
    if (paragraph !== this.paragraph) {
      this.paragraph = paragraph;
      this.lastMention = null;
    }
    const byFirst = this.matchers.byFirst();
    for (let i = 0; i < tokens.length; i++) {
      const match = matchAt(tokens, i, byFirst);
      if (!match || (match.wordAcronymOf && inCapitals(paragraph.text) && !this.named(match.wordAcronymOf))) continue;
      const firstStart = tokens[i]!.start;
      const lastEnd = tokens[i + match.tokens.length - 1]!.end;
      i += match.tokens.length - 1;
      const before = i - match.tokens.length;
      const definesPrevious =
        this.lastMention !== null && this.lastMention.orgId === match.orgId && tokens[before]?.text === '(' && tokens[before - 1]?.end === this.lastMention.end;
      this.lastMention = { orgId: match.orgId, end: lastEnd };
      if (definesPrevious) continue;
      const s = sourceSpan(paragraph, this.cable.source, firstStart, lastEnd, this.html);
      this.mentions.push({ org_id: match.orgId, cable_id: this.cable.id, paragraph_id: pid, text: s.text, char_start: s.char_start, char_end: s.char_end });
      this.budget.spend(1);
      const c = this.counts.get(match.orgId);
      if (c) c.count++;
      else this.counts.set(match.orgId, { count: 1, first: pid });
    }
  }

  /** The organizations mentioned, by id, and their mentions in the order they were read. */
  result(): { organizations: OrganizationRow[]; mentions: MentionRow[] } {
    const organizations: OrganizationRow[] = [];
    for (const [orgId, c] of this.counts) {
      const e = this.matchers.entry(orgId)!;
      organizations.push({
        org_id: orgId,
        name: e.name,
        acronym: e.acronym,
        type: e.type,
        country: e.country,
        mention_count: c.count,
        first_paragraph_id: c.first,
      });
    }
    organizations.sort((a, b) => (a.org_id < b.org_id ? -1 : a.org_id > b.org_id ? 1 : 0));
    return { organizations, mentions: this.mentions };
  }

  /** Whether the cable names the entry in full, by its name or an alias (the text in capitals, spaces folded). */
  private named(e: OrganizationEntry): boolean {
    let found = this.fullyNamed.get(e);
    if (found === undefined) {
      this.cableText ??= collapseSpaces(
        this.cable.paragraphs
          .map((p) => p.text)
          .join(' ')
          .toUpperCase(),
      );
      const text = this.cableText;
      found = [e.name, ...e.aliases].some((n) => text.includes(n.toUpperCase()));
      this.fullyNamed.set(e, found);
    }
    return found;
  }
}

function matchAt(tokens: readonly Token[], i: number, byFirst: ReadonlyMap<string, readonly Matcher[]>): Matcher | null {
  const candidates = byFirst.get(tokens[i]!.text);
  if (!candidates) return null;
  for (const m of candidates) {
    let ok = true;
    for (let k = 1; k < m.tokens.length; k++) {
      if (tokens[i + k]?.text !== m.tokens[k]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const next = tokens[i + m.tokens.length];
    if (next && next.kind === 'word' && !next.spaceBefore) continue;
    if (i > 0 && tokens[i - 1]!.kind === 'word' && !tokens[i]!.spaceBefore) continue;
    return m;
  }
  return null;
}

/**
 * Combines organization rows of several cables: mention counts add up, and the first paragraph is the earliest in the
 * order the rows are given (a before b).
 */
export function mergeOrganizations(a: readonly OrganizationRow[], b: readonly OrganizationRow[]): OrganizationRow[] {
  const merged = new Map<string, OrganizationRow>();
  for (const row of [...a, ...b]) {
    const seen = merged.get(row.org_id);
    if (seen) merged.set(row.org_id, { ...seen, mention_count: seen.mention_count + row.mention_count });
    else merged.set(row.org_id, { ...row });
  }
  return [...merged.values()].sort((x, y) => (x.org_id < y.org_id ? -1 : x.org_id > y.org_id ? 1 : 0));
}
