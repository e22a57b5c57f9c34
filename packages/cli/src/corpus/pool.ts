import { setFlagsFromString } from 'node:v8';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { hasEntries, type CacheRef, type ChunkProbe } from './cache.js';
import type { ChunkFile, ChunkResult, Partition, Stage } from './work.js';
import type { Probe, Task } from './worker.js';

/** The chunks to run, by position: an array of chunks, or chunks made only when they are sent (`at` is called once a chunk). */
export interface Chunks {
  readonly length: number;
  at(index: number): readonly ChunkFile[] | undefined;
}

export interface PoolOptions {
  /** Number of worker threads. */
  jobs: number;
  stage: Stage;
  partition?: Partition;
  /** The chunk cache the workers read and fill. */
  cache?: CacheRef;
  /** Chunks in flight per worker, to hide message latency (default 2). */
  depth?: number;
  /** Old-generation heap cap of each worker, in MB (default `WORKER_HEAP_MB`). */
  workerHeapMb?: number;
}

/** A chunk sent again with some of its cables left out (duplicates): `exclude` holds their positions. */
interface Rerun {
  files: ChunkFile[];
  exclude: number[];
  resolve: (result: ChunkResult | undefined) => void;
}

/** Runs a chunk again on a worker without the cables at the `exclude` positions; undefined when its worker died. */
export type RerunChunk = (files: readonly ChunkFile[], exclude: readonly number[]) => Promise<ChunkResult | undefined>;

interface Slot {
  worker: Worker;
  busy: Map<number, ChunkFile[]>;
  /** Chunks it was asked to probe and has not answered for. */
  probing: Set<number>;
  /** Started without a heap cap, to retry the chunks of a worker that ran out of memory. */
  roomy: boolean;
}

/**
 * The old-generation heap cap of a worker, in MB. Without a cap, V8 let each worker's heap grow far past what a chunk
 * of 128 cables holds before collecting it (2 workers, 10,000 synthetic cables: peak RSS 430 MB without a cap, 367 MB
 * with this one, for about the same CPU time; 128 MB cost more CPU in garbage collection; see bench/RESULTS.md). A chunk that needs more (a
 * cable of several MB) makes its worker run out of memory; its chunks are then run again by a worker without a cap.
 * A `--max-old-space-size` in NODE_OPTIONS applies to every isolate and overrides this cap.
 */
export const WORKER_HEAP_MB = 192;

/**
 * How much V8 lets a heap grow past what was live after its last full collection, in percent, for the main thread and
 * the workers (V8 chooses 10 to 300 % from how fast the program allocates). A corpus build allocates fast and keeps
 * little, so V8 chose large factors and the main thread's heap grew with the corpus (50,000 synthetic cables, 2
 * workers, two interleaved pairs: peak RSS 436 and 438 MB by default, 379 and 383 MB at 20 %, for 145 and 130 s of
 * CPU against 140 and 134; see bench/RESULTS.md). It is a V8 flag, set for the whole process when the pool starts:
 * V8 reads it at every full collection.
 */
export const HEAP_GROWING_PERCENT = 20;

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

/** The options of the parent a worker refused (V8 heap flags such as `--max-old-space-size` are per process): not passed again. */
const refusedExecArgv = new Set<string>();

/**
 * A worker with the parent's Node options, less those Node refuses for a worker (it names them in the error: a
 * worker's heap is set by `resourceLimits` instead).
 */
function startWorker(resourceLimits: ResourceLimits): Worker {
  for (;;) {
    const execArgv = workerExecArgv().filter((arg) => !refusedExecArgv.has(arg));
    try {
      return new Worker(WORKER_URL, { execArgv, resourceLimits });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
      const named = execArgv.filter((arg) => (error as Error).message.includes(arg));
      if (named.length === 0) throw error;
      for (const arg of named) refusedExecArgv.add(arg);
    }
  }
}

