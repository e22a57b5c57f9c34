import { col, defineTable } from './table.js';
import { z } from 'zod';
import { definitionsText, INDICATOR_CATEGORIES } from './indicator-definitions.js';

const cableFk = { fields: ['cable_id'], reference: { resource: 'cables', fields: ['cable_id'] } };
const paragraphFk = { fields: ['paragraph_id'], reference: { resource: 'paragraphs', fields: ['paragraph_id'] } };

/** Columns every fact row carries so that it can be traced to the words of the cable. */
const provenance = {
  cable_id: col.id('Cable the fact comes from.'),
  paragraph_id: col.id('Paragraph the fact comes from.'),
  text: col.string(
    'The words of the source at [char_start, char_end): for a text cable exactly the characters of the source file there, line breaks included; for an HTML page the same characters with tags dropped and character references decoded (a line break the page writes as &#x000A; is a line break here). To map a span back: decode the file in source/ as UTF-8 and take characters [char_start, char_end), counted in UTF-16 code units (JavaScript string indices; Python str indices agree while the text has no character beyond U+FFFF); for an HTML page, decode the character references of that slice (html.unescape in Python) and drop its tags to get text.',
  ),
  quote: col.string(
    'The sentence the fact stands in, as clean text (for a sentence over 2,000 characters or holding more than 16 facts, the words around the fact).',
  ),
  char_start: col.nonNegativeInt('Offset (UTF-16 code units) of the first character of `text` in the decoded source file.'),
  char_end: col.nonNegativeInt('Offset just past the last character of `text` in the decoded source file.'),
};

export const QUANTITY_KINDS = ['count', 'money', 'percent', 'fraction', 'duration', 'age'] as const;
export const QUALIFIERS = [
  'exact',
  'approximately',
  'about',
  'at_least',
  'more_than',
  'less_than',
  'up_to',
  'nearly',
  'as_many_as',
  'over',
  'roughly',
] as const;

export const quantitiesTable = defineTable({
  name: 'quantities',
  title: 'Quantities',
  description: 'Every figure in the cable bodies (counts, money, percentages, fractions, durations, ages), typed and unit-aware.',
  primaryKey: ['quantity_id'],
  foreignKeys: [cableFk, paragraphFk],
  row: z.object({
    quantity_id: col.id('Quantity id: paragraph id, "-q" and the position of the figure in the paragraph, e.g. 08VIENTIANE145-p005-q01.'),
    cable_id: provenance.cable_id,
    paragraph_id: provenance.paragraph_id,
    kind: col.enum(QUANTITY_KINDS, 'What sort of figure: count, money, percent, fraction, duration or age.'),
    value: col.number('The figure (the lower bound for a range).'),
    value_max: col.nullableNumber('Upper bound of a range such as $35-$60 or five to fifteen years; null when not a range.'),
    unit: col.nullableString(
      'Unit: null for plain counts; ISO 4217 code for money (USD, THB, LAK); percent; fraction; year, month, week, day, hour (or decade) for durations and ages.',
    ),
    qualifier: col.enum(QUALIFIERS, 'How the cable qualifies the figure, e.g. exact, approximately, more_than.'),
    per: col.nullableString('Rate denominator, e.g. month in "$150 per month"; null when none.'),
    counted: col.nullableString(
      'What is counted, best effort, as written (cases, arrests, victims, members, police officers...); for percentages and fractions what they are a share of; null when unclear.',
    ),
    text: provenance.text,
    quote: provenance.quote,
    char_start: provenance.char_start,
    char_end: provenance.char_end,
  }),
});

