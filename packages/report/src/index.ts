export { renderFactSheet, type FactSheetInput, type FactSheetTables } from './factsheet/index.js';
export { buildSite, type SiteDatasetInput, type SiteOptions } from './site/build-site.js';
