import path from 'node:path';
import type { CorpusFile } from './files.js';

/**
 * The sorted files of a corpus, packed for the length of a build: their labels in one string, where each ends and
 * each size in typed arrays, and the folder the labels are relative to. An array of `CorpusFile` objects held about
 * 200 bytes a file on the main thread (50 MB at 250,000 files); this holds the label's characters and 12 bytes.
 */
export class PackedFiles {
  readonly length: number;
  /** Their total size. */
  readonly bytes: number;
  private readonly root: string;
  private readonly labels: string;
  private readonly ends: Uint32Array;
  private readonly sizes: Float64Array;

  /** `files` as `listCorpusFiles` gives them: every label is the path of its file relative to one folder. */
  constructor(files: readonly CorpusFile[]) {
    this.length = files.length;
    const first = files[0];
    this.root = first ? first.file.slice(0, first.file.length - first.label.length) : '';
    this.labels = files.map((f) => f.label).join('');
    this.ends = new Uint32Array(files.length);
    this.sizes = new Float64Array(files.length);
    let end = 0;
    let bytes = 0;
    files.forEach((f, i) => {
      bytes += f.bytes;
      end += f.label.length;
      this.ends[i] = end;
      this.sizes[i] = f.bytes;
    });
    this.bytes = bytes;
  }

  label(i: number): string {
    return this.labels.slice(i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }

  /** Files `start` to `end` (excluded) as `CorpusFile` objects again. */
  slice(start: number, end: number): CorpusFile[] {
    const out: CorpusFile[] = [];
    for (let i = start; i < Math.min(end, this.length); i++) {
      const label = this.label(i);
      out.push({ file: path.join(this.root, label), label, bytes: this.sizes[i]! });
    }
    return out;
  }
}

const utf8 = new TextEncoder();

/** FNV-1a over bytes. */
function hashOf(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return h >>> 0;
}

/**
 * Cable ids, each with the number of the file it was first read from, in an open-addressing hash table of typed
 * arrays: the ids' UTF-8 bytes sit one after another in one growing buffer and every lookup compares the full id, so
 * two ids with the same hash are never taken for one. About 36 bytes a cable, where a `Map` of id strings to labels
 * held about 70.
 */
export class CableIdSet {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private ends = new Uint32Array(1024);
  private files = new Uint32Array(1024);
  /** Entry number + 1 for each slot, 0 when free; kept at most half full. */
  private slots = new Uint32Array(2048);
  private count = 0;

  get size(): number {
    return this.count;
  }

  private idAt(entry: number): Uint8Array {
    return this.bytes.subarray(entry === 0 ? 0 : this.ends[entry - 1], this.ends[entry]);
  }

  /** The slot of the id `key`, or the free slot where it belongs. */
  private slotOf(key: Uint8Array, slots: Uint32Array): number {
    const mask = slots.length - 1;
    for (let slot = hashOf(key) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0 || same(this.idAt(entry - 1), key)) return slot;
    }
  }

  /** The file number `id` was first added with, or undefined after adding it now with `file`. */
  addOrGet(id: string, file: number): number | undefined {
    const key = utf8.encode(id);
    const slot = this.slotOf(key, this.slots);
    const entry = this.slots[slot]!;
    if (entry !== 0) return this.files[entry - 1];
    this.make(key.length);
    this.bytes.set(key, this.used);
    this.used += key.length;
    this.ends[this.count] = this.used;
    this.files[this.count] = file;
    this.count++;
    if (this.count * 2 > this.slots.length) this.rehash();
    else this.slots[slot] = this.count;
    return undefined;
  }

  /** Room for one more entry of `length` bytes. */
  private make(length: number): void {
    if (this.used + length > this.bytes.length) this.bytes = grown(this.bytes, Math.max(this.bytes.length * 2, this.used + length));
    if (this.count === this.ends.length) {
      this.ends = grown(this.ends, this.ends.length * 2);
      this.files = grown(this.files, this.files.length * 2);
    }
  }

  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    for (let entry = 0; entry < this.count; entry++) slots[this.slotOf(this.idAt(entry), slots)] = entry + 1;
    this.slots = slots;
  }
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function grown<T extends Uint8Array | Uint32Array>(array: T, length: number): T {
  const out = new (array.constructor as new (n: number) => T)(length);
  out.set(array);
  return out;
}
