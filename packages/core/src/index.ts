export { SEMVER, isSemver } from './semver.js';
export { datasetPageUrl, licenseUrl, plusdUrl } from './links.js';
