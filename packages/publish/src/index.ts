export { writeDataset, createdFromEnvironment, type WriteOptions, type WrittenDataset } from './write-dataset.js';
export type { DatasetInput, ExtraFile } from './dataset-input.js';
export { verifyDataset } from './verify.js';
export { settleDataset, writeFailure } from './atomic.js';
export { entryKind, readInside, tooLarge } from './read-inside.js';
export { diffDatasets, formatDiff, type Bump, type CellChange, type DatasetDiff, type TableDiff } from './diff.js';
export { publishedFiles, writeReleaseBundle, type ReleaseBundle, type ReleaseBundleOptions } from './bundle.js';
export {
  checkDrift, fileHashes, recordRelease, RELEASE_LOG, type DriftOptions, type DriftReport, type ReleaseLog, type ReleaseRecord,
} from './drift.js';
export type { Contributor, DataPackage, License, Resource, Source } from './datapackage.js';
export type { SchemaField, TableSchema } from './table-schema.js';
export {
  DatasetStreamWriter, encodeTablePart, hivePartitionFolder, partBuffers,
  type DatasetStreamOptions, type ExtraFileStream, type PartitionFile, type StreamedDatasetInput, type StreamedTable, type TablePart,
} from './stream/index.js';
export { makeDirs } from './make-dirs.js';
export { checkProfile, checkProfiles, PROFILE_NAMES, type ProfileName } from './profiles.js';
export type { ReadmeContext } from './readme-sections.js';
