/**
 * Every code cablepress reports, grouped as `docs/errors.md` groups them. The lists are the single place a code is
 * declared: the error classes, warnings and findings take a code of these unions, and `tests/errors-doc.test.ts`
 * checks that the lists and `docs/errors.md` hold the same codes.
 */

/** Errors that stop a command because of its input or usage (exit 2). */
export const INPUT_CODES = [
  'USAGE',
  'DATASET_MISSING',
  'DATASET_INVALID',
  'DATASET_NAME',
  'OUTPUT_DIR',
  'DATASET_DIR',
  'DATASET_READONLY',
  'DISK_FULL',
  'TOO_MANY_OPEN_FILES',
  'PATH_TOO_LONG',
  'DATASET_VERSION',
  'DATASET_CREATED',
  'DATASET_PACKAGE',
  'PACKAGE_FIELD_TOO_LONG',
  'SOURCE_DATE_EPOCH',
  'SOURCE_MISSING',
  'SOURCE_UNREADABLE',
  'INPUT_TOO_LARGE',
  'INPUT_TOO_MANY_LINES',
  'INPUT_TOO_MANY_PARAGRAPHS',
  'INPUT_TOO_MANY_FACTS',
  'INPUT_NOT_FILE',
  'INPUT_OUTSIDE',
  'INPUT_HARD_LINK',
  'INPUT_BAD_NAME',
  'REPORT_OUTSIDE',
  'RECIPE_MISSING',
  'RECIPE_JSON',
  'EMPTY_INPUT',
  'NOT_TEXT',
  'NOT_A_CABLE',
  'CORPUS_MISSING',
  'CORPUS_EMPTY',
  'CORPUS_NO_CABLES',
  'OUT_NOT_A_FOLDER',
  'CORPUS_OVERLAP',
  'INIT_NO_REPOSITORY',
  'INIT_NAME_TAKEN',
  'INIT_LOCK_FILE',
  'PACKAGE_NOT_FOUND',
  'PACKAGE_KIND',
  'BUNDLE_UNREADABLE',
  'BUNDLE_ENTRY_SIZE',
  'BUNDLE_TOO_LARGE',
  'DIFF_NOT_A_DATASET',
  'DIFF_MISSING_FILE',
  'RELEASE_LOG_INVALID',
  'REPORT_MISSING',
  'REPORT_NAME',
  'UNKNOWN_TABLE',
  'DATASET_BUSY',
  'JOURNAL_UNSAFE',
  'FACTSHEET_NO_CABLE',
  'EXTRA_FILE_PATH',
  'SITE_FILE_MISSING',
  'SITE_UNSAFE_PATH',
  'REVIEWS_JSON',
  'HOMEPAGE_INVALID',
] as const;

/** Errors that stop a command because data breaks a schema or a check (exit 1). */
export const VALIDATION_CODES = [
  'CHECKS_FAILED',
  'TABLE_SCHEMA',
  'ARROW_INT32_RANGE',
  'CSV_AMBIGUOUS_EMPTY',
  'CSV_PARSE',
  'READBACK_MISMATCH',
  'DESCRIPTOR_INVALID',
  'DATASET_VERIFY',
  'RELEASE_INVALID_DATASET',
  'DRIFT_TAMPERED',
  'DRIFT_STALE',
  'DRIFT_UNVERSIONED',
  'DRIFT_VERSION',
  'REVIEWS_SCHEMA',
  'REVIEW_UNKNOWN_ID',
  'REVIEW_INDICATOR',
  'RELEASE_UNDATED',
] as const;

/** Bugs (exit 70). */
export const INTERNAL_CODES = ['INTERNAL', 'PARSE_FAILED', 'UNSAFE_PATH', 'PARQUET_PART', 'DATA_FILE_INVALID'] as const;

