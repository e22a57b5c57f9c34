export { SEMVER, isSemver } from './semver.js';
export { datasetPageUrl, homepageBase, homepageProblem, type Homepage } from './homepage.js';
export { epochDate, isoDate, MONTH_NAMES, monthAbbreviation, monthNumber } from './dates.js';
export { isDatasetName, safeFileName } from './names.js';
export { leadingRoman } from './roman.js';
export {
  CablepressError,
  InputError,
  InternalError,
  UsageError,
  ValidationError,
  type Finding,
  type Location,
  CHECK_CODES,
  CODES,
  CORPUS_FAILURE_CODES,
  DATASET_CHECK_CODES,
  INPUT_CODES,
  INTERNAL_CODES,
  VALIDATION_CODES,
  WARNING_CODES,
  type Code,
  type CorpusFailureCode,
  type FindingCode,
  type InputCode,
  type InternalCode,
  type ValidationCode,
  type WarningCode,
} from './errors/index.js';
export {
  entryKind,
  LIMITS,
  makeDirs,
  readChangelog,
  readDatasetFile,
  readInside,
  readReport,
  readTextInside,
  tooLarge,
  writeFailure,
  writing,
  type ReadBound,
  processAlive,
  removeStaleTemps,
  tempName,
  writeAllOrNone,
} from './fs/index.js';
export { licenseUrl, plusdUrl } from './links.js';
