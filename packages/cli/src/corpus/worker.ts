import { parentPort } from 'node:worker_threads';
import { partBuffers } from '@cablepress/publish';
import { processChunk, type ChunkFile, type Partition, type Stage } from './work.js';

/** A chunk of cables to process, numbered by its position in the sorted corpus. */
export interface Task {
  index: number;
  files: ChunkFile[];
  stage: Stage;
  partition?: Partition;
}

parentPort!.on('message', (task: Task) => {
  const result = processChunk(task.files, task.stage, task.partition ? { partition: task.partition } : {});
  const transfer = Object.values(result.parts ?? {}).flatMap(partBuffers);
  parentPort!.postMessage({ index: task.index, result }, transfer);
});