/** Warnings about a cable, kept in `validation.json`; they never stop a build. */
export const WARNING_CODES = [
  'METADATA_MISSING',
  'ID_MISSING',
  'CREATED_MISSING',
  'HEADER_BODY_MISMATCH',
  'HEADER_ID_MISMATCH',
  'HEADER_CLASSIFICATION_MISMATCH',
  'HEADER_DATE_MISMATCH',
  'TAGS_MISSING',
  'TAGS_FROM_METADATA',
  'SUBJECT_MISSING',
  'SUBJECT_FROM_METADATA',
  'TRUNCATED',
  'BODY_MISSING',
  'SECTION_MISSING',
  'PARTIAL_EXTRACT',
] as const;

/** Findings of the cross-checks run by `build`. */
export const CHECK_CODES = [
  'ROW_SCHEMA',
  'PRIMARY_KEY_DUPLICATE',
  'PROVENANCE_INCOMPLETE',
  'PROVENANCE_UNKNOWN_CABLE',
  'PROVENANCE_OUT_OF_RANGE',
  'PROVENANCE_MISMATCH',
  'ACTIVE_MARKUP',
  'CONFLICTING_FIGURES',
  'SHARES_DO_NOT_SUM',
  'CONVERSION_RATES_DISAGREE',
  'RECIPE_SCHEMA',
  'RECIPE_LOCATOR_NO_MATCH',
  'RECIPE_LOCATOR_AMBIGUOUS',
  'READBACK_ROWS',
  'READBACK_VALUE',
] as const;

/** Findings of `cablepress validate` on a published dataset. */
export const DATASET_CHECK_CODES = [
  'DESCRIPTOR_MISSING',
  'DESCRIPTOR_JSON',
  'DESCRIPTOR_PROFILE',
  'DESCRIPTOR_NAME',
  'DESCRIPTOR_FIELD',
  'DESCRIPTOR_VERSION',
  'DESCRIPTOR_CREATED',
  'DESCRIPTOR_LICENSES',
  'DESCRIPTOR_RESOURCES',
  'RESOURCE_INVALID',
  'RESOURCE_NAME',
  'RESOURCE_NAME_DUPLICATE',
  'RESOURCE_PATH',
  'RESOURCE_FIELD',
  'RESOURCE_BYTES',
  'RESOURCE_HASH',
  'RESOURCE_ENCODING',
  'RESOURCE_DIALECT',
  'RESOURCE_MISSING',
  'RESOURCE_UNLISTED',
  'SCHEMA_INVALID',
  'SCHEMA_FIELD',
  'SCHEMA_PRIMARY_KEY',
  'CSV_ENCODING',
  'CSV_HEADER',
  'CSV_ROW_WIDTH',
  'CELL_REQUIRED',
  'CELL_TYPE',
  'CELL_ENUM',
  'CELL_MINIMUM',
  'CELL_MIN_LENGTH',
  'FOREIGN_KEY',
  'BINARY_UNREADABLE',
  'BINARY_COLUMNS',
  'BINARY_TYPE',
  'BINARY_ROW_COUNT',
  'BINARY_CONTENT',
] as const;

/** Reasons a file of a corpus build is left out, beside the input codes. */
export const CORPUS_FAILURE_CODES = ['DUPLICATE_CABLE', 'WORKER_CRASHED'] as const;

/** Every code, each once. */
export const CODES = [
  ...INPUT_CODES,
  ...VALIDATION_CODES,
  ...INTERNAL_CODES,
  ...WARNING_CODES,
  ...CHECK_CODES,
  ...DATASET_CHECK_CODES,
  ...CORPUS_FAILURE_CODES,
] as const;

export type InputCode = (typeof INPUT_CODES)[number];
export type ValidationCode = (typeof VALIDATION_CODES)[number];
export type InternalCode = (typeof INTERNAL_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];
export type FindingCode = (typeof CHECK_CODES | typeof DATASET_CHECK_CODES)[number];
export type CorpusFailureCode = (typeof CORPUS_FAILURE_CODES)[number];
/** Any code cablepress reports. */
export type Code = (typeof CODES)[number];
