import { AsyncByteQueue, RecordBatchFileWriter, type RecordBatch } from 'apache-arrow';
import { arrowSchemaOf } from '../arrow.js';
import type { TableDef } from '@cablepress/validate';
import { HashedFile, type WrittenFile } from './hashed-file.js';

/** The byte sink of an Arrow IPC writer that goes straight to a file instead of queueing in memory. */
class FileSink extends AsyncByteQueue {
  constructor(private readonly out: HashedFile) {
    super();
  }

  override write(value: ArrayBufferView | ArrayBuffer | string): void {
    this.out.write(typeof value === 'string' ? value : value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  }
}

/**
 * A table's Arrow IPC file written one record batch at a time with `RecordBatchFileWriter`: the schema comes from
 * `arrowSchemaOf`, so types and field descriptions are those of `writeDataset`; only the number of record batches differs.
 */
export class ArrowStreamWriter {
  private out: HashedFile;
  private writer = new RecordBatchFileWriter();

  constructor(table: TableDef, file: string) {
    this.out = new HashedFile(file);
    this.writer.reset(new FileSink(this.out), arrowSchemaOf(table));
  }

  write(batch: RecordBatch): void {
    this.writer.write(batch);
  }

  close(): WrittenFile {
    this.writer.finish();
    return this.out.close();
  }
}
