export { writeDataset, createdFromEnvironment, type WriteOptions, type WrittenDataset } from './commit/write-dataset.js';
export type { DatasetInput, ExtraFile } from './commit/dataset-input.js';
export { verifyDataset } from './read/verify.js';
export { openDataset, parseTable, tryOpenDataset, type Dataset, type DatasetTable } from './read/open-dataset.js';
export { holdDataset, readCommitted, settleDataset } from './commit/atomic.js';
export { diffDatasets, formatDiff, type Bump, type CellChange, type DatasetDiff, type TableDiff } from './release/diff.js';
export { publishedFiles, writeReleaseBundle, type ReleaseBundle, type ReleaseBundleOptions } from './release/bundle.js';
export {
  checkDrift,
  fileHashes,
  recordRelease,
  RELEASE_LOG,
  type DriftOptions,
  type DriftReport,
  type ReleaseLog,
  type ReleaseRecord,
} from './release/drift.js';
export type { Contributor, DataPackage, License, Resource, Source } from './describe/datapackage.js';
export type { SchemaField, TableSchema } from './describe/table-schema.js';
export {
  DatasetStreamWriter,
  encodeTablePart,
  hivePartitionFolder,
  type DatasetStreamOptions,
  type ExtraFileStream,
  type PartitionFile,
  type StreamedDatasetInput,
  type StreamedTable,
  type TablePart,
} from './stream/index.js';
export { checkProfile, checkProfiles, PROFILE_NAMES, type ProfileName } from './describe/profiles.js';
export type { ReadmeContext } from './describe/readme-sections.js';
export { loadingSnippets, snippetTable, type Snippet, type SnippetOptions } from './describe/snippets.js';
export { bibtex, citationCff, plainCitation, type CitationInput } from './describe/citation.js';
