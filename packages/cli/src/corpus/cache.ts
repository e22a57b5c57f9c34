import { createHash } from 'node:crypto';
import { InputError, makeDirs } from '@cablepress/core';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { isCableEntry, isChunkEntry } from './cache-entries.js';
import type { CableResult, ChunkFile, ChunkOptions, ChunkResult, Partition, Stage } from './work.js';

/** Bumped when what a cache entry holds changes shape. */
const FORMAT = 'cablepress-chunk-cache-2';
/** A chunk's entry (its outcomes and encoded parts) or a cable's (what `processCableBytes` gave for it). */
const ENTRY = /^[0-9a-f]{64}\.(chunk|cable)$/;
const CHUNK_ENTRY = /^[0-9a-f]{64}\.chunk$/;
type EntryKind = 'chunk' | 'cable';

/** The packages folder of this installation (`packages/cli/dist/corpus/` → `packages/`). */
const PACKAGES = fileURLToPath(new URL('../../../', import.meta.url));

function hashTree(hash: ReturnType<typeof createHash>, dir: string, rel: string): void {
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) hashTree(hash, file, `${rel}/${name}`);
    else hash.update(`${rel}/${name}\u0000`).update(readFileSync(file)).update('\u0000');
  }
}

let version: string | undefined;

/**
 * A digest of everything that makes a chunk's bytes besides its files: the compiled code and the data files (word
 * lists, dictionaries, the TIP recipe) of every package, and the lock file that pins the encoders (apache-arrow,
 * parquet-wasm). Any change to them makes every cache entry stale.
 */
