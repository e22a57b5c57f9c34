import type { Finding } from '@cablepress/core';
import type {
  CableRow,
  EventRow,
  IndicatorRow,
  LegalProvisionRow,
  OrganizationMentionRow,
  OrganizationRow,
  ParagraphRow,
  PenaltyRow,
  QuantityRow,
  TagRow,
} from '@cablepress/validate';

export type { CableRow, EventRow, IndicatorRow, LegalProvisionRow, OrganizationMentionRow, OrganizationRow, ParagraphRow, PenaltyRow, QuantityRow, TagRow };

/** The dataset tables the fact sheet is drawn from. `indicators` and `penalties` are empty for a cable without a recipe. */
export interface FactSheetTables {
  cables: readonly CableRow[];
  paragraphs: readonly ParagraphRow[];
  tags: readonly TagRow[];
  quantities: readonly QuantityRow[];
  events: readonly EventRow[];
  organizations: readonly OrganizationRow[];
  organization_mentions: readonly OrganizationMentionRow[];
  penalties: readonly PenaltyRow[];
  legal_provisions: readonly LegalProvisionRow[];
  indicators: readonly IndicatorRow[];
}

export interface FactSheetInput {
  tables: FactSheetTables;
  /** Cross-check findings; warnings are printed as a footnote. */
  findings: readonly Finding[];
  /**
   * The dataset: its licence (an SPDX id) and, when the repository configures a homepage, the URL of its page with the
   * release files; both are printed as links with the source cables' public originals.
   */
  dataset: { name: string; version: string; title?: string; license: string; homepage?: string };
  paper?: 'a4' | 'letter';
  /** Fixed creation date (SOURCE_DATE_EPOCH or the cable date) so that output is byte-identical. */
  creationDate: Date;
}
