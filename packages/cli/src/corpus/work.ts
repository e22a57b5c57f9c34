import { CablepressError, type Code } from '@cablepress/core';
import { buildCable, cableRows, readSourceCable, type CableCandidates } from '@cablepress/pipeline';
import { encodeTablePart, type TablePart } from '@cablepress/publish';
import { allTables, fieldsOf, type OrganizationRow, type TableDef } from '@cablepress/validate';
import { cableKey, lookedUp, readCable, readCableFile, writeCable, writeChunk, type CacheRef } from './cache.js';

/**
 * How far a worker takes each cable: `parse` reads and parses it; `transform` also builds its core and fact rows;
 * `build` takes it through `buildCable` of `@cablepress/pipeline` (rows, schemas, cross-checks, its indicator candidates)
 * and sends the rows back to be written. The first two exist for the benchmark.
 */
export type Stage = 'parse' | 'transform' | 'build';

/** Rows of every table except indicators, which come from the corpus's TIP report cables together. */
export type CableRows = Record<string, Record<string, unknown>[]>;

/** A warning of the parser or of the cross-checks, as validation.json lists it. */
export interface CableFinding {
  code: string;
  severity: 'error' | 'warning';
  /** The first source span it concerns, as [char_start, char_end), or null. */
  span: [number, number] | null;
}

export interface CableDone {
  ok: true;
  cableId: string;
  bytes: number;
  /** Parser warnings and cross-check warnings, by code (for the `build` stage; parser warnings only before). */
  warnings: Record<string, number>;
  /** Present for the `build` stage. */
  rows?: CableRows;
  /** Every warning, in order (for the `build` stage). */
  findings?: CableFinding[];
  /** The cable's candidates for the generic TIP recipe's indicators when it is a TIP report (for the `build` stage). */
  tipCandidates?: CableCandidates | null;
}

export interface CableFailed {
  ok: false;
  bytes: number;
  code: Code;
  message: string;
}

export type CableResult = CableDone | CableFailed;

const tables = new Map<string, TableDef>(allTables.map((t) => [t.name, t as TableDef]));

/** Tables the main thread writes once every chunk is in: organizations merged across the corpus, indicators of its cables together. */
const MAIN_THREAD_TABLES = new Set(['organizations', 'indicators', 'indicator_candidates']);

function countCodes(findings: readonly { code: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
  return counts;
}

function failure(error: unknown, bytes: number): CableFailed {
  if (error instanceof CablepressError) return { ok: false, bytes, code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, bytes, code: 'INTERNAL', message: `cablepress could not process this file (a bug; please report it): ${message}` };
}

/**
 * Reads one cable file and takes it through extract and transform; never throws, a problem becomes a failure.
 * The read is synchronous: it runs in a worker thread, where blocking costs nothing and saves the round trips
 * of an asynchronous read through the libuv thread pool.
 */
export function processCable(file: string, label: string, stage: Stage): CableResult {
  const bytes = readCableFile(file);
  return typeof bytes === 'string' ? unreadable(bytes) : processCableBytes(bytes, label, stage);
}

/** A file that could not be read, with the system's error code. */
const unreadable = (code: string): CableFailed => ({ ok: false, bytes: 0, code: 'SOURCE_UNREADABLE', message: `the file cannot be read (${code}).` });

/** `processCable` on bytes already read. */
export function processCableBytes(bytes: Uint8Array, label: string, stage: Stage): CableResult {
  try {
    const source = readSourceCable(bytes, label);
    const { cable } = source;
    if (stage === 'parse') return { ok: true, cableId: cable.id, bytes: bytes.length, warnings: countCodes(cable.warnings) };
    if (stage === 'transform') {
      cableRows({ ...source, file: label });
      return { ok: true, cableId: cable.id, bytes: bytes.length, warnings: countCodes(cable.warnings) };
    }
    const built = buildCable({ ...source, file: label });
    const listed: CableFinding[] = built.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      span: f.spans?.[0] ? [f.spans[0].char_start, f.spans[0].char_end] : null,
    }));
    return {
      ok: true,
      cableId: cable.id,
      bytes: bytes.length,
      warnings: countCodes(built.findings),
      rows: built.rows,
      findings: listed,
      tipCandidates: built.tipCandidates,
    };
  } catch (error) {
    return failure(error, bytes.length);
  }
}

/** How the Parquet of the tables is partitioned: by the year of `created` or by `origin` (Hive-style folders). */
export type Partition = 'year' | 'origin';

/** A cable file of a chunk: its path and its label (path relative to the corpus root). */
export interface ChunkFile {
  file: string;
  label: string;
}

/**
 * What a chunk of cables gives: one outcome per file, in order, without the rows, which are in `parts`, except the
 * cable's organizations, which the main thread merges across the corpus cable by cable as a dataset build does.
 */
export type CableOutcome = CableFailed | (Omit<CableDone, 'rows'> & { created: string | null; organizations: OrganizationRow[]; partition?: string });

