export { applyRecipe } from './recipe.js';
export { extractFacts, type CableFacts } from './extract.js';
export { mergeOrganizations } from './organizations.js';
export { applyTipRecipe, isTipReport, reportingYear, tipRecipe, type ReportCable } from './tip-recipe.js';
