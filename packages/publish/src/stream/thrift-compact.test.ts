import { describe, expect, it } from 'vitest';
import { readThriftStruct, T, writeThriftStruct, type ThriftStruct } from './thrift-compact.js';

/** A struct with an I64 field (id 1), an I32 field (id 2) and a field far from the last (id 40: the long form of the header). */
const struct = (i64: bigint, i32: number, items: bigint[] = []): ThriftStruct => ({
  kind: 'struct',
  fields: [
    { id: 1, type: T.I64, value: i64 },
    { id: 2, type: T.I32, value: i32 },
    { id: 40, type: T.LIST, value: { kind: 'list', type: T.LIST, elementType: T.I64, items } },
  ],
});

/** The compact protocol's zigzag varint of a bigint, as the spec gives it. */
function reference(n: bigint): number[] {
  let v = n >= 0n ? n << 1n : (-n << 1n) - 1n;
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  return [...out, Number(v)];
}

describe('the Thrift compact codec', () => {
  const edges = [
    0n,
    1n,
    -1n,
    63n,
    -64n,
    64n,
    2n ** 31n - 1n,
    -(2n ** 31n),
    2n ** 41n,
    2n ** 42n,
    2n ** 48n - 1n,
    2n ** 48n,
    2n ** 49n,
    2n ** 51n - 1n,
    2n ** 51n,
    -(2n ** 51n),
    -(2n ** 51n) - 1n,
    2n ** 53n + 1n,
    2n ** 63n - 1n,
    -(2n ** 63n),
  ];

  it.each(edges.map((n) => [n]))('writes the I64 %s as the zigzag varint of the spec, and reads it back exactly', (n) => {
    const bytes = writeThriftStruct(struct(n, 0));
    expect([...bytes.subarray(1, 1 + reference(n).length)]).toEqual(reference(n));
    expect(readThriftStruct(bytes)).toEqual(struct(n, 0));
  });

  it('round-trips 32-bit integers at their ends, long field headers and lists past 15 items', () => {
    for (const i32 of [0, 1, -1, 2 ** 31 - 1, -(2 ** 31)]) {
      const value = struct(5n, i32, edges);
      const bytes = writeThriftStruct(value);
      expect(readThriftStruct(bytes)).toEqual(value);
      expect(writeThriftStruct(readThriftStruct(bytes))).toEqual(bytes);
    }
  });

  it('refuses a varint past 10 bytes', () => {
    expect(() => readThriftStruct(Uint8Array.from([0x16, ...Array(11).fill(0xff), 0x01, 0]))).toThrow(/too long/);
  });
});
