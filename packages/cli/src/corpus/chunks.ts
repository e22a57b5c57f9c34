/**
 * Where each chunk of a corpus starts: the unit of work of a worker, an Arrow record batch and a Parquet row group. The
 * plan depends on the sorted file labels only, never on `--jobs`, so neither do the bytes.
 */
export interface ChunkPlan {
  readonly length: number;
  /** The position of the first file of chunk `index`, in the sorted file list; `start(length)` is the number of files. */
  start(index: number): number;
}

/** Chunks of `size` files (the last one shorter). */
export function fixedChunks(files: number, size: number): ChunkPlan {
  return { length: Math.ceil(files / size), start: (index) => Math.min(index * size, files) };
}

/**
 * The average chunk for a corpus of `files` files: a 32nd of the corpus as a power of two, at least 8 and at most 64,
 * so a small corpus still keeps every worker busy and memory stays flat on a big one (chunks end at twice the
 * average at the latest: 128 files, the size measured flat in bench/RESULTS.md).
 */
export function averageChunk(files: number): number {
  let size = 8;
  while (size < 64 && size * 32 < files) size *= 2;
  return size;
}

/** FNV-1a of a label's UTF-16 code units: a cheap, stable hash that decides where chunks end. */
function labelHash(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Chunks whose ends are chosen by the files themselves: a chunk ends after a file whose label hashes to 0 modulo the
 * average size, or once it holds twice the average. Adding, changing or removing a file changes its own chunk (and
 * at most the chunks up to the next file that ends one), never the others, so an incremental build finds every
 * other chunk in its cache; a chunk of a fixed number of files would shift every chunk after the change.
 */
export function contentChunks(count: number, label: (i: number) => string): ChunkPlan {
  const average = averageChunk(count);
  const starts = [0];
  let size = 0;
  for (let i = 0; i < count; i++) {
    size++;
    if (i < count - 1 && (size >= 2 * average || labelHash(label(i)) % average === 0)) {
      starts.push(i + 1);
      size = 0;
    }
  }
  const begins = Uint32Array.from(count === 0 ? [] : starts);
  return { length: begins.length, start: (index) => (index < begins.length ? begins[index]! : count) };
}