export const eventsTable = defineTable({
  name: 'events',
  title: 'Events',
  description: 'Dated statements in the cable bodies, for a timeline.',
  primaryKey: ['event_id'],
  foreignKeys: [cableFk, paragraphFk],
  row: z.object({
    event_id: col.id('Event id: paragraph id, "-e" and the position of the date in the paragraph.'),
    cable_id: provenance.cable_id,
    paragraph_id: provenance.paragraph_id,
    date_start: col.date('First day the date expression covers, ISO 8601.'),
    date_end: col.date('Last day the date expression covers, ISO 8601.'),
    precision: col.enum(
      ['day', 'month', 'part_of_year', 'year', 'decade'],
      'How precise the date is: day, month, part_of_year ("mid-2005", "late 2001", "the end of 2007"), year, or decade ("the 1990s", "mid-1990s").',
    ),
    text: col.string('The date expression as in the source (character references of an HTML page decoded), e.g. "December 27, 2006".'),
    quote: provenance.quote,
    char_start: provenance.char_start,
    char_end: provenance.char_end,
  }),
});

export const ORGANIZATION_TYPES = ['host_government', 'foreign_government', 'international_organization', 'ngo', 'other'] as const;

export const organizationsTable = defineTable({
  name: 'organizations',
  title: 'Organizations',
  description: 'Organizations named in the cable bodies, from acronyms the cable defines and a curated dictionary.',
  primaryKey: ['org_id'],
  foreignKeys: [],
  row: z.object({
    org_id: col.id(
      'Organization id: the id of its entry in the organization dictionary (e.g. lwu), else a lowercase slug of the acronym the cable defines (or of the name, for a non-governmental organization named without one), prefixed with the ISO 3166-1 alpha-2 code of its country for government bodies and local organizations (e.g. ye-mosal) so that ministries of different countries stay apart.',
    ),
    name: col.string('Full name of the organization.'),
    acronym: col.nullableString('Acronym, e.g. LWU, or null.'),
    type: col.enum(
      ORGANIZATION_TYPES,
      'Kind of organization: host_government (bodies of the state the cable reports on, its mass organizations included), foreign_government (bodies of any other state: Thai, US, Egyptian...), international_organization, ngo, or other.',
    ),
    country: col.nullableString(
      'ISO 3166-1 alpha-2 code of the country the organization belongs to (e.g. LA, YE): for host-government bodies and local organizations the country of the cable (from its TAGS country code, else its origin post), for foreign-government bodies the country their name or the dictionary gives; null for international organizations and organizations of no one country.',
    ),
    mention_count: col.nonNegativeInt('Number of mentions in all cables of the dataset.'),
    first_paragraph_id: col.id('Paragraph of the first mention.'),
  }),
});

export const organizationMentionsTable = defineTable({
  name: 'organization_mentions',
  title: 'Organization mentions',
  description: 'Every mention of an organization, by name or acronym.',
  primaryKey: ['org_id', 'char_start', 'cable_id'],
  foreignKeys: [{ fields: ['org_id'], reference: { resource: 'organizations', fields: ['org_id'] } }, cableFk, paragraphFk],
  row: z.object({
    org_id: col.id('Organization mentioned.'),
    cable_id: provenance.cable_id,
    paragraph_id: provenance.paragraph_id,
    text: provenance.text,
    char_start: provenance.char_start,
    char_end: provenance.char_end,
  }),
});

export const legalProvisionsTable = defineTable({
  name: 'legal_provisions',
  title: 'Legal provisions',
  description: 'Articles of laws cited in the cable bodies.',
  primaryKey: ['provision_id'],
  foreignKeys: [cableFk, paragraphFk],
  row: z.object({
    provision_id: col.id('Provision id: paragraph id, "-l" and the position of the citation in the paragraph.'),
    cable_id: provenance.cable_id,
    paragraph_id: provenance.paragraph_id,
    law: col.nullableString('The law the article belongs to, e.g. Penal Code, Law on Development and Protection of Women; null when not stated.'),
    article: col.string('Article number as written, e.g. 134.'),
    title: col.nullableString('Title of the article when the cable gives it, e.g. Human Trafficking.'),
    text: provenance.text,
    quote: provenance.quote,
    char_start: provenance.char_start,
    char_end: provenance.char_end,
  }),
});

