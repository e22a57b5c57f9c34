export { readSourceCable, parserFindings, type SourceCable } from './source.js';
export { cableRows, type CableRows } from './cable.js';
export { checkTables, errorsOf } from './checks.js';
export { buildCable, failOnErrors, type BuiltCable } from './one-cable.js';
export { indicatorInputOf, indicatorsOf, type DatasetRecipe, type IndicatorInput } from './indicators.js';
export { addOrganizations, datasetTables, OrganizationTally, type DatasetTables } from './dataset.js';
export { buildDataset, buildDate, checkedTables, type BuildSummary, type DatasetBuildInput, type DatasetBuildOptions } from './build.js';
export { defaultRecipe, type DefaultRecipe } from './recipes.js';
export { decideTipReports, describeTag, type CableCandidates } from '@cablepress/transform';