export function codeVersion(): string {
  if (version) return version;
  const hash = createHash('sha256').update(FORMAT);
  for (const pkg of readdirSync(PACKAGES).sort()) {
    for (const folder of ['dist', 'data', 'package.json']) {
      const at = path.join(PACKAGES, pkg, folder);
      if (!existsSync(at)) continue;
      if (statSync(at).isDirectory()) hashTree(hash, at, `${pkg}/${folder}`);
      else hash.update(`${pkg}/${folder}\u0000`).update(readFileSync(at));
    }
  }
  const lock = path.join(PACKAGES, '..', 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  version = hash.digest('hex');
  return version;
}

/** What a worker needs to use the cache: its folder and the code version the main thread computed. */
export interface CacheRef {
  dir: string;
  version: string;
}

/** The sha256 of a file's bytes, in hex: what both kinds of key hold of a file. */
const digestOf = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

/** The key of a chunk: the code version, the partitioning, and each file's label and content hash (or why it could not be read). */
export function chunkKey(cache: CacheRef, partition: Partition | undefined, files: readonly { label: string; content: Uint8Array | string }[]): string {
  const hash = createHash('sha256').update(`${FORMAT}\u0000${cache.version}\u0000${partition ?? ''}\u0000`);
  for (const f of files) {
    const content = typeof f.content === 'string' ? `unreadable:${f.content}` : digestOf(f.content);
    hash.update(`${f.label}\u0000${content}\u0000`);
  }
  return hash.digest('hex');
}

/** The key of one cable: the code version, its file's label (its rows name the file) and the sha256 of its bytes. */
export function cableKey(cache: CacheRef, label: string, content: Uint8Array): string {
  return createHash('sha256')
    .update(`${FORMAT}\u0000cable\u0000${cache.version}\u0000${label}\u0000${digestOf(content)}`)
    .digest('hex');
}

/** A cable file's bytes, or the system error code that kept them from being read. */
export function readCableFile(file: string): Uint8Array | string {
  try {
    return readFileSync(file);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EIO';
  }
}

/**
 * A chunk looked up in the cache: its key (the files are read and hashed first, one at a time), and, if the cache has
 * it, the chunk's result as the build takes it (with its key, marked as found in the cache).
 */
export interface ChunkLookup {
  key: string;
  cached: ChunkResult | undefined;
}

const entryFile = (cache: CacheRef, key: string, kind: EntryKind = 'chunk') => path.join(cache.dir, `${key}.${kind}`);

/** The key of a chunk's files as they are now (each file read and hashed, one at a time). */
function keyOf(files: readonly ChunkFile[], cache: CacheRef, partition: Partition | undefined): string {
  return chunkKey(
    cache,
    partition,
    files.map(({ file, label }) => ({ label, content: readCableFile(file) })),
  );
}

/**
 * The chunk looked up in the cache, when there is one and the chunk may be cached (a built chunk without exclusions).
 * `known` is the key a probe found in the cache (`probeChunk`), which saves hashing the files again; when its entry
 * is gone, the files are hashed as usual.
 */
export function lookedUp(files: readonly ChunkFile[], stage: Stage, options: ChunkOptions, known?: string): ChunkLookup | undefined {
  if (!options.cache || stage !== 'build' || (options.exclude?.length ?? 0) > 0) return undefined;
  const first = known === undefined ? undefined : readChunk(options.cache, known, files.length);
  const key = first ? known! : keyOf(files, options.cache, options.partition);
  const entry = first ?? readChunk(options.cache, key, files.length);
  return { key, cached: entry && { ...entry, cacheKey: key, fromCache: true } };
}

/** A chunk's key and whether the cache holds an entry under it. */
export interface ChunkProbe {
  key: string;
  found: boolean;
}

/** Whether the cache holds a chunk, and its key, without reading the entry: what a build asks first, to build the missing chunks early. */
export function probeChunk(files: readonly ChunkFile[], cache: CacheRef, partition: Partition | undefined): ChunkProbe {
  const key = keyOf(files, cache, partition);
  return { key, found: existsSync(entryFile(cache, key)) };
}

/** An entry's value, or undefined when there is none or it cannot be read (then it is built again). */
function readEntry(file: string): unknown {
  try {
    // Read into an ArrayBuffer of its own: a chunk's parts are views into it and are transferred to the main thread,
    // which Node refuses for the buffers of its own pool.
    const bytes = readFileSync(file);
    return deserialize(new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
  } catch {
    return undefined;
  }
}

/** Stores an entry; written under a temporary name and renamed, so a killed build never leaves half an entry. */
function writeEntry(file: string, value: unknown): void {
  const part = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  try {
    writeFileSync(part, serialize(value));
    renameSync(part, file);
  } catch {
    rmSync(part, { force: true });
  }
}

/** The cached result of a chunk of `files` files, or undefined when there is none or it cannot be read or used (then the chunk is built again). */
export function readChunk(cache: CacheRef, key: string, files: number): ChunkResult | undefined {
  const entry = readEntry(entryFile(cache, key));
  return isChunkEntry(entry, files) ? entry : undefined;
}

/** Stores a chunk's result. */
export function writeChunk(cache: CacheRef, key: string, result: ChunkResult): void {
  writeEntry(entryFile(cache, key), result);
}

/** What a cable gave when it was built (under `cableKey`), or undefined. */
export function readCable(cache: CacheRef, key: string): CableResult | undefined {
  const entry = readEntry(entryFile(cache, key, 'cable'));
  return isCableEntry(entry) ? entry : undefined;
}

/** Stores what a cable gave, so that a chunk built again for another of its cables does not build this one again. */
export function writeCable(cache: CacheRef, key: string, result: CableResult): void {
  writeEntry(entryFile(cache, key, 'cable'), result);
}

/** Creates the cache folder when missing; a path that cannot be a folder, or a folder that cannot be read, is a typed error naming it. */
export async function openCache(dir: string): Promise<CacheRef> {
  await makeDirs(dir);
  try {
    readdirSync(dir);
  } catch (error) {
    throw new InputError(
      'OUTPUT_DIR',
      `the cache folder ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
      { file: dir },
      'Give --cache a folder you can read and write, or leave --cache out.',
    );
  }
  return { dir, version: codeVersion() };
}

/** Whether the cache holds any chunk (a first build has nothing to look for). */
export function hasEntries(cache: CacheRef): boolean {
  return readdirSync(cache.dir).some((name) => CHUNK_ENTRY.test(name));
}

/**
 * Deletes every entry the last build did not use (and leftovers of killed writes), so the cache holds one corpus. It
 * runs after the dataset is committed and only saves room: an entry that cannot be deleted (or a cache folder gone
 * meanwhile) is left for the next build to prune, never a failure of this one.
 */
export function pruneCache(cache: CacheRef, used: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(cache.dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!(ENTRY.test(name) ? !used.has(name.slice(0, 64)) : name.endsWith('.part'))) continue;
    try {
      rmSync(path.join(cache.dir, name), { force: true });
    } catch {
      // left for the next build
    }
  }
}
