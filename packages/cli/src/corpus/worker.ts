import { parentPort } from 'node:worker_threads';
import type { TablePart } from '@cablepress/publish';
import { lookedUp, probeChunk, type CacheRef } from './cache.js';
import type { ChunkFile, ChunkResult, Partition, Stage } from './work.js';

/** A chunk of cables to process, numbered by its position in the sorted corpus. */
export interface Task {
  index: number;
  files: ChunkFile[];
  /** Positions of cables of the chunk to leave out (duplicates of cables read before). */
  exclude?: number[];
  stage: Stage;
  partition?: Partition;
  cache?: CacheRef;
  /** The key under which a probe found the chunk in the cache. */
  key?: string;
}

/** Asks whether the cache holds a chunk (see `probeChunk`); answered with `{ index, probe }`. */
export interface Probe {
  probe: true;
  index: number;
  files: ChunkFile[];
  partition?: Partition;
  cache: CacheRef;
  /** True for the worker that builds the missing chunks: it loads the building code as soon as one is found. */
  builder: boolean;
}

/** The building code (parser, pipeline, encoders), loaded at the first chunk the cache does not hold. */
let building: Promise<typeof import('./work.js')> | undefined;

/** The buffers of a part, to transfer it to the main thread without copying (parts read from the cache share one). */
function partBuffers(part: TablePart): ArrayBuffer[] {
  return [part.csv, part.arrow, ...part.parquet.map((p) => p.bytes)].map((b) => b.buffer as ArrayBuffer).filter((b) => b.byteLength > 0);
}

async function run(task: Task): Promise<ChunkResult> {
  const options = {
    ...(task.exclude ? { exclude: task.exclude } : {}),
    ...(task.partition ? { partition: task.partition } : {}),
    ...(task.cache ? { cache: task.cache } : {}),
  };
  const found = lookedUp(task.files, task.stage, options, task.key);
  if (found?.cached) return found.cached;
  building ??= import('./work.js');
  return (await building).processChunk(task.files, task.stage, options, found);
}

parentPort!.on('message', (task: Task | Probe) => {
  if ('probe' in task) {
    const probe = probeChunk(task.files, task.cache, task.partition);
    // A chunk to build is coming: load the building code while the other chunks are probed.
    if (!probe.found && task.builder) building ??= import('./work.js');
    return parentPort!.postMessage({ index: task.index, probe });
  }
  void run(task).then((result) => {
    const transfer = [...new Set(Object.values(result.parts ?? {}).flatMap(partBuffers))];
    parentPort!.postMessage({ index: task.index, result }, transfer);
  });
});