/** Whether a worker stopped because it reached its heap cap (`resourceLimits`). */
function outOfMemory(error: Error): boolean {
  return (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** The result of a chunk whose worker died: every cable of it fails with WORKER_CRASHED. */
function crashed(files: readonly ChunkFile[], error: Error): ChunkResult {
  return { cables: files.map(() => ({ ok: false, bytes: 0, code: 'WORKER_CRASHED', message: `the worker reading this file stopped: ${error.message}` })) };
}

/**
 * Runs chunks of cables through worker threads and hands the results back in corpus order, whatever order the
 * workers finish in: `onResult` is awaited for chunk 0, then 1, and so on, so what it writes never depends on the
 * number of workers or on timing. Each chunk goes to the least busy worker; at most `depth` chunks are queued in a
 * worker, and the workers may run ahead of the next result to hand over by `2 * jobs * depth` chunks, so a slow chunk
 * does not leave the other workers idle. A worker that runs out of memory under its heap cap is replaced by one
 * without a cap, which runs its chunks again (so the bytes are the same as if it had not); a worker that dies
 * otherwise, or without a cap, fails the cables it held (WORKER_CRASHED) and is replaced. `onResult` may send a chunk
 * again without some of its cables (`rerun`): it goes to the least busy worker, so the main thread builds nothing.
 * With a cache that holds entries, every chunk is probed first (its files hashed, its entry looked for; see
 * `probeChunk`) and the chunks the cache lacks are sent first (as many as the window holds) to one worker, so building
 * them overlaps the reading and hand-over of the chunks found by the others, instead of holding the hand-over up when
 * its turn comes; a found chunk is then read under the key of its probe.
 */
export async function runPool(
  chunks: Chunks,
  options: PoolOptions,
  onResult: (index: number, result: ChunkResult, rerun: RerunChunk) => Promise<void> | void,
): Promise<void> {
  const depth = options.depth ?? 2;
  const window = Math.max(1, options.jobs) * depth * 2;
  const done = new Map<number, ChunkResult>();
  const slots: Slot[] = [];
  let nextToSend = 0;
  let nextToHand = 0;
  let handing = false;
  const reruns = new Map<number, Rerun>();
  let nextRerun = -1;
  let settle!: (error?: unknown) => void;
  const finished = new Promise<void>((resolve, reject) => (settle = (error) => (error === undefined ? resolve() : reject(error))));

  /** Keys of the chunks a probe found in the cache; chunks to build first (sent before `nextToSend`, whatever the window). */
  const foundKeys = new Map<number, string>();
  const early: number[] = [];
  const sentEarly = new Set<number>();

  const filesOf = (index: number) => chunks.at(index)!.map(({ file, label }) => ({ file, label }));

  const dispatch = () => {
    // One worker builds the missing chunks; the others read the found ones meanwhile, in order.
    while (early.length > 0 && slots[0]!.busy.size < depth) {
      const slot = slots[0]!;
      const index = early.shift()!;
      sentEarly.add(index);
      send(slot, index, filesOf(index));
    }
    while (nextToSend < chunks.length && nextToSend < nextToHand + window) {
      if (sentEarly.delete(nextToSend)) {
        nextToSend++;
        continue;
      }
      const slot = leastBusy();
      if (slot.busy.size >= depth) return;
      const index = nextToSend++;
      send(slot, index, filesOf(index));
    }
  };

  const send = (slot: Slot, index: number, files: ChunkFile[]) => {
    slot.busy.set(index, files);
    const exclude = reruns.get(index)?.exclude;
    const key = foundKeys.get(index);
    slot.worker.postMessage({
      index,
      files,
      ...(exclude ? { exclude } : {}),
      stage: options.stage,
      ...(options.partition ? { partition: options.partition } : {}),
      ...(options.cache ? { cache: options.cache } : {}),
      ...(key ? { key } : {}),
    } satisfies Task);
  };

  /** Probes every chunk (spread over the workers), then queues the first chunks the cache lacks to be sent first. */
  let probed!: () => void;
  const probesDone = new Promise<void>((resolve) => (probed = resolve));
  let unanswered = 0;
  const missing: number[] = [];
  const answer = (slot: Slot, index: number, found: ChunkProbe | undefined) => {
    if (!slot.probing.delete(index)) return;
    if (found?.found) foundKeys.set(index, found.key);
    else if (found) missing.push(index);
    if (--unanswered > 0) return;
    early.push(...missing.sort((a, b) => a - b).slice(0, window));
    probed();
  };
  const probeAll = async (cache: CacheRef) => {
    unanswered = chunks.length;
    for (let index = 0; index < chunks.length; index++) {
      const slot = slots[index % slots.length]!;
      slot.probing.add(index);
      slot.worker.postMessage({
        probe: true,
        index,
        files: filesOf(index),
        cache,
        ...(options.partition ? { partition: options.partition } : {}),
        builder: slot === slots[0],
      } satisfies Probe);
    }
    await probesDone;
  };

  const hand = async () => {
    if (handing) return;
    handing = true;
    try {
      while (done.has(nextToHand)) {
        const result = done.get(nextToHand)!;
        done.delete(nextToHand);
        await onResult(nextToHand, result, rerun);
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

  const leastBusy = (): Slot => slots.reduce((best, slot) => (slot.busy.size < best.busy.size ? slot : best));

  const rerun: RerunChunk = (files, exclude) =>
    new Promise((resolve) => {
      const index = nextRerun--;
      reruns.set(index, { files: [...files], exclude: [...exclude], resolve });
      send(leastBusy(), index, [...files]);
    });

  /** A rerun's result goes back to the chunk that asked for it, not into the chunks handed in order. */
  const finishRerun = (index: number, result: ChunkResult | undefined): boolean => {
    const pending = reruns.get(index);
    if (!pending) return false;
    reruns.delete(index);
    pending.resolve(result);
    return true;
  };

  const spawn = (roomy = false): Slot => {
    const resourceLimits = roomy ? {} : { maxOldGenerationSizeMb: options.workerHeapMb ?? WORKER_HEAP_MB };
    const slot: Slot = { worker: startWorker(resourceLimits), busy: new Map(), probing: new Set(), roomy };
    slot.worker.on('message', (message: { index: number; result: ChunkResult } | { index: number; probe: ChunkProbe }) => {
      if ('probe' in message) return answer(slot, message.index, message.probe);
      slot.busy.delete(message.index);
      if (finishRerun(message.index, message.result)) return dispatch();
      done.set(message.index, message.result);
      dispatch();
      void hand();
    });
    slot.worker.on('error', (error) => {
      const retry = outOfMemory(error) && !slot.roomy;
      const replacement = spawn(retry);
      slots[slots.indexOf(slot)] = replacement;
      // A probe not answered is only a chunk not known to be missing: it is sent in its turn.
      for (const index of [...slot.probing]) answer(slot, index, undefined);
      for (const [index, files] of slot.busy) {
        if (retry) send(replacement, index, files);
        else if (!finishRerun(index, undefined)) done.set(index, crashed(files, error));
      }
      slot.busy.clear();
      dispatch();
      void hand();
    });
    return slot;
  };

  if (chunks.length === 0) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  for (let i = 0; i < Math.max(1, options.jobs); i++) slots.push(spawn());
  // An empty cache (a first build) has nothing to probe for: every chunk is built, in turn.
  if (options.cache && options.stage === 'build' && hasEntries(options.cache)) await probeAll(options.cache);
  dispatch();
  try {
    await finished;
  } finally {
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
