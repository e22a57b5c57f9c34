import { tableToIPC, Table, type RecordBatch } from 'apache-arrow';
import {
  Compression, Table as WasmTable, transformParquetStream, WriterPropertiesBuilder, type RecordBatch as WasmRecordBatch,
} from 'parquet-wasm';
import { HashedFile, type WrittenFile } from './hashed-file.js';

/**
 * A table's Parquet file written while batches arrive, through parquet-wasm's `transformParquetStream` (arrow-rs's
 * ArrowWriter): each closed row group is emitted and written out, so only the open one stays in memory, encoded.
 * Writer settings are those of `parquetBytes` (zstd) plus a row-group cap; the Arrow schema and its metadata are
 * kept in `ARROW:schema`.
 */
export class ParquetStreamWriter {
  private out: HashedFile;
  private queue: WasmRecordBatch[] = [];
  private ended = false;
  private onData: (() => void) | undefined;
  private onPull: (() => void) | undefined;
  private done: Promise<void>;

  constructor(file: string, rowGroupRows: number) {
    const out = new HashedFile(file);
    this.out = out;
    const source = new ReadableStream<WasmRecordBatch>(
      {
        pull: async (controller) => {
          while (this.queue.length === 0 && !this.ended) await new Promise<void>((resolve) => (this.onData = resolve));
          const next = this.queue.shift();
          if (next) controller.enqueue(next);
          else controller.close();
          this.onPull?.();
        },
      },
      { highWaterMark: 0 },
    );
    const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).setMaxRowGroupSize(rowGroupRows).build();
    this.done = (async () => {
      const bytes = (await transformParquetStream(source, properties)) as ReadableStream<Uint8Array>;
      for await (const chunk of bytes as unknown as AsyncIterable<Uint8Array>) out.write(chunk);
    })();
    this.done.catch(() => undefined);
  }

  /** Hands one batch to the Parquet writer; resolves once the writer has taken it. */
  async write(batch: RecordBatch): Promise<void> {
    const wasmTable = WasmTable.fromIPCStream(tableToIPC(new Table([batch]), 'stream'));
    const wasmBatch = wasmTable.recordBatch(0);
    wasmTable.free();
    if (!wasmBatch) return;
    const taken = new Promise<void>((resolve) => (this.onPull = resolve));
    this.queue.push(wasmBatch);
    this.onData?.();
    await Promise.race([taken, this.done]);
  }

  async close(): Promise<WrittenFile> {
    this.ended = true;
    this.onData?.();
    await this.done;
    return this.out.close();
  }
}
