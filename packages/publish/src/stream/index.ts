export { DatasetStreamWriter, type DatasetStreamOptions, type ExtraFileStream, type FinishOptions, type StreamedDatasetInput } from './dataset-writer.js';
export { encodeTablePart, type ParquetPiece, type TablePart } from './table-part.js';
export { hivePartitionFolder, type PartitionFile, type StreamedTable } from './table-writer.js';
export type { WrittenFile } from './hashed-file.js';
