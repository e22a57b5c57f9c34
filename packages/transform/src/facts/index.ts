export { applyRecipe, type IndicatorRow } from './recipe.js';
export {
  extractFacts, type CableFacts, type EventRow, type LegalProvisionRow, type OrganizationMentionRow, type OrganizationRow, type PenaltyRow,
  type QuantityRow,
} from './extract.js';
export { mergeOrganizations } from './organizations.js';