export const penaltiesTable = defineTable({
  name: 'penalties',
  title: 'Penalties',
  description:
    'Penalties: the tiers of quoted legal text, and penalties the cable states in its own words (punishable by, the penalty for ..., sentenced to ...): prison terms, fines and their conversions as the cable gives them.',
  primaryKey: ['penalty_id'],
  foreignKeys: [{ fields: ['provision_id'], reference: { resource: 'legal_provisions', fields: ['provision_id'] } }, cableFk, paragraphFk],
  row: z.object({
    penalty_id: col.id(
      'Penalty id: provision id, "-t" and the tier number, e.g. 08VIENTIANE145-p123-l01-t2; for a penalty the cable states in its own words without citing an article, paragraph id, "-t" and its position in the paragraph, e.g. 10SANAA295-p050-t01.',
    ),
    provision_id: col.nullableString(
      'Legal provision the penalty belongs to; null for a penalty stated in prose without a cited article ("the penalty for transporting a child ... is imprisonment of not more than 5 years").',
    ),
    cable_id: provenance.cable_id,
    paragraph_id: provenance.paragraph_id,
    tier: col.nonNegativeInt('Order of the tier within the provision, from 1.'),
    condition: col.string(
      'When the tier applies: "base offence" for the first tier, else the clause of the legal text as written, e.g. "the offence results in the victim being permanently disabled, contracts AIDS or results in the loss life".',
    ),
    prison_min_years: col.nullableNumber(
      'Minimum prison term in years; null for life imprisonment or when the text gives only a maximum ("up to three years").',
    ),
    prison_max_years: col.nullableNumber('Maximum prison term in years; null when the tier sets no term.'),
    life_imprisonment: col.boolean('Whether the tier provides for life imprisonment.'),
    death_penalty: col.boolean('Whether the tier provides for the death penalty.'),
    fine_min: col.nullableNumber('Minimum fine in fine_currency.'),
    fine_max: col.nullableNumber('Maximum fine in fine_currency.'),
    fine_currency: col.nullableString('ISO 4217 code of the fine, e.g. LAK.'),
    fine_min_usd: col.nullableNumber('Minimum fine in US dollars as the cable converts it.'),
    fine_max_usd: col.nullableNumber('Maximum fine in US dollars as the cable converts it.'),
    text: provenance.text,
    quote: provenance.quote,
    char_start: provenance.char_start,
    char_end: provenance.char_end,
  }),
});

/** The evidence a decision on an indicator figure rests on: each a column a user can filter on. */
export const PERIOD_MATCHES = ['reporting_period', 'other_period', 'unstated'] as const;
export const SCOPES = ['national', 'one_case', 'one_region', 'one_court', 'one_organization'] as const;
export const STATED_BY = ['government', 'ngo', 'international_organization', 'media', 'embassy', 'unstated'] as const;
export const CRIMES = ['trafficking', 'smuggling', 'csec', 'forced_labor', 'other', 'unstated'] as const;
export const COMPARISONS = ['none', 'current', 'previous'] as const;
export const DECIDED_BY = ['rules', 'reviewer', 'recipe'] as const;

