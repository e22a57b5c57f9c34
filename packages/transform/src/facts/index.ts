export { applyRecipe } from './recipe.js';
export { extractFacts, type CableFacts } from './extract.js';
export { mergeOrganizations } from './organizations.js';
