export { DatasetStreamWriter, type DatasetStreamOptions, type StreamedDatasetInput } from './dataset-writer.js';
export type { StreamedTable } from './table-writer.js';
export type { WrittenFile } from './hashed-file.js';