/** Columns shared by published indicators and candidates: the figure, the evidence, and where it stands. */
const indicatorColumns = {
  indicator: col.nullableString(`The indicator, one of the definitions (null for a figure a dataset's own recipe names). ${definitionsText()}`),
  label: col.string('Short label for the figure.'),
  category: col.enum(INDICATOR_CATEGORIES, 'TIP report 3P framework: prosecution, protection, prevention, or context.'),
  period: col.nullableString('Period the sentence gives the figure, e.g. 2007 or 2001-2007, else the reporting year.'),
  period_match: col.enum(
    PERIOD_MATCHES,
    'Whether that period is the reporting period: reporting_period (the reporting year, "during the reporting period"), other_period (another year, a span of years, part of a year, "since 2001"), unstated (no time in the sentence or its paragraph).',
  ),
  value: col.number('The figure (0 for a stated zero such as "no convictions").'),
  value_max: col.nullableNumber('Upper bound when the figure is a range.'),
  unit: col.nullableString('Unit, as in the quantities table.'),
  qualifier: col.enum(QUALIFIERS, 'Qualifier, as in the quantities table.'),
  scope: col.enum(
    SCOPES,
    'What the figure covers: national, or one_case ("in one case", a dated event), one_region (a province, governorate, city), one_court, one_organization (one shelter, centre or NGO).',
  ),
  stated_by: col.enum(
    STATED_BY,
    'Who gives the figure, from the sentence\'s attribution ("according to", "reported", the subject): government, ngo, international_organization, media, embassy (the post\'s own estimate), or unstated.',
  ),
  crime: col.enum(
    CRIMES,
    'The crime the sentence is about: trafficking, smuggling, csec (commercial sexual exploitation of children, child pornography, paid sex with minors, without trafficking), forced_labor, other, unstated.',
  ),
  comparison: col.enum(
    COMPARISONS,
    'The figure\'s place in a comparison: none; current (the reporting period\'s figure: 74 in "from 109 to 74"); previous (the earlier figure: 109).',
  ),
  stated_zero: col.boolean('True when the cable states no such event ("no convictions", "has not prosecuted any"): value is 0 and text holds the words.'),
  quantity_id: col.nullableString('The quantity the figure comes from; null for a stated zero.'),
  cable_id: provenance.cable_id,
  paragraph_id: provenance.paragraph_id,
  citation: col.string('Where the figure stands in the cable, e.g. ¶5 or XXVIII F.'),
  text: col.string('The figure\'s words in the sentence, e.g. "38 cases" or "no convictions".'),
  quote: provenance.quote,
  country: col.nullableString('ISO 3166-1 alpha-2 code of the country the cable reports on (from its TAGS country code, else its origin post), or null.'),
  reporting_year: col.nullableInt(
    "Reporting year of the TIP report the cable submits: the year before the cable for one sent in January to June (the report due in spring covers the year before), else the cable's year; null when the cable has no date.",
  ),
};

export const indicatorsTable = defineTable({
  name: 'indicators',
  title: 'Indicators',
  description:
    "Published key figures: chosen in the dataset's recipe file, or, for TIP report cables, found with the generic TIP recipe and published only when their evidence fits the indicator's definition (the host government's figure for the whole country and the whole reporting period, about trafficking), or confirmed by a reviewer. One row per country, reporting year and indicator. Figures that do not fit are in indicator_candidates.",
  primaryKey: ['indicator_id'],
  foreignKeys: [{ fields: ['quantity_id'], reference: { resource: 'quantities', fields: ['quantity_id'] } }, cableFk, paragraphFk],
  row: z.object({
    indicator_id: col.id("Indicator id: country, reporting year and indicator (cl-2008-convictions), or the recipe's id (arrests-2007)."),
    ...indicatorColumns,
    decided_by: col.enum(
      DECIDED_BY,
      "Who published the row: rules (the evidence fits the definition), reviewer (a maintainer accepted or corrected it in the dataset's reviews.json), recipe (the dataset's recipe file names it).",
    ),
    review_reason: col.nullableString("The reviewer's reason, when a person decided."),
  }),
});

export const indicatorCandidatesTable = defineTable({
  name: 'indicator_candidates',
  title: 'Indicator candidates',
  description:
    'Figures of TIP report cables that could be an indicator but are not published, each with its evidence and the reason: nothing is dropped silently. A candidate is not a claim about the country: read its sentence.',
  primaryKey: ['candidate_id'],
  foreignKeys: [{ fields: ['quantity_id'], reference: { resource: 'quantities', fields: ['quantity_id'] } }, cableFk, paragraphFk],
  row: z.object({
    candidate_id: col.id("Candidate id: country, reporting year, indicator and the figure's quantity (or zero) id."),
    ...indicatorColumns,
    reason: col.string("Why it is not published: the evidence that does not fit the definition, or a reviewer's rejection with its reason."),
  }),
});

export const factTables = [
  quantitiesTable,
  eventsTable,
  organizationsTable,
  organizationMentionsTable,
  legalProvisionsTable,
  penaltiesTable,
  indicatorsTable,
  indicatorCandidatesTable,
] as const;
