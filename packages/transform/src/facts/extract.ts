import { looksLikeHtml, type Cable } from '@cablepress/extract';
import type { EventRow, LegalProvisionRow, OrganizationMentionRow, OrganizationRow, PenaltyRow, QuantityRow } from '@cablepress/validate';
import { CurrencyResolver } from './currencies.js';
import { FactBudget } from './limits.js';
import { scanDates } from './events.js';
import { isHeadingPeriod, readPenalty, readProsePenalty, scanCitations, scanLaws, type CitationMatch } from './legal.js';
import { OrganizationScan } from './organizations.js';
import { scanQuantities, type QuantityMatch } from './quantities/index.js';
import { pad2, scanPieces, sourceSpan, splitSentences, tokenize, type Sentence } from './text.js';

/** The fact rows one cable contributes to each fact table. */
export interface CableFacts {
  quantities: QuantityRow[];
  events: EventRow[];
  organizations: OrganizationRow[];
  organization_mentions: OrganizationMentionRow[];
  legal_provisions: LegalProvisionRow[];
  penalties: PenaltyRow[];
}

interface PendingCitation {
  row: LegalProvisionRow;
  match: CitationMatch;
  /** Law of the quoted block the citation stands in. */
  blockLaw: string | null;
  /** Last law named before the citation in the same paragraph. */
  paragraphLaw: string | null;
  /** The quoted article heading the citation stands under, for "of this law". */
  heading: PendingCitation | null;
}

const BEGIN_TEXT = /\bbegin(?:ning of)? (?:quoted )?text\b/i;
const END_TEXT = /\bend(?: of)? (?:quoted )?text\b/i;

/** Longest sentence quoted whole: real cable sentences stay far below it (the longest in the corpus has 1,165 characters). */
const MAX_QUOTE = 2000;
/** Characters of context kept on each side of a fact quoted from a longer sentence. */
const QUOTE_CONTEXT = 200;
/** Facts of one sentence that get a full quote: the densest real sentence holds 14 (09SANJOSE127, a list of articles). */
const FULL_QUOTES_PER_SENTENCE = 16;
/** Characters of context on each side of a fact once its sentence has given out its full quotes. */
const DENSE_CONTEXT = 24;
/** Quotes each sentence has given out so far (sentences are the objects `scanPieces` yields). */
const quotesGiven = new WeakMap<Sentence, number>();

/**
 * The quote of a fact at [start, end) of the paragraph text: its whole sentence, or the words around the fact when a
 * hostile input makes one sentence longer than MAX_QUOTE; past FULL_QUOTES_PER_SENTENCE facts in one sentence, only a
 * few words around each. Every fact repeats its quote, so without these caps the tables would grow with the square
 * of the input, or hundreds of times faster than one dense paragraph of figures.
 */
function quoteOf(sentence: Sentence, start: number, end: number): string {
  const text = sentence.text;
  const given = quotesGiven.get(sentence) ?? 0;
  quotesGiven.set(sentence, given + 1);
  if (text.length <= MAX_QUOTE && given < FULL_QUOTES_PER_SENTENCE) return text;
  const context = given < FULL_QUOTES_PER_SENTENCE ? QUOTE_CONTEXT : DENSE_CONTEXT;
  const factStart = start - sentence.start;
  const factEnd = end - sentence.start;
  let from = Math.max(0, factStart - context);
  let to = Math.min(text.length, factEnd + context);
  while (from > 0 && from < factStart && text[from - 1] !== ' ') from++;
  while (to < text.length && to > factEnd && text[to] !== ' ') to--;
  return `${from > 0 ? '… ' : ''}${text.slice(from, to).trim()}${to < text.length ? ' …' : ''}`;
}

/** True when the white space at `offset` of the source starts a new line: a line end, or one written as an HTML entity or tag. */
function isLineBreak(source: string, offset: number): boolean {
  const c = source[offset];
  if (c === '\n' || c === '\r') return true;
  if (c !== '&' && c !== '<') return false;
  const ahead = source.slice(offset, offset + 8).toLowerCase();
  return ahead.startsWith('&#x000a;') || ahead.startsWith('&#xa;') || ahead.startsWith('&#10;') || ahead.startsWith('<br');
}

