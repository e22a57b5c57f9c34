import { Worker } from 'node:worker_threads';
import type { ChunkFile, ChunkResult, Partition, Stage } from './work.js';
import type { Task } from './worker.js';

export interface PoolOptions {
  /** Number of worker threads. */
  jobs: number;
  stage: Stage;
  partition?: Partition;
  /** Chunks in flight per worker, to hide message latency (default 2). */
  depth?: number;
}

interface Slot {
  worker: Worker;
  busy: Map<number, ChunkFile[]>;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Node options for the workers: the parent's, except `--input-type`, which a worker started from a file refuses. */
function workerExecArgv(): string[] {
  const out: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const arg = process.execArgv[i]!;
    if (arg === '--input-type') i++;
    else if (!arg.startsWith('--input-type=')) out.push(arg);
  }
  return out;
}

/** The result of a chunk whose worker died: every cable of it fails with WORKER_CRASHED. */
function crashed(files: readonly ChunkFile[], error: Error): ChunkResult {
  return { cables: files.map(() => ({ ok: false, bytes: 0, code: 'WORKER_CRASHED', message: `the worker reading this file stopped: ${error.message}` })), organizations: [] };
}

/**
 * Runs chunks of cables through worker threads and hands the results back in corpus order, whatever order the
 * workers finish in: `onResult` is awaited for chunk 0, then 1, and so on, so what it writes never depends on the
 * number of workers or on timing. Each chunk goes to the least busy worker; at most `depth` chunks are queued in a
 * worker, and the workers may run ahead of the next result to hand over by `2 * jobs * depth` chunks, so a slow chunk
 * does not leave the other workers idle. A worker that dies fails the cables it held (WORKER_CRASHED) and is replaced.
 */
export async function runPool(
  chunks: readonly (readonly ChunkFile[])[],
  options: PoolOptions,
  onResult: (index: number, result: ChunkResult) => Promise<void> | void,
): Promise<void> {
  const depth = options.depth ?? 2;
  const window = Math.max(1, options.jobs) * depth * 2;
  const done = new Map<number, ChunkResult>();
  const slots: Slot[] = [];
  let nextToSend = 0;
  let nextToHand = 0;
  let handing = false;
  let settle!: (error?: unknown) => void;
  const finished = new Promise<void>((resolve, reject) => (settle = (error) => (error === undefined ? resolve() : reject(error))));

  const dispatch = () => {
    while (nextToSend < chunks.length && nextToSend < nextToHand + window) {
      let slot = slots[0]!;
      for (const other of slots) if (other.busy.size < slot.busy.size) slot = other;
      if (slot.busy.size >= depth) return;
      const index = nextToSend++;
      const files = chunks[index]!.map(({ file, label }) => ({ file, label }));
      slot.busy.set(index, files);
      slot.worker.postMessage({ index, files, stage: options.stage, ...(options.partition ? { partition: options.partition } : {}) } satisfies Task);
    }
  };

  const hand = async () => {
    if (handing) return;
    handing = true;
    try {
      while (done.has(nextToHand)) {
        const result = done.get(nextToHand)!;
        done.delete(nextToHand);
        await onResult(nextToHand, result);
        nextToHand++;
        dispatch();
      }
      if (nextToHand >= chunks.length) settle();
    } catch (error) {
      settle(error);
    } finally {
      handing = false;
    }
  };

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(WORKER_URL, { execArgv: workerExecArgv() }), busy: new Map() };
    slot.worker.on('message', (message: { index: number; result: ChunkResult }) => {
      slot.busy.delete(message.index);
      done.set(message.index, message.result);
      dispatch();
      void hand();
    });
    slot.worker.on('error', (error) => {
      for (const [index, files] of slot.busy) done.set(index, crashed(files, error));
      slot.busy.clear();
      slots[slots.indexOf(slot)] = spawn();
      dispatch();
      void hand();
    });
    return slot;
  };

  if (chunks.length === 0) return;
  for (let i = 0; i < Math.max(1, options.jobs); i++) slots.push(spawn());
  dispatch();
  try {
    await finished;
  } finally {
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
