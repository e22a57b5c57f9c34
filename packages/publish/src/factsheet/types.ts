import type {
  cablesTable, eventsTable, Finding, indicatorsTable, legalProvisionsTable, organizationMentionsTable, organizationsTable,
  paragraphsTable, penaltiesTable, quantitiesTable, Row, tagsTable,
} from '@cablepress/validate';

export type CableRow = Row<typeof cablesTable>;
export type ParagraphRow = Row<typeof paragraphsTable>;
export type TagRow = Row<typeof tagsTable>;
export type QuantityRow = Row<typeof quantitiesTable>;
export type EventRow = Row<typeof eventsTable>;
export type OrganizationRow = Row<typeof organizationsTable>;
export type OrganizationMentionRow = Row<typeof organizationMentionsTable>;
export type LegalProvisionRow = Row<typeof legalProvisionsTable>;
export type PenaltyRow = Row<typeof penaltiesTable>;
export type IndicatorRow = Row<typeof indicatorsTable>;

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
  dataset: { name: string; version: string; title?: string };
  paper?: 'a4' | 'letter';
  /** Fixed creation date (SOURCE_DATE_EPOCH or the cable date) so that output is byte-identical. */
  creationDate: Date;
}
