export { paragraphId, transformCable, type CableTables, type SourceInfo } from './cable.js';
export { describeTag } from './tag-dictionary.js';
export {
  applyRecipe, extractFacts, mergeOrganizations, type CableFacts, type EventRow, type IndicatorRow, type LegalProvisionRow,
  type OrganizationMentionRow, type OrganizationRow, type PenaltyRow, type QuantityRow,
} from './facts/index.js';
