/**
 * A generic reader and writer of the Thrift compact protocol, enough to rewrite a Parquet footer (FileMetaData)
 * without knowing its whole IDL: every struct is kept as its list of fields, in order, with their wire types, so
 * writing back what was read gives the same bytes. Spec: https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md
 */

/** Compact-protocol type ids. */
export const T = { TRUE: 1, FALSE: 2, BYTE: 3, I16: 4, I32: 5, I64: 6, DOUBLE: 7, BINARY: 8, LIST: 9, SET: 10, MAP: 11, STRUCT: 12 } as const;

export type ThriftValue = boolean | number | bigint | Uint8Array | ThriftList | ThriftMap | ThriftStruct;
export interface ThriftList {
  kind: 'list';
  /** LIST or SET. */
  type: number;
  elementType: number;
  items: ThriftValue[];
  /** Items already encoded (written as they are, instead of `items`): saves decoding what is only copied. */
  encoded?: Uint8Array[];
  /** How many items `encoded` holds, when its buffers are not one item each (e.g. items read back from a file). */
  encodedCount?: number;
}
export interface ThriftMap {
  kind: 'map';
  keyType: number;
  valueType: number;
  entries: [ThriftValue, ThriftValue][];
}
export interface ThriftField {
  id: number;
  /** Wire type; TRUE/FALSE both mean a bool. */
  type: number;
  value: ThriftValue;
}
export interface ThriftStruct {
  kind: 'struct';
  fields: ThriftField[];
}

class Reader {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  byte(): number {
    if (this.pos >= this.bytes.length) throw new RangeError('thrift: unexpected end of data');
    return this.bytes[this.pos++]!;
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.byte();
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 70n) throw new RangeError('thrift: varint too long');
    }
  }

  zigzag(): bigint {
    const n = this.varint();
    return (n >> 1n) ^ -(n & 1n);
  }

  value(type: number): ThriftValue {
    switch (type) {
      case T.TRUE:
        return true;
      case T.FALSE:
        return false;
      case T.BYTE:
        return this.byte();
      case T.I16:
      case T.I32:
        return Number(this.zigzag());
      case T.I64:
        return this.zigzag();
      case T.DOUBLE: {
        const v = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.pos, 8).getFloat64(0, true);
        this.pos += 8;
        return v;
      }
      case T.BINARY: {
        const length = Number(this.varint());
        const v = this.bytes.subarray(this.pos, this.pos + length);
        if (v.length !== length) throw new RangeError('thrift: binary runs past the end');
        this.pos += length;
        return v;
      }
      case T.LIST:
      case T.SET: {
        const header = this.byte();
        const size = header >> 4 === 15 ? Number(this.varint()) : header >> 4;
        const elementType = header & 0x0f;
        const items: ThriftValue[] = [];
        for (let i = 0; i < size; i++) items.push(elementType === T.TRUE || elementType === T.FALSE ? this.byte() === T.TRUE : this.value(elementType));
        return { kind: 'list', type, elementType, items };
      }
      case T.MAP: {
        const size = Number(this.varint());
        if (size === 0) return { kind: 'map', keyType: 0, valueType: 0, entries: [] };
        const types = this.byte();
        const [keyType, valueType] = [types >> 4, types & 0x0f];
        const entries: [ThriftValue, ThriftValue][] = [];
        for (let i = 0; i < size; i++) entries.push([this.value(keyType), this.value(valueType)]);
        return { kind: 'map', keyType, valueType, entries };
      }
      case T.STRUCT:
        return this.struct();
      default:
        throw new RangeError(`thrift: unknown type ${type}`);
    }
  }

  struct(): ThriftStruct {
    const fields: ThriftField[] = [];
    let last = 0;
    for (;;) {
      const header = this.byte();
      if (header === 0) return { kind: 'struct', fields };
      const type = header & 0x0f;
      const delta = header >> 4;
      const id = delta === 0 ? Number(this.zigzag()) : last + delta;
      fields.push({ id, type, value: this.value(type) });
      last = id;
    }
  }
}

