export { paragraphId, transformCable, type CableTables, type SourceInfo } from './cable.js';
export { describeTag } from './tag-dictionary.js';
export {
  applyRecipe,
  applyTipRecipe,
  cableCandidates,
  decideTipReports,
  extractFacts,
  isTipReport,
  MAX_FACTS,
  mergeOrganizations,
  reportingYear,
  tipRecipe,
  type CableCandidates,
  type CableFacts,
  type ReportCable,
  type TipIndicatorTables,
} from './facts/index.js';
export { cableCountry, type CountryEntry } from './country.js';
export { inheritedKeys, paragraphCitation } from './citation.js';
