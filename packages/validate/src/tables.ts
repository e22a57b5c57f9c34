import { cablesTable, coreTables, paragraphsTable, recipientsTable, referencesTable, tagsTable } from './core-tables.js';
import {
  eventsTable,
  factTables,
  indicatorCandidatesTable,
  indicatorsTable,
  legalProvisionsTable,
  organizationMentionsTable,
  organizationsTable,
  penaltiesTable,
  quantitiesTable,
} from './fact-tables.js';
import type { Row } from './table.js';

/** Every table of a cablepress dataset, in publishing order. */
export const allTables = [...coreTables, ...factTables];

/** The row type of each table, inferred from its zod schema. */
export type CableRow = Row<typeof cablesTable>;
export type ParagraphRow = Row<typeof paragraphsTable>;
export type TagRow = Row<typeof tagsTable>;
export type RecipientRow = Row<typeof recipientsTable>;
export type ReferenceRow = Row<typeof referencesTable>;
export type QuantityRow = Row<typeof quantitiesTable>;
export type EventRow = Row<typeof eventsTable>;
export type OrganizationRow = Row<typeof organizationsTable>;
export type OrganizationMentionRow = Row<typeof organizationMentionsTable>;
export type LegalProvisionRow = Row<typeof legalProvisionsTable>;
export type PenaltyRow = Row<typeof penaltiesTable>;
export type IndicatorRow = Row<typeof indicatorsTable>;
export type IndicatorCandidateRow = Row<typeof indicatorCandidatesTable>;
