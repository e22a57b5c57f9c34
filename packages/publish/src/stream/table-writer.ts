import { createHash, type Hash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { writingSync } from '@cablepress/core';
import type { TableDef } from '@cablepress/validate';
import { arrowSchemaOf, parquetBytes, rowsToArrow } from '../encode/arrow.js';
import { tableToCsv } from '../encode/csv.js';
import { HashedFile, type WrittenFile } from './hashed-file.js';
import { ParquetConcat } from './parquet-concat.js';
import { encodeTablePart, type TablePart } from './table-part.js';
import { ArrowFileAppender, ArrowSink } from './arrow.js';

/** One file of a table's Hive-style partitioned Parquet folder. */
export interface PartitionFile extends WrittenFile {
  /** Path inside the dataset, e.g. `data/quantities/year=2008/part-0.parquet`. */
  path: string;
  /** The partition value, as the rows have it. */
  value: string;
}

/** The files of one streamed table and its row count. */
export interface StreamedTable {
  table: TableDef;
  rows: number;
  csv: WrittenFile;
  arrow: WrittenFile;
  /** The Parquet file, or one file per partition value (sorted by value) when the table is partitioned. */
  parquet: WrittenFile | PartitionFile[];
}

/** Hive's folder name for a partition value: `field=value`, with `/`, `\`, `%`, `=`, control characters and a leading dot percent-encoded. */
export function hivePartitionFolder(field: string, value: string): string {
  const escaped = value.replace(/[\u0000-\u001f\u007f/\\%=:"*?<>|]|^\./g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `${field}=${escaped}`;
}

/** One Parquet file per partition value, appended to as parts arrive and closed with the joined footer. */
class PartitionedParquet {
  private partitions = new Map<string, { path: string; file: string; concat: ParquetConcat; hash: Hash; bytes: number }>();

  constructor(
    private readonly table: TableDef,
    private readonly dataDir: string,
    private readonly field: string,
    private readonly spillDir: string,
  ) {}

  private append(p: { file: string; hash: Hash; bytes: number }, chunks: Uint8Array[]): void {
    for (const chunk of chunks) {
      writingSync(p.file, this.dataDir, () => appendFileSync(p.file, chunk));
      p.hash.update(chunk);
      p.bytes += chunk.byteLength;
    }
  }

  add(value: string, bytes: Uint8Array): void {
    let p = this.partitions.get(value);
    if (!p) {
      const folder = path.join(this.table.name, hivePartitionFolder(this.field, value));
      for (const made of [this.table.name, folder]) {
        const at = path.join(this.dataDir, made);
        if (!existsSync(at)) writingSync(at, this.dataDir, () => mkdirSync(at));
      }
      const rel = path.join(folder, 'part-0.parquet');
      p = {
        path: `data/${rel.split(path.sep).join('/')}`,
        file: path.join(this.dataDir, rel),
        concat: new ParquetConcat(path.join(this.spillDir, `${this.table.name}-${this.partitions.size}.row-groups`)),
        hash: createHash('sha256'),
        bytes: 0,
      };
      this.partitions.set(value, p);
    }
    this.append(p, p.concat.add(bytes));
  }

  close(): PartitionFile[] {
    const sorted = [...this.partitions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return sorted.map(([value, p]) => {
      this.append(p, [p.concat.finish()]);
      return { path: p.path, value, file: p.file, bytes: p.bytes, sha256: p.hash.digest('hex') };
    });
  }
}

/**
 * Writes one table as CSV, Arrow IPC and Parquet from encoded parts (see `TablePart`): the CSV lines are appended
 * after the header, each part's record batch is written into the Arrow file, and the Parquet parts are joined
 * (`ParquetConcat`), one row group per part, into one file or one file per partition value. `append` takes rows
 * instead and encodes a part every `batchRows` rows, for writers that run in one thread.
 */
export class TableStreamWriter {
  private pending: Record<string, unknown>[] = [];
  private count = 0;
  private csv: HashedFile;
  private arrowOut: HashedFile;
  private arrow = new ArrowFileAppender();
  private parquetFile: HashedFile | undefined;
  private parquet: ParquetConcat | PartitionedParquet;

  /** `spillDir`: a folder outside the dataset's files where the Parquet row-group descriptions wait for the footer. */
  constructor(
    readonly table: TableDef,
    dataDir: string,
    spillDir: string,
    private readonly batchRows: number,
    partitionField?: string,
  ) {
    this.csv = new HashedFile(path.join(dataDir, `${table.name}.csv`));
    const header = tableToCsv(table, []);
    this.csv.write(header.slice(0, header.indexOf('\r\n') + 2));
    this.arrowOut = new HashedFile(path.join(dataDir, `${table.name}.arrow`));
    this.arrow.reset(new ArrowSink(this.arrowOut), arrowSchemaOf(table));
    if (partitionField === undefined) {
      this.parquetFile = new HashedFile(path.join(dataDir, `${table.name}.parquet`));
      this.parquet = new ParquetConcat(path.join(spillDir, `${table.name}.row-groups`));
    } else {
      this.parquet = new PartitionedParquet(table, dataDir, partitionField, spillDir);
    }
  }

  /** Rows waiting for the next part. */
  get buffered(): number {
    return this.pending.length;
  }

  /** Appends a part encoded by `encodeTablePart` with this table's definition (and partitioning). */
  appendPart(part: TablePart): void {
    if (part.rows === 0) return;
    this.csv.write(part.csv);
    this.arrow.appendStream(part.arrow);
    for (const piece of part.parquet) {
      if (this.parquet instanceof ParquetConcat) for (const chunk of this.parquet.add(piece.bytes)) this.parquetFile!.write(chunk);
      else this.parquet.add(piece.partition ?? '', piece.bytes);
    }
    this.count += part.rows;
  }

  /** Appends rows (unpartitioned tables only), encoding a part every `batchRows` rows. */
  append(rows: readonly Record<string, unknown>[]): void {
    for (const row of rows) this.pending.push(row);
    while (this.pending.length >= this.batchRows) this.appendPart(encodeTablePart(this.table, this.pending.splice(0, this.batchRows)));
  }

  /** Closes the files without the rows still waiting, after a failure; never throws. */
  abandon(): void {
    this.pending = [];
    try {
      this.close();
    } catch {
      // the staging folder is deleted next
    }
  }

  close(): StreamedTable {
    if (this.pending.length > 0) this.appendPart(encodeTablePart(this.table, this.pending.splice(0)));
    this.arrow.finish();
    let parquet: WrittenFile | PartitionFile[];
    if (this.parquet instanceof ParquetConcat) {
      const out = this.parquetFile!;
      if (this.parquet.started) out.write(this.parquet.finish());
      else out.write(parquetBytes(rowsToArrow(this.table, [])));
      parquet = out.close();
    } else {
      parquet = this.parquet.close();
    }
    return { table: this.table, rows: this.count, csv: this.csv.close(), arrow: this.arrowOut.close(), parquet };
  }
}
