export { applyRecipe } from './recipe.js';
export { extractFacts, type CableFacts } from './extract.js';
export { MAX_FACTS } from './limits.js';
export { mergeOrganizations } from './organizations.js';
export { applyTipRecipe, cableCandidates, decideTipReports, type CableCandidates, type ReportCable, type TipIndicatorTables } from './indicators/find.js';
export { isTipReport, reportingYear, tipRecipe } from './tip-recipe.js';
