import { col, defineTable } from './table.js';
import { z } from 'zod';

const cableFk = { fields: ['cable_id'], reference: { resource: 'cables', fields: ['cable_id'] } };
const paragraphFk = { fields: ['paragraph_id'], reference: { resource: 'paragraphs', fields: ['paragraph_id'] } };

/** Columns every fact row carries so that it can be traced to the words of the cable. */
const provenance = {
  cable_id: col.id('Cable the fact comes from.'),
  paragraph_id: col.id('Paragraph the fact comes from.'),
  text: col.string('The words of the source at [char_start, char_end): for a text cable exactly the characters of the source file there, line breaks included; for an HTML page the same characters with tags dropped and character references decoded (a line break the page writes as &#x000A; is a line break here). To map a span back: decode the file in source/ as UTF-8 and take characters [char_start, char_end), counted in UTF-16 code units (JavaScript string indices; Python str indices agree while the text has no character beyond U+FFFF); for an HTML page, decode the character references of that slice (html.unescape in Python) and drop its tags to get text.'),
  quote: col.string('The sentence the fact stands in, as clean text (for a sentence over 2,000 characters or holding more than 16 facts, the words around the fact).'),
  char_start: col.nonNegativeInt('Offset (UTF-16 code units) of the first character of `text` in the decoded source file.'),
  char_end: col.nonNegativeInt('Offset just past the last character of `text` in the decoded source file.'),
};

export const QUANTITY_KINDS = ['count', 'money', 'percent', 'fraction', 'duration', 'age'] as const;
export const QUALIFIERS = [
  'exact', 'approximately', 'about', 'at_least', 'more_than', 'less_than', 'up_to', 'nearly', 'as_many_as', 'over', 'roughly',
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
    unit: col.nullableString('Unit: null for plain counts; ISO 4217 code for money (USD, THB, LAK); percent; fraction; year, month, week, day, hour (or decade) for durations and ages.'),
    qualifier: col.enum(QUALIFIERS, 'How the cable qualifies the figure, e.g. exact, approximately, more_than.'),
    per: col.nullableString('Rate denominator, e.g. month in "$150 per month"; null when none.'),
    counted: col.nullableString('What is counted, best effort, as written (cases, arrests, victims, members, police officers...); for percentages and fractions what they are a share of; null when unclear.'),
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
    org_id: col.id('Organization id: the id of its entry in the organization dictionary (e.g. lwu), else a lowercase slug of the acronym the cable defines (or of the name, for a non-governmental organization named without one), prefixed with the ISO 3166-1 alpha-2 code of its country for government bodies and local organizations (e.g. ye-mosal) so that ministries of different countries stay apart.'),
    name: col.string('Full name of the organization.'),
    acronym: col.nullableString('Acronym, e.g. LWU, or null.'),
    type: col.enum(
      ORGANIZATION_TYPES,
      'Kind of organization: host_government (bodies of the state the cable reports on, its mass organizations included), foreign_government (bodies of any other state: Thai, US, Egyptian...), international_organization, ngo, or other.',
    ),
    country: col.nullableString('ISO 3166-1 alpha-2 code of the country the organization belongs to (e.g. LA, YE): for host-government bodies and local organizations the country of the cable (from its TAGS country code, else its origin post), for foreign-government bodies the country their name or the dictionary gives; null for international organizations and organizations of no one country.'),
    mention_count: col.nonNegativeInt('Number of mentions in all cables of the dataset.'),
    first_paragraph_id: col.id('Paragraph of the first mention.'),
  }),
});

export const organizationMentionsTable = defineTable({
  name: 'organization_mentions',
  title: 'Organization mentions',
  description: 'Every mention of an organization, by name or acronym.',
  primaryKey: ['org_id', 'char_start', 'cable_id'],
  foreignKeys: [
    { fields: ['org_id'], reference: { resource: 'organizations', fields: ['org_id'] } },
    cableFk,
    paragraphFk,
  ],
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
  description: 'Penalties: the tiers of quoted legal text, and penalties the cable states in its own words (punishable by, the penalty for ..., sentenced to ...): prison terms, fines and their conversions as the cable gives them.',
  primaryKey: ['penalty_id'],
  foreignKeys: [{ fields: ['provision_id'], reference: { resource: 'legal_provisions', fields: ['provision_id'] } }, cableFk, paragraphFk],
  row: z.object({
    penalty_id: col.id('Penalty id: provision id, "-t" and the tier number, e.g. 08VIENTIANE145-p123-l01-t2; for a penalty the cable states in its own words without citing an article, paragraph id, "-t" and its position in the paragraph, e.g. 10SANAA295-p050-t01.'),
    provision_id: col.nullableString('Legal provision the penalty belongs to; null for a penalty stated in prose without a cited article ("the penalty for transporting a child ... is imprisonment of not more than 5 years").'),
    cable_id: provenance.cable_id,
    paragraph_id: provenance.paragraph_id,
    tier: col.nonNegativeInt('Order of the tier within the provision, from 1.'),
    condition: col.string('When the tier applies: "base offence" for the first tier, else the clause of the legal text as written, e.g. "the offence results in the victim being permanently disabled, contracts AIDS or results in the loss life".'),
    prison_min_years: col.nullableNumber('Minimum prison term in years; null for life imprisonment or when the text gives only a maximum ("up to three years").'),
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

export const INDICATOR_CATEGORIES = ['prosecution', 'protection', 'prevention', 'context'] as const;

export const indicatorsTable = defineTable({
  name: 'indicators',
  title: 'Indicators',
  description: 'Key figures of the dataset, located in the quantities table: chosen in its recipe file, or, for a TIP report cable of a dataset without one, found by meaning with the generic TIP recipe (one row per country, reporting year and indicator).',
  primaryKey: ['indicator_id'],
  foreignKeys: [{ fields: ['quantity_id'], reference: { resource: 'quantities', fields: ['quantity_id'] } }, cableFk, paragraphFk],
  row: z.object({
    indicator_id: col.id('Indicator id from the recipe, e.g. arrests-2007.'),
    label: col.string('Short label for the figure.'),
    category: col.enum(INDICATOR_CATEGORIES, 'TIP report 3P framework: prosecution, protection, prevention, or context.'),
    period: col.nullableString('Period the figure refers to, e.g. 2007 or 2001-2007.'),
    value: col.number('The figure.'),
    value_max: col.nullableNumber('Upper bound when the figure is a range.'),
    unit: col.nullableString('Unit, as in the quantities table.'),
    qualifier: col.enum(QUALIFIERS, 'Qualifier, as in the quantities table.'),
    quantity_id: col.id('The quantity the figure comes from.'),
    cable_id: provenance.cable_id,
    paragraph_id: provenance.paragraph_id,
    citation: col.string('Where the figure stands in the cable, e.g. ¶5 or XXVIII F.'),
    quote: provenance.quote,
    country: col.nullableString('ISO 3166-1 alpha-2 code of the country the cable reports on (from its TAGS country code, else its origin post), or null.'),
    reporting_year: col.nullableInt('Reporting year of the TIP report the cable submits: the year before the cable for one sent in January to June (the report due in spring covers the year before), else the cable\'s year; null when the cable has no date.'),
  }),
});

export const factTables = [
  quantitiesTable, eventsTable, organizationsTable, organizationMentionsTable, legalProvisionsTable, penaltiesTable, indicatorsTable,
] as const;
