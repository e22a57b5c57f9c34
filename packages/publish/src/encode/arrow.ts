import { ValidationError } from '@cablepress/core';
import {
  Bool,
  type Data,
  DateDay,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableFromIPC,
  tableToIPC,
  TimestampMillisecond,
  TimeUnit,
  Type,
  Utf8,
  vectorFromArray,
  type DataType,
} from 'apache-arrow';
import { Compression, readParquet, Table as WasmTable, writeParquet, WriterPropertiesBuilder } from 'parquet-wasm';
import { fieldsOf, type FieldDef, type FieldType, type TableDef } from '@cablepress/validate';
import { isoDate, isoDatetime } from './cells.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** The Arrow type of each logical column type. */
export function arrowTypeOf(type: FieldType): DataType {
  switch (type) {
    case 'string':
      return new Utf8();
    case 'integer':
      return new Int32();
    case 'number':
      return new Float64();
    case 'boolean':
      return new Bool();
    case 'date':
      return new DateDay();
    case 'datetime':
      return new TimestampMillisecond('UTC');
  }
}

/** The Arrow schema of a table: field descriptions in field metadata, table title and description in schema metadata. */
export function arrowSchemaOf(table: TableDef): Schema {
  const fields = fieldsOf(table).map((f) => new Field(f.name, arrowTypeOf(f.type), f.nullable, new Map([['description', f.description]])));
  return new Schema(
    fields,
    new Map([
      ['title', table.title],
      ['description', table.description],
    ]),
  );
}

function arrowValue(table: TableDef, field: FieldDef, value: unknown, index: number): unknown {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'date':
      return Date.parse(`${String(value)}T00:00:00Z`);
    case 'datetime':
      return Date.parse(String(value));
    case 'integer':
      if (typeof value !== 'number' || value < INT32_MIN || value > INT32_MAX) {
        throw new ValidationError('ARROW_INT32_RANGE', `${table.name} row ${index + 1}: ${field.name} = ${String(value)} does not fit a 32-bit integer`, [], {
          field: `${table.name}.${field.name}`,
        });
      }
      return value;
    default:
      return value;
  }
}

/**
 * A text column as Arrow data, built in one pass: the UTF-8 lengths give the offsets and the joined text is encoded
 * once. The same buffers the builder of `vectorFromArray` makes (null as a repeated offset, a validity bitmap only when
 * a value is null), for a third of its cost: the builder encodes and copies each string on its own (bench/RESULTS.md).
 */
function utf8Data(type: Utf8, rows: readonly Record<string, unknown>[], name: string): Data<Utf8> {
  const offsets = new Int32Array(rows.length + 1);
  const texts: string[] = new Array<string>(rows.length);
  let nullBitmap: Uint8Array | undefined;
  let nullCount = 0;
  let end = 0;
  for (let i = 0; i < rows.length; i++) {
    const value = rows[i]![name];
    if (value === null || value === undefined) {
      nullBitmap ??= validUpTo(i, rows.length);
      nullCount++;
      texts[i] = '';
    } else {
      const text = String(value);
      if (nullBitmap) nullBitmap[i >> 3]! |= 1 << (i & 7);
      texts[i] = text;
      end += Buffer.byteLength(text, 'utf8');
    }
    offsets[i + 1] = end;
  }
  let data: Uint8Array = Buffer.from(texts.join(''), 'utf8');
  // A lone surrogate at the end of one value and its other half at the start of the next would join into one character.
  if (data.byteLength !== end) data = Buffer.concat(texts.map((text) => Buffer.from(text, 'utf8')));
  return makeData({
    type,
    length: rows.length,
    nullCount,
    ...(nullBitmap ? { nullBitmap } : {}),
    valueOffsets: offsets,
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  });
}

/**
 * A validity bitmap for `length` values whose first `valid` values are valid (bits set) and the others not yet; its
 * size is the builder's (whole 64-byte blocks), which the IPC writer writes as it is.
 */
function validUpTo(valid: number, length: number): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(Math.ceil(length / 8) / 64) * 64);
  for (let i = 0; i < valid; i++) bitmap[i >> 3]! |= 1 << (i & 7);
  return bitmap;
}

/** Rows of a table as an Arrow table with the schema from `arrowSchemaOf`. */
export function rowsToArrow(table: TableDef, rows: readonly Record<string, unknown>[]): Table {
  const schema = arrowSchemaOf(table);
  const defs = fieldsOf(table);
  const children = schema.fields.map((field, i) => {
    const def = defs[i]!;
    if (def.type === 'string') return utf8Data(field.type as Utf8, rows, def.name);
    const values = rows.map((row, index) => arrowValue(table, def, row[def.name], index));
    return vectorFromArray(values, field.type).data[0]!;
  });
  const data = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children });
  return new Table(schema, [new RecordBatch(schema, data)]);
}

/** An Arrow table as an Arrow IPC file (the random-access format, `.arrow`). */
export function arrowFileBytes(table: Table): Uint8Array {
  return tableToIPC(table, 'file');
}

/** An Arrow table as a zstd-compressed Parquet file; the Arrow schema (with its metadata) is kept in `ARROW:schema`. */
export function parquetBytes(table: Table): Uint8Array {
  const wasmTable = WasmTable.fromIPCStream(tableToIPC(table, 'stream'));
  return writeParquet(wasmTable, new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build());
}

/** Reads an Arrow IPC file or stream. */
export function readArrow(bytes: Uint8Array): Table {
  return tableFromIPC(bytes);
}

/** Reads a Parquet file into an Arrow table. */
export function readParquetTable(bytes: Uint8Array): Table {
  return tableFromIPC(readParquet(bytes).intoIPCStream());
}

/** Reads one column of a Parquet file, at most `limit` rows of it; throws where its data does not read. */
export function readParquetColumn(bytes: Uint8Array, column: string, limit?: number): void {
  readParquet(bytes, { columns: [column], ...(limit === undefined ? {} : { limit }) }).free();
}

/** The logical column type an Arrow type stands for, or undefined for types cablepress never writes. */
export function fieldTypeOfArrow(type: DataType): FieldType | undefined {
  switch (type.typeId) {
    case Type.Utf8:
    case Type.LargeUtf8:
      return 'string';
    case Type.Int:
      return 'integer';
    case Type.Float:
      return 'number';
    case Type.Bool:
      return 'boolean';
    case Type.Date:
      return 'date';
    case Type.Timestamp:
      return (type as TimestampMillisecond).unit === TimeUnit.MILLISECOND ? 'datetime' : undefined;
    default:
      return undefined;
  }
}

/** The text form of an Arrow cell, equal to `cellText` of the row value it was written from. */
export function arrowCellText(type: FieldType, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'date':
      return isoDate(Number(value));
    case 'datetime':
      return isoDatetime(Number(value));
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return String(value);
  }
}

/** Every cell of an Arrow table as text, row by row, columns in schema order. */
export function arrowRowsAsText(table: Table): string[][] {
  const columns = table.schema.fields.map((field, i) => {
    const type = fieldTypeOfArrow(field.type) ?? 'string';
    const vector = table.getChildAt(i)!;
    return Array.from({ length: table.numRows }, (_, r) => arrowCellText(type, vector.get(r)));
  });
  return Array.from({ length: table.numRows }, (_, r) => columns.map((c) => c[r]!));
}