class Writer {
  private chunks: number[] = [];
  private blobs: Uint8Array[] = [];

  private flushBytes(): void {
    if (this.chunks.length > 0) {
      this.blobs.push(Uint8Array.from(this.chunks));
      this.chunks = [];
    }
  }

  byte(b: number): void {
    this.chunks.push(b & 0xff);
  }

  varint(n: bigint): void {
    let v = n;
    while (v >= 0x80n) {
      this.byte(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.byte(Number(v));
  }

  zigzag(n: bigint): void {
    this.varint(n >= 0n ? n << 1n : (-n << 1n) - 1n);
  }

  value(type: number, value: ThriftValue): void {
    switch (type) {
      case T.TRUE:
      case T.FALSE:
        return;
      case T.BYTE:
        return this.byte(value as number);
      case T.I16:
      case T.I32:
        return this.zigzag(BigInt(value as number));
      case T.I64:
        return this.zigzag(value as bigint);
      case T.DOUBLE: {
        const b = new Uint8Array(8);
        new DataView(b.buffer).setFloat64(0, value as number, true);
        for (const x of b) this.byte(x);
        return;
      }
      case T.BINARY: {
        const bytes = value as Uint8Array;
        this.varint(BigInt(bytes.length));
        this.flushBytes();
        this.blobs.push(bytes);
        return;
      }
      case T.LIST:
      case T.SET: {
        const list = value as ThriftList;
        const size = list.encoded ? (list.encodedCount ?? list.encoded.length) : list.items.length;
        if (size < 15) this.byte((size << 4) | list.elementType);
        else {
          this.byte(0xf0 | list.elementType);
          this.varint(BigInt(size));
        }
        if (list.encoded) {
          this.flushBytes();
          this.blobs.push(...list.encoded);
          return;
        }
        for (const item of list.items) {
          if (list.elementType === T.TRUE || list.elementType === T.FALSE) this.byte(item ? T.TRUE : T.FALSE);
          else this.value(list.elementType, item);
        }
        return;
      }
      case T.MAP: {
        const map = value as ThriftMap;
        this.varint(BigInt(map.entries.length));
        if (map.entries.length === 0) return;
        this.byte((map.keyType << 4) | map.valueType);
        for (const [k, v] of map.entries) {
          this.value(map.keyType, k);
          this.value(map.valueType, v);
        }
        return;
      }
      case T.STRUCT:
        return this.struct(value as ThriftStruct);
      default:
        throw new RangeError(`thrift: unknown type ${type}`);
    }
  }

  struct(struct: ThriftStruct): void {
    let last = 0;
    for (const field of struct.fields) {
      const type = field.type === T.TRUE || field.type === T.FALSE ? (field.value ? T.TRUE : T.FALSE) : field.type;
      const delta = field.id - last;
      if (delta > 0 && delta <= 15) this.byte((delta << 4) | type);
      else {
        this.byte(type);
        this.zigzag(BigInt(field.id));
      }
      this.value(type, field.value);
      last = field.id;
    }
    this.byte(0);
  }

  bytes(): Uint8Array {
    this.flushBytes();
    return Buffer.concat(this.blobs);
  }
}

/** Reads one compact-protocol struct from the start of `bytes`. */
export function readThriftStruct(bytes: Uint8Array): ThriftStruct {
  return new Reader(bytes).struct();
}

/** Encodes a struct read by `readThriftStruct` (or built from one); round-trips byte for byte. */
export function writeThriftStruct(struct: ThriftStruct): Uint8Array {
  const writer = new Writer();
  writer.struct(struct);
  return writer.bytes();
}

/** The field `id` of a struct, or undefined. */
export function field(struct: ThriftStruct, id: number): ThriftField | undefined {
  return struct.fields.find((f) => f.id === id);
}
