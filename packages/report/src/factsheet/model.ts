import { InputError } from '@cablepress/core';
import roleVerbs from './data/role-verbs.json' with { type: 'json' };
import topics from './data/topics.json' with { type: 'json' };
import { type ChartData, selectCharts } from './charts.js';
import {
  formatDate,
  formatEventDate,
  formatFigure,
  formatFine,
  formatPeriod,
  formatPrison,
  perWords,
  qualifierWords,
  quoteAround,
  escapeRegExp,
  MAX_PATTERN_NAME,
  sentences,
} from './format.js';
import type { FactSheetInput, IndicatorRow, LegalProvisionRow, OrganizationRow, ParagraphRow, PenaltyRow, QuantityRow } from './types.js';
import { citationNote, datasetLinkRows, definitionNotes, findingNote, originalRow } from './notes.js';

export type Category = IndicatorRow['category'];

export interface KeyFigure {
  id: string;
  /** Qualifier words printed before the figure, e.g. "more than". */
  prefix: string;
  figure: string;
  /** Rate words printed after the figure, e.g. "per month". */
  suffix: string;
  label: string;
  period: string | null;
  citation: string;
}

export interface FigureGroup {
  category: Category;
  title: string;
  figures: KeyFigure[];
}

export interface Quote {
  text: string;
  citation: string;
}

export interface TimelineEntry {
  date: string;
  text: string;
  citation: string;
}

export interface OrganizationEntry {
  name: string;
  acronym: string | null;
  mentions: number;
  role: Quote | null;
}

export interface PenaltyTier {
  tier: number;
  condition: string;
  prison: string;
  prisonMin: number | null;
  prisonMax: number | null;
  life: boolean;
  death: boolean;
  fine: string;
  citation: string;
}

export interface LawModel {
  /** The provision whose penalty tiers are charted, e.g. Penal Code Article 134 (Human Trafficking). */
  provision: { name: string; citation: string } | null;
  tiers: PenaltyTier[];
  /** Other articles the cable cites. */
  others: { name: string; citation: string }[];
}

export interface FactSheetModel {
  cableId: string;
  title: string;
  subtitle: string;
  kicker: string;
  meta: { label: string; value: string }[];
  caveats: Quote[];
  figuresFrom: 'indicators' | 'quantities';
  groups: FigureGroup[];
  charts: ChartData[];
  law: LawModel;
  timeline: TimelineEntry[];
  organizations: OrganizationEntry[];
  /** Rows of the sources box; a row with `link` prints its value as a link to it. */
  sources: SourceRow[];
  notes: string[];
  /** The definition of each indicator shown: what it counts, for whom, over what. */
  definitions: string[];
  /** How to read the citations, with examples from this cable. */
  citationNote: string;
  language: string;
  keywords: string;
}

export interface SourceRow {
  label: string;
  value: string;
  link?: string;
}

export const CATEGORY_TITLES: Record<Category, string> = {
  prosecution: 'Prosecution',
  protection: 'Protection',
  prevention: 'Prevention',
  context: 'Context',
};

/** A phrase that marks the cable's own warning about its numbers. */
export const CAVEAT_PATTERN =
  /unreliable|not reliable|inaccurate|no (?:generally accepted|reliable) (?:figures|data|statistics|estimates)|no (?:centralized |official )?statistics|no figure available|does not keep track/i;

/** The topic for the title, from the subject line and the TAGS (data/topics.json). */
export function topicOf(subject: string, tags: readonly string[]): string {
  const bySubject = topics.rules.find((rule) => new RegExp(rule.subject, 'i').test(subject));
  if (bySubject) return bySubject.topic;
  for (const tag of tags) {
    const rule = topics.rules.find((r) => r.tag === tag);
    if (rule) return rule.topic;
  }
  return 'Diplomatic cable';
}

/** "U.S. Embassy Vientiane" from the Origin "Embassy Vientiane". */
export function postName(origin: string | null): string {
  if (!origin) return 'a U.S. post';
  return /^(?:Embassy|Consulate|Mission)\b/i.test(origin) ? `U.S. ${origin}` : origin;
}

function mostCommonYear(periods: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const p of periods) if (p && /^\d{4}$/.test(p)) counts.set(p, (counts.get(p) ?? 0) + 1);
  let best: string | null = null;
  for (const [year, n] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (best === null || n > (counts.get(best) ?? 0)) best = year;
  }
  return best;
}

