import { parentPort } from 'node:worker_threads';
import { partBuffers } from '@cablepress/publish';
import type { CacheRef } from './cache.js';
import { processChunk, type ChunkFile, type Partition, type Stage } from './work.js';

/** A chunk of cables to process, numbered by its position in the sorted corpus. */
export interface Task {
  index: number;
  files: ChunkFile[];
  /** Positions of cables of the chunk to leave out (duplicates of cables read before). */
  exclude?: number[];
  stage: Stage;
  partition?: Partition;
  cache?: CacheRef;
}

parentPort!.on('message', (task: Task) => {
  const result = processChunk(task.files, task.stage, {
    ...(task.exclude ? { exclude: task.exclude } : {}),
    ...(task.partition ? { partition: task.partition } : {}),
    ...(task.cache ? { cache: task.cache } : {}),
  });
  // Parts read back from the cache share one buffer: each buffer is listed once.
  const transfer = [...new Set(Object.values(result.parts ?? {}).flatMap(partBuffers))];
  parentPort!.postMessage({ index: task.index, result }, transfer);
});
