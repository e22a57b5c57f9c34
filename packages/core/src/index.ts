export { SEMVER, isSemver } from './semver.js';
export { datasetPageUrl, homepageBase, homepageProblem, type Homepage } from './homepage.js';
