import { tableToIPC } from 'apache-arrow';
import { Compression, Table as WasmTable, writeParquet, WriterPropertiesBuilder } from 'parquet-wasm';
import type { TableDef } from '@cablepress/validate';
import { rowsToArrow } from '../encode/arrow.js';
import { csvLines } from '../encode/csv.js';

/** The Parquet of the rows of one partition (or of all rows when the table is not partitioned). */
export interface ParquetPiece {
  /** The partition value, or null for an unpartitioned table. */
  partition: string | null;
  bytes: Uint8Array;
}

/**
 * Some consecutive rows of one table, already encoded: CSV lines without the header, an Arrow IPC stream with one
 * record batch, and Parquet files of one row group each. Workers make parts; the writer on the main thread only
 * appends them, so the costly encoding (Arrow builders, zstd) runs in parallel. Parts are made of whole chunks of
 * cables, never of a number of rows that depends on timing, so the files are the same whatever the number of workers.
 */
export interface TablePart {
  rows: number;
  csv: Uint8Array;
  arrow: Uint8Array;
  parquet: ParquetPiece[];
}

/** Never `Buffer.from`: small Buffers share a pooled ArrayBuffer, which cannot be transferred. */
const utf8 = new TextEncoder();

/** Zstd, as `parquetBytes`; a part is one row group. */
const PARQUET_PROPERTIES = () =>
  new WriterPropertiesBuilder()
    .setCompression(Compression.ZSTD)
    .setMaxRowGroupSize(1 << 30)
    .build();

function parquetOfStream(stream: Uint8Array): Uint8Array {
  return writeParquet(WasmTable.fromIPCStream(stream), PARQUET_PROPERTIES());
}

/** Rows grouped by partition value, groups in sorted order, rows in their order within a group. */
function byPartition(rows: readonly Record<string, unknown>[], partitionOf: (row: Record<string, unknown>) => string): [string, Record<string, unknown>[]][] {
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const key = partitionOf(row);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(row);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Encodes rows of a table as a part. With `partitionOf`, the Parquet is split by its value (Hive-style
 * partitioning); CSV and Arrow are never split. Throws the writers' ValidationErrors for rows that break them.
 */
export function encodeTablePart(table: TableDef, rows: readonly Record<string, unknown>[], partitionOf?: (row: Record<string, unknown>) => string): TablePart {
  if (rows.length === 0) return { rows: 0, csv: new Uint8Array(0), arrow: new Uint8Array(0), parquet: [] };
  const csv = utf8.encode(csvLines(table, rows));
  const arrow = tableToIPC(rowsToArrow(table, rows), 'stream');
  const parquet = partitionOf
    ? byPartition(rows, partitionOf).map(([partition, group]) => ({ partition, bytes: parquetOfStream(tableToIPC(rowsToArrow(table, group), 'stream')) }))
    : [{ partition: null, bytes: parquetOfStream(arrow) }];
  return { rows: rows.length, csv, arrow, parquet };
}
