export { col, defineTable, fieldsOf, type FieldDef, type FieldType, type ForeignKey, type Row, type TableDef } from './table.js';
export { cablesTable, coreTables, paragraphsTable, recipientsTable, referencesTable, tagsTable } from './core-tables.js';
export {
  eventsTable, factTables, indicatorsTable, INDICATOR_CATEGORIES, legalProvisionsTable, organizationMentionsTable,
  organizationsTable, ORGANIZATION_TYPES, penaltiesTable, QUALIFIERS, QUANTITY_KINDS, quantitiesTable,
} from './fact-tables.js';
export {
  allTables, type CableRow, type EventRow, type IndicatorRow, type LegalProvisionRow, type OrganizationMentionRow, type OrganizationRow,
  type ParagraphRow, type PenaltyRow, type QuantityRow, type RecipientRow, type ReferenceRow, type TagRow,
} from './tables.js';
export { assertRows, checkRows } from './rows.js';
export {
  indicatorRecipeSchema, locatorSchema, parseRecipe, recipeSchema, type IndicatorRecipe, type Locator, type Recipe,
} from './recipe.js';
export {
  checkConflictingFigures, checkConversions, checkHeaderAgreement, checkProvenance, checkShareSums, impliedRates, PROVENANCE_TABLES, runChecks,
  summariseFindings, RATE_TOLERANCE, SAME_FIGURE_TOLERANCE, type CheckInput, type FindingsSummary, type ImpliedRate, type TableRows,
} from './checks/index.js';
