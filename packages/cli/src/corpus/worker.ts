import { parentPort } from 'node:worker_threads';
import { processCable, type Stage } from './work.js';

/** A cable to process, numbered by its position in the sorted corpus. */
export interface Task {
  index: number;
  file: string;
  label: string;
  stage: Stage;
}

parentPort!.on('message', (task: Task) => {
  parentPort!.postMessage({ index: task.index, result: processCable(task.file, task.label, task.stage) });
});
