export { col, defineTable, fieldsOf, type FieldDef, type FieldType, type ForeignKey, type Row, type TableDef } from './table.js';
export { cablesTable, coreTables, paragraphsTable, recipientsTable, referencesTable, tagsTable } from './core-tables.js';
export {
  COMPARISONS,
  CRIMES,
  DECIDED_BY,
  eventsTable,
  factTables,
  indicatorCandidatesTable,
  indicatorsTable,
  legalProvisionsTable,
  organizationMentionsTable,
  organizationsTable,
  ORGANIZATION_TYPES,
  penaltiesTable,
  PERIOD_MATCHES,
  QUALIFIERS,
  QUANTITY_KINDS,
  quantitiesTable,
  SCOPES,
  STATED_BY,
} from './fact-tables.js';
export {
  definitionsText,
  indicatorDefinition,
  INDICATOR_CATEGORIES,
  INDICATOR_DEFINITIONS,
  NOT_COUNTED,
  type IndicatorDefinition,
} from './indicator-definitions.js';
export {
  allTables,
  type CableRow,
  type EventRow,
  type IndicatorCandidateRow,
  type IndicatorRow,
  type LegalProvisionRow,
  type OrganizationMentionRow,
  type OrganizationRow,
  type ParagraphRow,
  type PenaltyRow,
  type QuantityRow,
  type RecipientRow,
  type ReferenceRow,
  type TagRow,
} from './tables.js';
export { assertRows, checkRows } from './rows.js';
export { compileRowCheck, type RowCheck } from './row-check.js';
export { indicatorRecipeSchema, locatorSchema, parseRecipe, recipeSchema, type IndicatorRecipe, type Locator, type Recipe } from './recipe.js';
export {
  checkConflictingFigures,
  checkConversions,
  checkHeaderAgreement,
  checkProvenance,
  checkShareSums,
  impliedRates,
  PROVENANCE_TABLES,
  runChecks,
  summariseFindings,
  RATE_TOLERANCE,
  SAME_FIGURE_TOLERANCE,
  type CheckInput,
  type FindingsSummary,
  type ImpliedRate,
  type TableRows,
} from './checks/index.js';
export { parseReviews, REVIEW_DECISIONS, reviewSchema, reviewsSchema, type Review, type Reviews } from './reviews.js';