export interface ChunkResult {
  cables: CableOutcome[];
  /** Every table but organizations and indicators, encoded (the `build` stage). */
  parts?: Record<string, TablePart>;
  /** The chunk's key in the cache, when the build keeps one (see `processChunk`). */
  cacheKey?: string;
  /** True when the chunk was found in the cache rather than built. */
  fromCache?: boolean;
  /** With a cache: the keys of its cables' entries (see `cableKey`), which the build keeps. */
  cableKeys?: string[];
  /** With a cache, when the chunk was built: how many of its cables were built, the others being found in the cache. */
  cablesBuilt?: number;
}

/** The partition value of a cable: the year it was created, or its origin; Hive's default partition name when missing. */
export function partitionValue(partition: Partition, cable: Record<string, unknown> | undefined): string {
  const value = partition === 'year' ? (typeof cable?.created === 'string' ? cable.created.slice(0, 4) : null) : cable?.origin;
  return typeof value === 'string' && value.length > 0 ? value : '__HIVE_DEFAULT_PARTITION__';
}

/**
 * Takes a chunk of cable files through `processCable` and encodes the rows of the cables that worked (except the
 * positions in `exclude`, duplicates found by the caller) as one part per table: the work of the writers, done where
 * the rows are. Never throws for a bad cable; the chunk is the unit, so the files do not depend on the worker count.
 */
/**
 * `found` is the chunk already looked up in the cache (see `lookedUp`), by a worker that loads this module only when
 * a chunk has to be built.
 */
export function processChunk(files: readonly ChunkFile[], stage: Stage, options: ChunkOptions = {}, found = lookedUp(files, stage, options)): ChunkResult {
  if (!found) return buildChunk(files, stage, options);
  if (found.cached) return found.cached;
  const result = buildChunk(files, stage, options);
  writeChunk(options.cache!, found.key, result);
  return { ...result, cacheKey: found.key };
}

/** What `processChunk` leaves out of a chunk, how it partitions it, and the cache it reads and fills. */
export interface ChunkOptions {
  /** Positions of files to leave out of the parts (duplicates found by the caller); such a chunk is never cached. */
  exclude?: readonly number[];
  partition?: Partition;
  /**
   * A chunk cache: the chunk's key is the code version, the partitioning and every file's label and content hash (the
   * files are read and hashed first, one at a time); a chunk found under its key is not built again, one built is stored.
   * A chunk that is built looks each of its cables up as well (`cableKey`), so only the cables that changed are built
   * again and the chunk's tables are encoded from the rows of the others.
   */
  cache?: CacheRef;
}

/** A cable of a chunk, through the cache: what its entry holds, or built and stored. `keys` gets its key, and `built` counts it when it was built. */
function cachedCable(file: string, label: string, cache: CacheRef, keys: string[], built: { count: number }): CableResult {
  const bytes = readCableFile(file);
  if (typeof bytes === 'string') return unreadable(bytes);
  const key = cableKey(cache, label, bytes);
  keys.push(key);
  const found = readCable(cache, key);
  if (found) return found;
  built.count++;
  const result = processCableBytes(bytes, label, 'build');
  writeCable(cache, key, result);
  return result;
}

function buildChunk(files: readonly ChunkFile[], stage: Stage, options: ChunkOptions): ChunkResult {
  const exclude = new Set(options.exclude ?? []);
  const cables: CableOutcome[] = [];
  const tableRows = new Map<string, Record<string, unknown>[]>(allTables.filter((t) => !MAIN_THREAD_TABLES.has(t.name)).map((t) => [t.name, []]));
  const partitionOf = new Map<string, string>();
  const cache = stage === 'build' ? options.cache : undefined;
  const cableKeys: string[] = [];
  const built = { count: 0 };
  files.forEach(({ file, label }, position) => {
    const result = cache ? cachedCable(file, label, cache, cableKeys, built) : processCable(file, label, stage);
    if (!result.ok) return void cables.push(result);
    const { rows, ...done } = result;
    const created = rows?.cables?.[0]?.created;
    const partition = rows && options.partition ? partitionValue(options.partition, rows.cables?.[0]) : undefined;
    cables.push({
      ...done,
      created: typeof created === 'string' ? created : null,
      organizations: (rows?.organizations ?? []) as OrganizationRow[],
      ...(partition === undefined ? {} : { partition }),
    });
    if (!rows || exclude.has(position)) return;
    if (partition !== undefined) partitionOf.set(result.cableId, partition);
    for (const [name, list] of Object.entries(rows)) {
      if (!MAIN_THREAD_TABLES.has(name)) for (const row of list) tableRows.get(name)!.push(row);
    }
  });
  if (stage !== 'build') return { cables };
  const byCable = (row: Record<string, unknown>) => partitionOf.get(row.cable_id as string)!;
  const parts = Object.fromEntries([...tableRows].map(([name, rows]) => [name, encodeRows(tables.get(name)!, rows, options.partition, byCable)]));
  return cache ? { cables, parts, cableKeys, cablesBuilt: built.count } : { cables, parts };
}

/** One table's rows encoded as a part, its Parquet partitioned by cable when the corpus is partitioned and the table has a cable id. */
export function encodeRows(
  table: TableDef,
  rows: readonly Record<string, unknown>[],
  partition: Partition | undefined,
  byCable: (row: Record<string, unknown>) => string,
): TablePart {
  const partitioned = partition !== undefined && fieldsOf(table).some((f) => f.name === 'cable_id');
  return encodeTablePart(table, rows, partitioned ? byCable : undefined);
}