function indicatorFigure(i: IndicatorRow): KeyFigure {
  return {
    id: i.indicator_id,
    prefix: qualifierWords(i.qualifier),
    figure: formatFigure(i),
    suffix: '',
    label: i.label,
    period: i.period === null ? null : formatPeriod(i.period),
    citation: cellCitation(i.citation),
  };
}

const CITATION_MAX = 28;

/**
 * A citation short enough for a table cell: a section heading that runs on (when the reader mistook a sentence for a
 * heading) is cut at a word with an ellipsis, after at most `max` characters; a heading's closing colon ("PREVENTION:") is dropped.
 */
export function shortCitation(raw: string, max = CITATION_MAX): string {
  const citation = raw.replace(/[\s:;,.]+$/, '');
  if (citation.length <= max) return citation;
  const cut = citation.slice(0, max + 1).replace(/\s+\S*$/, '');
  return `${cut.length > 0 ? cut : citation.slice(0, max)}…`;
}

/**
 * The published citation (`paragraphs.citation`) as a narrow cell of the fact sheet prints it: an unnumbered
 * paragraph by its section and key alone ("XXIX G and H" of "paragraph 79, section XXIX G and H"), then cut to fit.
 */
export function cellCitation(citation: string, max = CITATION_MAX): string {
  return shortCitation(citation.replace(/^paragraph \d+, (?:section )?/, ''), max);
}

const YEAR_LIKE = (q: QuantityRow) => q.kind === 'count' && q.unit === null && Number.isInteger(q.value) && q.value >= 1900 && q.value <= 2100;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Up to `limit` figures for a cable without a recipe: counts, money and percentages whose subject the extractor
 * recognised (which leaves out phone numbers, dates and paragraph numbers), one per sentence, in the order of the cable,
 * each labelled with the sentence it stands in.
 */
function quantityFigures(quantities: readonly QuantityRow[], cite: (paragraphId: string) => string, limit: number): KeyFigure[] {
  const seen = new Set<string>();
  const out: KeyFigure[] = [];
  for (const q of quantities) {
    if (!['count', 'money', 'percent'].includes(q.kind) || q.counted === null || YEAR_LIKE(q)) continue;
    const sentence = q.quote.replace(/\s+/g, ' ').trim();
    if (seen.has(sentence)) continue;
    seen.add(sentence);
    out.push({
      id: q.quantity_id,
      prefix: qualifierWords(q.qualifier),
      figure: formatFigure(q),
      suffix: perWords(q.per),
      label: sentence ? quoteAround(sentence, q.text.replace(/\s+/g, ' ')) : capitalise(q.counted),
      period: null,
      citation: cite(q.paragraph_id),
    });
    if (out.length >= limit) break;
  }
  return out;
}

function lawModel(provisions: readonly LegalProvisionRow[], penalties: readonly PenaltyRow[], cite: (id: string) => string): LawModel {
  const byProvision = new Map<string, PenaltyRow[]>();
  for (const p of penalties) {
    if (p.provision_id !== null) byProvision.set(p.provision_id, [...(byProvision.get(p.provision_id) ?? []), p]);
  }
  const [provisionId, rows] = [...byProvision].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0] ?? [null, []];
  const provisionRow = provisions.find((p) => p.provision_id === provisionId);
  const nameOf = (p: LegalProvisionRow) => [p.law, `Article ${p.article}`].filter(Boolean).join(', ') + (p.title ? ` (${p.title})` : '');
  const tiers = [...rows]
    .sort((a, b) => a.tier - b.tier)
    .map((p) => ({
      tier: p.tier,
      condition: capitalise(p.condition.replace(/\s+/g, ' ').trim()),
      prison: formatPrison(p),
      prisonMin: p.prison_min_years,
      prisonMax: p.prison_max_years,
      life: p.life_imprisonment,
      death: p.death_penalty,
      fine: formatFine(p),
      citation: cite(p.paragraph_id),
    }));
  const seen = new Set<string>();
  const others: LawModel['others'] = [];
  for (const p of provisions) {
    const key = `${p.law}|${p.article}`;
    if (seen.has(key) || p.article === provisionRow?.article) continue;
    seen.add(key);
    others.push({ name: nameOf(p), citation: cite(p.paragraph_id) });
  }
  return {
    provision: provisionRow ? { name: nameOf(provisionRow), citation: cite(provisionRow.paragraph_id) } : null,
    tiers,
    others: others.slice(0, LIMITS.otherProvisions),
  };
}