/** Country tags of a cable: the two-letter TAGS, used to resolve currency words such as "pounds". */
function countryTags(cable: Cable): string[] {
  return cable.tags.filter((t) => /^[A-Z]{2}$/.test(t));
}

/** The number of rows in every fact table so far. */
function rowCount(facts: CableFacts): number {
  return facts.quantities.length + facts.events.length + facts.legal_provisions.length + facts.penalties.length;
}

/**
 * Reads the facts of one cable: figures, dates, organizations, article citations and penalty tiers, each with the
 * sentence it stands in and its exact span in cable.source. paragraphIds[i] is the id of cable.paragraphs[i]. Each
 * sentence (or piece of a sentence longer than `MAX_PIECE`) is tokenized when it is read, so no more than one
 * sentence's tokens are held; a cable that gives more than `MAX_FACTS` rows is refused (INPUT_TOO_MANY_FACTS) as soon
 * as it does.
 */
export function extractFacts(cable: Cable, paragraphIds: readonly string[]): CableFacts {
  if (paragraphIds.length !== cable.paragraphs.length) {
    throw new RangeError(`extractFacts: ${paragraphIds.length} paragraph ids for ${cable.paragraphs.length} paragraphs of ${cable.id}`);
  }
  const source = cable.source;
  const html = looksLikeHtml(source);
  const currencies = new CurrencyResolver(countryTags(cable));
  const facts: CableFacts = { quantities: [], events: [], organizations: [], organization_mentions: [], legal_provisions: [], penalties: [] };
  const pending: PendingCitation[] = [];
  const lawVotes = new Map<string, Map<string, number>>();
  const vote = (article: string, law: string) => {
    const votes = lawVotes.get(article) ?? new Map<string, number>();
    votes.set(law, (votes.get(law) ?? 0) + 1);
    lawVotes.set(article, votes);
  };
  const tiers = new Map<string, number>();
  const budget = new FactBudget(cable);
  const organizations = new OrganizationScan(cable, budget);
  let inBlock = false;
  let blockLaw: string | null = null;
  let heading: PendingCitation | null = null;

  cable.paragraphs.forEach((paragraph, index) => {
    const pid = paragraphIds[index]!;
    const text = paragraph.text;
    const lineBreakAt = (i: number) => text[i] === ' ' && isLineBreak(source, paragraph.offsets[i]!);
    const lineStart = (i: number) => i === 0 || (lineBreakAt(i - 1) && /[.:;!?"')\]]/.test(text[i - 2] ?? ''));
    const span = (start: number, end: number) => sourceSpan(paragraph, source, start, end, html);
    let paragraphLaw: string | null = null;
    let q = 0;
    let e = 0;
    let l = 0;
    let proseTiers = 0;
    for (const sentence of scanPieces(
      text,
      splitSentences(text, (dot) => isHeadingPeriod(text, dot, lineStart)),
    )) {
      const rowsBefore = rowCount(facts);
      const tokens = tokenize(text, sentence.start, sentence.end);
      organizations.scan(paragraph, pid, tokens);
      const begins = BEGIN_TEXT.test(sentence.text);
      if (begins) {
        inBlock = true;
        heading = null;
        blockLaw = null;
      }
      const dates = scanDates(tokens);
      const claimedStarts = new Set<number>();
      for (let k = 0, d = 0; k < tokens.length && d < dates.length; k++) {
        while (d < dates.length && dates[d]!.end <= tokens[k]!.start) d++;
        if (d < dates.length && dates[d]!.start <= tokens[k]!.start) claimedStarts.add(tokens[k]!.start);
      }
      const claimed = (start: number) => claimedStarts.has(start);
      const quantities = scanQuantities({ tokens, currencies, claimed });
      const laws = scanLaws(tokens, text);
      if (begins) blockLaw = laws.find((law) => law.start > sentence.start)?.name ?? null;
      for (const d of dates) {
        facts.events.push({
          event_id: `${pid}-e${pad2(++e)}`,
          cable_id: cable.id,
          paragraph_id: pid,
          date_start: d.date_start,
          date_end: d.date_end,
          precision: d.precision,
          ...span(d.start, d.end),
          quote: quoteOf(sentence, d.start, d.end),
        });
      }
      for (const m of quantities) facts.quantities.push(quantityRow(m, `${pid}-q${pad2(++q)}`, cable.id, pid, sentence, span));
      const citations = scanCitations(tokens, text, laws, lineBreakAt, lineStart);
      const sentenceProvisions: PendingCitation[] = [];
      let lawIndex = 0;
      let lawBefore = paragraphLaw;
      for (const c of citations) {
        while (lawIndex < laws.length && laws[lawIndex]!.end <= c.start) lawBefore = laws[lawIndex++]!.name;
        const row: LegalProvisionRow = {
          provision_id: `${pid}-l${pad2(++l)}`,
          cable_id: cable.id,
          paragraph_id: pid,
          law: c.law,
          article: c.article,
          title: c.title,
          ...span(c.start, c.end),
          quote: quoteOf(sentence, c.start, c.end),
        };
        const entry: PendingCitation = { row, match: c, blockLaw: inBlock ? blockLaw : null, paragraphLaw: lawBefore, heading: c.heading ? null : heading };
        pending.push(entry);
        facts.legal_provisions.push(row);
        if (c.law) vote(c.article, c.law);
        if (c.heading && inBlock) {
          heading = entry;
          if (blockLaw) vote(c.article, blockLaw);
        } else {
          sentenceProvisions.push(entry);
        }
      }
      paragraphLaw = laws.at(-1)?.name ?? paragraphLaw;
      const target = inBlock && heading ? heading : sentenceProvisions.length === 1 && !inBlock ? sentenceProvisions[0]! : null;
      const prose = !target && !inBlock && sentenceProvisions.length === 0 ? readProsePenalty(sentence.text, sentence.start, quantities) : null;
      if (prose) {
        facts.penalties.push({
          penalty_id: `${pid}-t${pad2(++proseTiers)}`,
          provision_id: null,
          cable_id: cable.id,
          paragraph_id: pid,
          tier: 1,
          ...prose,
          ...span(sentence.start, sentence.end),
          quote: quoteOf(sentence, sentence.start, sentence.end),
        });
      }
      if (target) {
        const tier = (tiers.get(target.row.provision_id) ?? 0) + 1;
        const penalty = readPenalty(sentence.text, quantities, tier);
        if (penalty && (inBlock || penalty.prison_max_years !== null || penalty.life_imprisonment || penalty.death_penalty)) {
          tiers.set(target.row.provision_id, tier);
          facts.penalties.push({
            penalty_id: `${target.row.provision_id}-t${tier}`,
            provision_id: target.row.provision_id,
            cable_id: cable.id,
            paragraph_id: pid,
            tier,
            ...penalty,
            ...span(sentence.start, sentence.end),
            quote: quoteOf(sentence, sentence.start, sentence.end),
          });
        }
      }
      if (END_TEXT.test(sentence.text)) {
        inBlock = false;
        heading = null;
        blockLaw = null;
      }
      budget.spend(rowCount(facts) - rowsBefore);
    }
  });

  const knownLaw = new Map<string, string>();
  for (const [article, votes] of lawVotes) {
    knownLaw.set(article, [...votes].reduce((best, v) => (v[1] > best[1] ? v : best))[0]);
  }
  const laws = new Set(knownLaw.values());
  const onlyLaw = laws.size === 1 ? [...laws][0]! : null;
  for (const p of pending) {
    if (p.row.law) continue;
    const headingLaw = p.heading ? p.heading.row.law : null;
    p.row.law = (p.match.thisLaw ? (headingLaw ?? p.blockLaw) : null) ?? p.blockLaw ?? knownLaw.get(p.match.article) ?? p.paragraphLaw ?? onlyLaw;
  }

  const orgs = organizations.result();
  facts.organizations = orgs.organizations;
  facts.organization_mentions = orgs.mentions;
  return facts;
}

function quantityRow(
  m: QuantityMatch,
  id: string,
  cableId: string,
  pid: string,
  sentence: Sentence,
  span: (start: number, end: number) => { char_start: number; char_end: number; text: string },
): QuantityRow {
  return {
    quantity_id: id,
    cable_id: cableId,
    paragraph_id: pid,
    kind: m.kind,
    value: m.value,
    value_max: m.value_max,
    unit: m.unit,
    qualifier: m.qualifier,
    per: m.per,
    counted: m.counted,
    ...span(m.start, m.end),
    quote: quoteOf(sentence, m.start, m.end),
  };
}
