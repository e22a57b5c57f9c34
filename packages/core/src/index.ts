export { SEMVER, isSemver } from './semver.js';
export { checkPackageFieldLengths, PACKAGE_FIELD_LIMITS, type PackageField } from './package-fields.js';
export { datasetPageUrl, homepageBase, homepageProblem, type Homepage } from './homepage.js';
export { epochDate, isoDate, MONTH_NAMES, monthAbbreviation, monthNumber } from './dates.js';
export { isDatasetName, safeFileName } from './names.js';
export { leadingRoman } from './roman.js';
export * from './errors/index.js';
export * from './fs/index.js';
export { licenseUrl, plusdUrl } from './links.js';
