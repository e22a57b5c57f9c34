export { writeDataset, createdFromEnvironment, type DatasetInput, type ExtraFile, type WriteOptions, type WrittenDataset } from './write-dataset.js';
export { verifyDataset } from './verify.js';
export type { Contributor, DataPackage, License, Resource, Source } from './datapackage.js';
export type { SchemaField, TableSchema } from './table-schema.js';
export { renderFactSheet, type FactSheetInput } from './factsheet/index.js';
export { DatasetStreamWriter, type DatasetStreamOptions, type StreamedDatasetInput, type StreamedTable } from './stream/index.js';
