import type { WarningCode } from '@cablepress/core';
/** A half-open span [start, end) of UTF-16 offsets into the decoded input text (Cable.source). */
export interface Span {
  start: number;
  end: number;
}

export type CableFormat = 'plusd-text' | 'cablegate-text' | 'html';

export interface Recipient {
  /** Routing indicator, e.g. RUEHC; null when the line has none. */
  route: string | null;
  /** e.g. SECSTATE WASHDC */
  name: string;
  /** e.g. PRIORITY, IMMEDIATE; null when not given. */
  precedence: string | null;
  /** Message serial number as written, e.g. "1866"; null when not given. */
  mcn: string | null;
  /** Addresses an XMT line excludes from this collective, e.g. ["AMCONSUL JOHANNESBURG"]; absent when none. */
  excluded?: string[];
}

export interface Reference {
  /** As written, e.g. "STATE 2731" or "08 CAIRO 2525". */
  text: string;
  /** Canonical id such as 08STATE2731, null when the reference is not a cable. */
  canonicalId: string | null;
  kind: 'cable' | 'other';
  /** The list letter or number, e.g. "A", or null. */
  bullet: string | null;
}

export type ParagraphKind = 'paragraph' | 'quoted_text' | 'list_item' | 'note' | 'comment';

export interface Paragraph {
  /** 1-based position in the body. */
  seq: number;
  /** Printed paragraph number, e.g. 5 for "5. (SBU) ..." or "¶5." (for a list_item, the item number), else null. */
  number: number | null;
  /** Heading the paragraph falls under, e.g. "SUMMARY", "XXVIII: Investigation and Prosecution of Traffickers". */
  section: string | null;
  /** Reftel key such as "A and B", "A through C", "¶B" → "B", "21A." → "A", "4-14.", else null. */
  key: string | null;
  kind: ParagraphKind;
  /** Portion marking without parentheses, e.g. "SBU", else null. */
  classification: string | null;
  /** Clean text: wrapped lines joined with one space, noise lines removed, marking and number prefix removed. */
  text: string;
  /** Span of the paragraph in Cable.source. */
  span: Span;
  /**
   * offsets[i] is the offset in Cable.source of text[i] (length text.length). Characters that stand for
   * joined whitespace map to the offset of the first whitespace character they replace.
   */
  offsets: Int32Array;
}

export interface Warning {
  code: WarningCode;
  message: string;
  span?: Span;
}

export interface Cable {
  /** Canonical id, e.g. 08VIENTIANE145. */
  id: string;
  /** The id exactly as the publisher's metadata writes it (may be malformed), or null when there is no metadata. */
  sourceId: string | null;
  format: CableFormat;
  /** File name or label given by the caller, if any. */
  sourceName: string | null;
  /** The decoded input exactly as given; every span points into it. */
  source: string;
  /** ISO 8601 UTC, e.g. 2008-02-29T05:44:00Z; null when unknown. */
  created: string | null;
  /** Classification as written in the metadata. */
  classification: string | null;
  /** Categories and caveats found in the classification, e.g. ["SBU", "FOUO", "NOFORN"]. */
  classificationCaveats: string[];
  /** Reasons cited on the "Classified By:" line, e.g. ["1.4 (b)", "1.4 (d)"]. */
  classificationReasons: string[];
  origin: string | null;
  /** Publisher's title (Cable title / line 2 / page heading). */
  title: string | null;
  transmissionId: string | null;
  precedence: string | null;
  dtg: string | null;
  from: string | null;
  to: Recipient[];
  info: Recipient[];
  /** SIPDIS, SENSITIVE, "STATE ALSO PASS TO USAID", "DEPT FOR EAP/MLS", ... in order. */
  handling: string[];
  /** The E.O. 12958 line as written, without the "E.O. 12958:" prefix, e.g. "N/A". */
  eo: string | null;
  /** Declassification / nondisclosure date from the E.O. line, ISO date, or null. */
  nondisclosureDeadline: string | null;
  tags: string[];
  subject: string;
  references: Reference[];
  /** The classifying officials by name, without their role, e.g. ["Adam Ereli"]. */
  classifiedBy: string[];
  /** The role of the classifying official as written, e.g. "Ambassador", "CDA", "Charge d'Affaires a.i.", or null. */
  classifiedByRole: string | null;
  signedBy: string[];
  summary: string | null;
  paragraphs: Paragraph[];
  /** The text ends mid-sentence. */
  truncated: boolean;
  /** Only metadata, or only part of the cable, is present. */
  partial: boolean;
  warnings: Warning[];
  /** Spans of header fields in source, keyed by field name (id, created, classification, origin, tags, subject, ...). */
  fieldSpans: Record<string, Span>;
}

export interface ParseOptions {
  format?: 'auto' | CableFormat;
  /** File name or label, used in errors and as Cable.sourceName. */
  source?: string;
}
