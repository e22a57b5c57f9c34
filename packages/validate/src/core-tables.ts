import { col, defineTable } from './table.js';
import { z } from 'zod';

const cableFk = [{ fields: ['cable_id'], reference: { resource: 'cables', fields: ['cable_id'] } }];

export const cablesTable = defineTable({
  name: 'cables',
  title: 'Cables',
  description: 'One row per cable: identity, header metadata and provenance of the source file.',
  primaryKey: ['cable_id'],
  foreignKeys: [],
  row: z.object({
    cable_id: col.id('Canonical cable reference id, e.g. 08VIENTIANE145 (year, origin, serial without leading zeros).'),
    created: col.nullableDatetime('When the cable was created, ISO 8601 UTC, from the metadata block.'),
    classification: col.nullableString('Classification as written in the metadata, e.g. UNCLASSIFIED//FOR OFFICIAL USE ONLY.'),
    origin: col.nullableString('Originating post as written in the metadata, e.g. Embassy Vientiane.'),
    subject: col.string('SUBJECT line of the cable, one line, markings removed; empty when the cable has none.'),
    title: col.nullableString('Title the publisher gave the cable (may differ from the SUBJECT line).'),
    precedence: col.nullableString('Precedence of the message from the header line before the DTG, e.g. PRIORITY.'),
    dtg: col.nullableString('Date-time group of the transmission as written, e.g. 290544Z FEB 08.'),
    transmission_id: col.nullableString('Transmission line, e.g. DE RUEHVN #0145/01 0600544.'),
    sender: col.nullableString('Sender from the FM line, e.g. AMEMBASSY VIENTIANE.'),
    handling: col.nullableString('Handling and distribution lines in order, joined with "; " (e.g. SIPDIS; SENSITIVE).'),
    classified_by: col.nullableString('Classified By line (who classified the cable and for which reasons), when present.'),
    signed_by: col.nullableString('Signer(s) at the end of the cable, joined with "; ".'),
    paragraph_count: col.nonNegativeInt('Number of rows this cable has in the paragraphs table.'),
    source_file: col.string('File name of the source the cable was read from.'),
    source_format: col.enum(['plusd-text', 'cablegate-text', 'html'], 'Format the source file was read as.'),
    source_sha256: col.string('SHA-256 of the source file bytes, lowercase hex.'),
    truncated: col.boolean('True when the cable text ends mid-sentence (the source was cut off).'),
    classified_by_role: col.nullableString(
      'Role of the classifying official as written on the Classified By line, e.g. Ambassador, CDA; null when there is none.',
    ),
    country: col.nullableString(
      'ISO 3166-1 alpha-2 code of the country the cable reports on (e.g. LA): the country tag of the post that sent it, else its first country tag, else the country of its post; null when neither says.',
    ),
    country_name: col.nullableString('Short English name of that country, e.g. Laos; null with country.'),
  }),
});

export const paragraphsTable = defineTable({
  name: 'paragraphs',
  title: 'Paragraphs',
  description: 'The body of each cable as clean paragraphs, in reading order, with their offsets into the source file.',
  primaryKey: ['paragraph_id'],
  foreignKeys: cableFk,
  row: z.object({
    paragraph_id: col.id('Paragraph id: cable id, "-p" and the zero-padded sequence number, e.g. 08VIENTIANE145-p001.'),
    cable_id: col.id('Cable this paragraph belongs to.'),
    seq: col.nonNegativeInt('Position of the paragraph in the cable body, from 1.'),
    number: col.nullableInt('Paragraph number printed in the cable (e.g. 5 for "5. (SBU) ..."), or null.'),
    section: col.nullableString('Section heading the paragraph falls under, e.g. SUMMARY or XXVIII: Investigation and Prosecution of Traffickers.'),
    key: col.nullableString('Reftel key that the paragraph answers, e.g. "A and B", or null.'),
    kind: col.enum(
      ['paragraph', 'quoted_text', 'list_item', 'note', 'comment'],
      'What the paragraph is: running text, a quoted text block, a numbered list item, or a note/comment.',
    ),
    classification_marking: col.nullableString('Portion marking of the paragraph without parentheses, e.g. SBU, C, U; null when unmarked.'),
    text: col.string('Clean paragraph text: line breaks joined, page-break and SIPDIS lines removed.'),
    char_start: col.nonNegativeInt('Offset (UTF-16 code units) of the first character of the paragraph in the decoded source file.'),
    char_end: col.nonNegativeInt('Offset just past the last character of the paragraph in the decoded source file.'),
    citation: col.string(
      'How to cite the paragraph: "¶ 5" for the paragraph the cable numbers 5, else its position with its section (roman numeral or heading) and the reftel key it answers (which the paragraphs that continue an answer inherit), e.g. "paragraph 79, section XXIX G and H".',
    ),
  }),
});

export const tagsTable = defineTable({
  name: 'tags',
  title: 'Tags',
  description: 'TAGS of each cable in the order written, with a description from the tag dictionary.',
  primaryKey: ['cable_id', 'position'],
  foreignKeys: cableFk,
  row: z.object({
    cable_id: col.id('Cable the tag belongs to.'),
    position: col.nonNegativeInt('Position of the tag on the TAGS line, from 1.'),
    tag: col.string('The tag, upper case, e.g. KTIP.'),
    description: col.nullableString('What the tag means, from the tag dictionary; null when the tag is not in it.'),
  }),
});

export const recipientsTable = defineTable({
  name: 'recipients',
  title: 'Recipients',
  description: 'TO and INFO addressees of each cable from the routing header.',
  primaryKey: ['cable_id', 'role', 'position'],
  foreignKeys: cableFk,
  row: z.object({
    cable_id: col.id('Cable the addressee belongs to.'),
    role: col.enum(['to', 'info'], 'Whether the addressee is an action (to) or information (info) addressee.'),
    position: col.nonNegativeInt('Position of the addressee within its role, from 1.'),
    routing_indicator: col.nullableString('Routing indicator, e.g. RUEHC.'),
    name: col.string('Addressee name, e.g. SECSTATE WASHDC.'),
    precedence: col.nullableString('Precedence given to this addressee, e.g. PRIORITY, or null.'),
    serial: col.nullableString('Message serial number for this addressee as written (kept as text), or null.'),
  }),
});

export const referencesTable = defineTable({
  name: 'cable_references',
  title: 'Cable references',
  description: 'REF lines of each cable, with the canonical id of referenced cables.',
  primaryKey: ['cable_id', 'position'],
  foreignKeys: cableFk,
  row: z.object({
    cable_id: col.id('Cable that makes the reference.'),
    position: col.nonNegativeInt('Position of the reference in the REF list, from 1.'),
    bullet: col.nullableString('Letter or number of the reference in the REF list, e.g. A, or null.'),
    text: col.string('The reference as written, e.g. STATE 2731.'),
    kind: col.enum(['cable', 'other'], 'Whether the reference names a cable or something else (an e-mail, a report, a meeting).'),
    referenced_cable_id: col.nullableString('Canonical id of the referenced cable, e.g. 08STATE2731, or null when it is not a cable.'),
  }),
});

export const coreTables = [cablesTable, paragraphsTable, tagsTable, recipientsTable, referencesTable] as const;
