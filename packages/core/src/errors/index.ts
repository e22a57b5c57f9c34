export { CablepressError, InputError, InternalError, UsageError, ValidationError, type Finding, type Location } from './classes.js';
export {
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
} from './codes.js';
