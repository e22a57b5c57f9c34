import { InternalError, writingSync } from '@cablepress/core';
import { dirname } from 'node:path';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { field, readThriftStruct, T, writeThriftStruct, type ThriftList, type ThriftStruct } from './thrift-compact.js';

/**
 * Parquet files of one schema joined into one file whose row groups are theirs, without decoding or re-compressing
 * a page: each part's pages are copied as they are, and the footer is the first part's FileMetaData with every
 * part's row groups (their file offsets moved by where the part landed), the row counts added up and the row groups
 * numbered again. Workers each write the Parquet of a chunk of cables; the main thread only joins them.
 * Layout: https://parquet.apache.org/docs/file-format/ (FileMetaData, RowGroup, ColumnChunk, ColumnMetaData).
 */

const MAGIC = Buffer.from('PAR1', 'latin1');

/** FileMetaData, RowGroup, ColumnChunk and ColumnMetaData field ids that hold a file offset or a count. */
const FILE_NUM_ROWS = 3;
const FILE_ROW_GROUPS = 4;
const GROUP_COLUMNS = 1;
const GROUP_FILE_OFFSET = 5;
const GROUP_ORDINAL = 7;
const CHUNK_FILE_OFFSET = 2;
const CHUNK_META = 3;
const CHUNK_OFFSET_INDEX_OFFSET = 4;
const CHUNK_COLUMN_INDEX_OFFSET = 6;
const META_OFFSETS = [9, 10, 11, 14];

/** A Parquet part taken apart: the bytes between the magic and the footer, and its footer. */
export interface ParquetPart {
  /** Page data (and any page indexes), which the footer's offsets point into, counted from the file start. */
  body: Uint8Array;
  footer: ThriftStruct;
}

export function splitParquet(bytes: Uint8Array): ParquetPart {
  const n = bytes.length;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, n);
  if (n < 12 || !view.subarray(0, 4).equals(MAGIC) || !view.subarray(n - 4).equals(MAGIC)) {
    throw new InternalError('PARQUET_PART', 'a worker sent a Parquet part without the PAR1 magic bytes');
  }
  const footerLength = view.readUInt32LE(n - 8);
  const footerStart = n - 8 - footerLength;
  return { body: bytes.subarray(4, footerStart), footer: readThriftStruct(bytes.subarray(footerStart, n - 8)) };
}

function shift(struct: ThriftStruct, ids: readonly number[], by: bigint): void {
  for (const f of struct.fields) if (ids.includes(f.id) && f.type === T.I64) f.value = (f.value as bigint) + by;
}

/** The row groups of a part with every offset moved by `by` bytes. */
export function movedRowGroups(footer: ThriftStruct, by: bigint): ThriftStruct[] {
  const groups = (field(footer, FILE_ROW_GROUPS)?.value as ThriftList | undefined)?.items ?? [];
  return groups.map((g) => {
    const group = g as ThriftStruct;
    shift(group, [GROUP_FILE_OFFSET], by);
    for (const c of (field(group, GROUP_COLUMNS)!.value as ThriftList).items) {
      const chunk = c as ThriftStruct;
      shift(chunk, [CHUNK_FILE_OFFSET, CHUNK_OFFSET_INDEX_OFFSET, CHUNK_COLUMN_INDEX_OFFSET], by);
      const meta = field(chunk, CHUNK_META)?.value as ThriftStruct | undefined;
      if (meta) shift(meta, META_OFFSETS, by);
    }
    return group;
  });
}

/**
 * Joins Parquet parts as they arrive: `add` returns the bytes to append to the file (the magic first, then each
 * part's pages), `finish` the footer. The row-group descriptions (1.4 to 2.5 KB each on cable tables, ~2,000 per
 * table at 250,000 cables, which held ~50 MB of the main thread) are encoded and appended to the `spill` file as they
 * come; `finish` reads them back into the footer without decoding them, and deletes the file.
 */
export class ParquetConcat {
  private written = 0;
  private template: ThriftStruct | undefined;
  private count = 0;
  private rows = 0n;

  /** `spill`: a file to keep the row-group descriptions in until the footer is written (created or appended to). */
  constructor(private readonly spill: string) {}

  /** The bytes to append for this part. */
  add(bytes: Uint8Array): Uint8Array[] {
    const part = splitParquet(bytes);
    const out: Uint8Array[] = [];
    if (this.written === 0) {
      out.push(MAGIC);
      this.written = 4;
    }
    this.template ??= part.footer;
    const encoded: Uint8Array[] = [];
    for (const group of movedRowGroups(part.footer, BigInt(this.written - 4))) {
      const ordinal = field(group, GROUP_ORDINAL);
      if (ordinal) ordinal.value = this.count;
      encoded.push(writeThriftStruct(group));
      this.count++;
    }
    writingSync(this.spill, dirname(this.spill), () => appendFileSync(this.spill, Buffer.concat(encoded)));
    this.rows += field(part.footer, FILE_NUM_ROWS)!.value as bigint;
    out.push(part.body);
    this.written += part.body.length;
    return out;
  }

  /** Whether any part was added. */
  get started(): boolean {
    return this.template !== undefined;
  }

  /** The footer: FileMetaData with all row groups, its length and the closing magic. */
  finish(): Uint8Array {
    if (!this.template) throw new InternalError('PARQUET_PART', 'no Parquet part to join');
    const groups: ThriftList = { kind: 'list', type: T.LIST, elementType: T.STRUCT, items: [], encoded: [readFileSync(this.spill)], encodedCount: this.count };
    const footer: ThriftStruct = {
      kind: 'struct',
      fields: this.template.fields.map((f) => (f.id === FILE_NUM_ROWS ? { ...f, value: this.rows } : f.id === FILE_ROW_GROUPS ? { ...f, value: groups } : f)),
    };
    const bytes = writeThriftStruct(footer);
    rmSync(this.spill);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(bytes.length);
    return Buffer.concat([bytes, length, MAGIC]);
  }
}
