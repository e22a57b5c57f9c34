import path from 'node:path';
import type { TableDef } from '@cablepress/validate';
import { rowsToArrow } from '../arrow.js';
import { ArrowStreamWriter } from './arrow.js';
import { CsvStreamWriter } from './csv.js';
import type { WrittenFile } from './hashed-file.js';
import { ParquetStreamWriter } from './parquet.js';

/** The three files of one streamed table and its row count. */
export interface StreamedTable {
  table: TableDef;
  rows: number;
  csv: WrittenFile;
  arrow: WrittenFile;
  parquet: WrittenFile;
}

/**
 * Writes one table as CSV, Arrow IPC and Parquet while rows arrive: rows are buffered until `batchRows` of them
 * are waiting, then written as one CSV chunk and one Arrow record batch, and handed to the Parquet writer, which
 * closes a row group every `rowGroupRows` rows. Batch and row-group boundaries depend only on the order of the
 * rows, so the same rows give the same bytes.
 */
export class TableStreamWriter {
  private pending: Record<string, unknown>[] = [];
  private count = 0;
  private batches = 0;
  private csv: CsvStreamWriter;
  private arrow: ArrowStreamWriter;
  private parquet: ParquetStreamWriter;

  constructor(
    readonly table: TableDef,
    dataDir: string,
    private readonly batchRows: number,
    rowGroupRows: number,
  ) {
    this.csv = new CsvStreamWriter(table, path.join(dataDir, `${table.name}.csv`));
    this.arrow = new ArrowStreamWriter(table, path.join(dataDir, `${table.name}.arrow`));
    this.parquet = new ParquetStreamWriter(path.join(dataDir, `${table.name}.parquet`), rowGroupRows);
  }

  /** Rows waiting for the next batch. */
  get buffered(): number {
    return this.pending.length;
  }

  async append(rows: readonly Record<string, unknown>[]): Promise<void> {
    for (const row of rows) this.pending.push(row);
    while (this.pending.length >= this.batchRows) await this.flush(this.pending.splice(0, this.batchRows));
  }

  private async flush(rows: Record<string, unknown>[]): Promise<void> {
    const batch = rowsToArrow(this.table, rows).batches[0]!;
    this.csv.write(rows);
    this.arrow.write(batch);
    await this.parquet.write(batch);
    this.count += rows.length;
    this.batches += 1;
  }

  /** Closes the files without writing the rows still waiting, after a failure; never throws. */
  async abandon(): Promise<void> {
    this.pending = [];
    await this.close().catch(() => undefined);
  }

  async close(): Promise<StreamedTable> {
    if (this.pending.length > 0 || this.batches === 0) await this.flush(this.pending.splice(0));
    const parquet = await this.parquet.close();
    return { table: this.table, rows: this.count, csv: this.csv.close(), arrow: this.arrow.close(), parquet };
  }
}