const PRECISION_RANK: Record<string, number> = { day: 0, month: 1, part_of_year: 2, year: 3, decade: 4 };

/** Dated statements, most precise first, one per sentence, in date order. */
function timeline(input: FactSheetInput, cite: (id: string) => string, limit: number): TimelineEntry[] {
  const seen = new Set<string>();
  const candidates = [...input.tables.events]
    .sort(
      (a, b) =>
        (PRECISION_RANK[a.precision] ?? 9) - (PRECISION_RANK[b.precision] ?? 9) ||
        a.date_start.localeCompare(b.date_start) ||
        a.event_id.localeCompare(b.event_id),
    )
    .filter((e) => {
      const key = e.quote.replace(/\s+/g, ' ').trim();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
  return candidates
    .sort((a, b) => a.date_start.localeCompare(b.date_start) || a.event_id.localeCompare(b.event_id))
    .map((e) => ({ date: formatEventDate(e), text: e.quote.replace(/\s+/g, ' ').trim(), citation: cite(e.paragraph_id) }));
}

/** The first sentence in which the organisation is the subject ("The MLSW has the lead in ..."). */
function roleOf(org: OrganizationRow, paragraphs: readonly ParagraphRow[]): Quote | null {
  const names = [org.acronym, org.name].filter((n): n is string => !!n && n.length <= MAX_PATTERN_NAME).map(escapeRegExp);
  if (names.length === 0) return null;
  const subject = new RegExp(
    `^(?:(?:In|On|Since|By|During) [^,]{3,30}, )?(?:The |[A-Z][\\w-]*['’]s )?(?:${names.join('|')})\\b(?!['’]s)(?: \\([A-Z]{2,10}\\))?(?:,[^,]{3,80},)?\\s+` +
      `(?:${roleVerbs.verbs.join('|')})\\b`,
  );
  for (const p of paragraphs) {
    if (p.kind === 'quoted_text') continue;
    for (const s of sentences(p.text)) {
      if (subject.test(s)) return { text: s, citation: cellCitation(p.citation) };
    }
  }
  return null;
}

function organizations(input: FactSheetInput, paragraphs: readonly ParagraphRow[], limit: number): OrganizationEntry[] {
  return [...input.tables.organizations]
    .sort((a, b) => b.mention_count - a.mention_count || a.org_id.localeCompare(b.org_id))
    .slice(0, limit)
    .map((o) => ({
      name: o.name,
      acronym: o.acronym,
      mentions: o.mention_count,
      role: roleOf(o, paragraphs),
    }));
}

/** Sentences in which the cable warns about its own figures ("Statistics ... are notoriously unreliable"), the most explicit first. */
export function caveats(paragraphs: readonly ParagraphRow[], limit: number): Quote[] {
  const out: Quote[] = [];
  for (const p of paragraphs) {
    for (const s of sentences(p.text)) {
      if (CAVEAT_PATTERN.test(s) && s.length <= 320) out.push({ text: s, citation: cellCitation(p.citation) });
    }
  }
  const primary = out.filter((q) => /unreliable|not reliable|inaccurate/i.test(q.text));
  return [...primary, ...out.filter((q) => !primary.includes(q))].slice(0, limit);
}

export const LIMITS = { quantityFigures: 8, timeline: 9, organizations: 6, caveats: 2, otherProvisions: 5 };

/** Everything the fact sheet prints, derived from the tables; no layout. */
export function buildModel(input: FactSheetInput): FactSheetModel {
  const { tables, dataset } = input;
  const cable = tables.cables[0];
  if (!cable) {
    throw new InputError(
      'FACTSHEET_NO_CABLE',
      'The fact sheet needs a row in the cables table, and there is none.',
      { field: 'tables.cables' },
      'Build the fact sheet from the tables of a dataset with its cable.',
    );
  }
  const paragraphs = tables.paragraphs.filter((p) => p.cable_id === cable.cable_id).sort((a, b) => a.seq - b.seq);
  const paragraphById = new Map(tables.paragraphs.map((p) => [p.paragraph_id, p]));
  const cite = (paragraphId: string) => {
    const p = paragraphById.get(paragraphId);
    return p ? cellCitation(p.citation) : '';
  };
  const tagRows = tables.tags.filter((t) => t.cable_id === cable.cable_id).sort((a, b) => a.position - b.position);
  const tagCodes = tagRows.map((t) => t.tag);
  const country = cable.country_name;
  const topic = topicOf(cable.subject || cable.title || '', tagCodes);
  const indicators = tables.indicators.filter((i) => i.cable_id === cable.cable_id);
  const createdYear = cable.created?.slice(0, 4) ?? null;
  const reportingYear = indicators.find((i) => i.reporting_year !== null)?.reporting_year ?? null;
  const year = reportingYear !== null ? String(reportingYear) : (mostCommonYear(indicators.map((i) => i.period)) ?? createdYear);
  const title = `${country ? `${country}: ` : ''}${topic}${year ? `, ${year}` : ''}`;
  const post = postName(cable.origin);
  const dated = cable.created ? ` of ${formatDate(cable.created)}` : '';
  const marked = cable.classification ? `, marked ${cable.classification},` : '';
  const lead = indicators.length > 0 ? `Key figures${reportingYear !== null ? ` of reporting year ${reportingYear}` : ''} reported by the` : 'What the';
  const verb = indicators.length > 0 ? 'in cable' : 'reported in cable';
  const subtitle = `${lead} ${post} ${verb} ${cable.cable_id}${dated}${marked} as published by WikiLeaks.`;

  const groups: FigureGroup[] =
    indicators.length > 0
      ? (Object.keys(CATEGORY_TITLES) as Category[])
          .map((category) => ({ category, title: CATEGORY_TITLES[category], figures: indicators.filter((i) => i.category === category).map(indicatorFigure) }))
          .filter((g) => g.figures.length > 0)
      : [
          {
            category: 'context' as const,
            title: '',
            figures: quantityFigures(
              tables.quantities.filter((q) => q.cable_id === cable.cable_id),
              cite,
              LIMITS.quantityFigures,
            ),
          },
        ].filter((g) => g.figures.length > 0);

  const tagText = tagRows.map((t) => (t.description ? `${t.tag} (${t.description})` : t.tag)).join(', ');
  const meta = [
    { label: 'Cable', value: cable.cable_id },
    { label: 'Date', value: cable.created ? formatDate(cable.created) : 'not stated' },
    { label: 'From', value: cable.origin ?? cable.sender ?? 'not stated' },
    { label: 'Classification', value: cable.classification ?? 'not marked' },
    { label: 'Subject', value: cable.subject || cable.title || 'none' },
    { label: 'Tags', value: tagText || 'none' },
  ];

  const datasetName = dataset.title ? `${dataset.title} (${dataset.name})` : dataset.name;
  const sources: SourceRow[] = [
    {
      label: 'Cable',
      value: `${cable.cable_id}, ${post}${dated}; ${cable.paragraph_count} paragraphs${cable.truncated ? ' (the source text is cut off)' : ''}; published by WikiLeaks`,
    },
    { label: 'Source file', value: `${cable.source_file} (${cable.source_format})` },
    { label: 'SHA-256', value: cable.source_sha256 },
    { label: 'Dataset', value: `${datasetName}, version ${dataset.version}` },
    ...originalRow(cable.cable_id),
    ...datasetLinkRows(dataset),
  ];

  const notes = input.findings.map((f) => findingNote(f, cable.cable_id, cite, tables.organizations));
  const citations = [...indicators.map((i) => cellCitation(i.citation)), ...paragraphs.map((p) => cellCitation(p.citation))];

  return {
    cableId: cable.cable_id,
    title,
    subtitle,
    kicker: `Fact sheet · ${dataset.name} v${dataset.version}`,
    meta,
    caveats: caveats(paragraphs, LIMITS.caveats),
    figuresFrom: indicators.length > 0 ? 'indicators' : 'quantities',
    groups,
    charts: selectCharts(indicators),
    law: lawModel(
      tables.legal_provisions.filter((p) => p.cable_id === cable.cable_id),
      tables.penalties.filter((p) => p.cable_id === cable.cable_id),
      cite,
    ),
    timeline: timeline(input, cite, LIMITS.timeline),
    organizations: organizations(input, paragraphs, LIMITS.organizations),
    sources,
    notes,
    definitions: definitionNotes(indicators),
    citationNote: citationNote(citations),
    language: 'en-US',
    keywords: [cable.cable_id, ...tagCodes, dataset.name].join(', '),
  };
}
