export { paragraphId, transformCable, type CableTables, type SourceInfo } from './cable.js';
export { describeTag } from './tag-dictionary.js';
export { applyRecipe, extractFacts, mergeOrganizations, type CableFacts } from './facts/index.js';
