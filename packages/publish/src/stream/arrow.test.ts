import { RecordBatchFileWriter, tableToIPC, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { allTables, type TableDef } from '@cablepress/validate';
import { rowsToArrow } from '../encode/arrow.js';
import { syntheticTables } from '../fixtures/rows.js';
import { ArrowFileAppender, framedBatch } from './arrow.js';

const paragraphs = allTables.find((t) => t.name === 'paragraphs') as TableDef;
const rows = syntheticTables().paragraphs!;

/** The file the appender writes from these streams, as bytes. */
function appended(streams: Uint8Array[], table: Table): Uint8Array {
  const writer = new ArrowFileAppender();
  writer.reset(undefined, table.schema);
  for (const stream of streams) writer.appendStream(stream);
  return writer.finish().toUint8Array(true);
}

describe("ArrowFileAppender (record batches copied from a worker's stream into the file)", () => {
  it('finds the one record batch of a stream and its lengths', () => {
    const batch = framedBatch(tableToIPC(rowsToArrow(paragraphs, rows), 'stream'))!;
    expect(batch.bodyLength).toBeGreaterThan(0);
    expect(new DataView(batch.bytes.buffer, batch.bytes.byteOffset).getInt32(0, true)).toBe(-1);
    expect(batch.bytes.byteLength).toBe(batch.metaDataLength + batch.bodyLength);
  });

  it('writes the bytes RecordBatchFileWriter writes for the same batches', () => {
    const parts = [rows.slice(0, 1), rows.slice(1)].map((list) => rowsToArrow(paragraphs, list));
    const whole = parts[0]!.concat(parts[1]!);
    const expected = RecordBatchFileWriter.writeAll(whole.batches).toUint8Array(true);
    expect(
      Buffer.from(
        appended(
          parts.map((p) => tableToIPC(p, 'stream')),
          whole,
        ),
      ).equals(Buffer.from(expected)),
    ).toBe(true);
  });

  it('decodes a stream of two record batches instead of taking it for one', () => {
    const parts = [rows.slice(0, 1), rows.slice(1)].map((list) => rowsToArrow(paragraphs, list));
    const whole = parts[0]!.concat(parts[1]!);
    const stream = tableToIPC(whole, 'stream');
    expect(framedBatch(stream)).toBeNull();
    const expected = RecordBatchFileWriter.writeAll(whole.batches).toUint8Array(true);
    expect(Buffer.from(appended([stream], whole)).equals(Buffer.from(expected))).toBe(true);
  });
});
