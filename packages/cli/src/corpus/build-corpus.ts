import { checkPackageFieldLengths, InputError, isDatasetName, LIMITS, makeDirs, epochDate, readChangelog, readTextInside } from '@cablepress/core';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { checkTables, decideTipReports, failOnErrors } from '@cablepress/pipeline';
import { createdFromEnvironment, DatasetStreamWriter } from '@cablepress/publish';
import { indicatorCandidatesTable, indicatorsTable } from '@cablepress/validate';
import type { Io } from '../io.js';
import { listCorpusFiles } from './files.js';
import { PackedFiles } from './packed.js';
import { runPool } from './pool.js';
import { openCache, pruneCache } from './cache.js';
import { contentChunks, fixedChunks } from './chunks.js';
import { Progress } from './progress.js';
import { ChunkIntake, type Failure } from './intake.js';
import { encodeRows, type Partition } from './work.js';
import { JsonListFile } from './json-list.js';

export interface CorpusBuildOptions {
  /** Folder, glob or single file of cables, relative to `io.cwd`. */
  corpus: string;
  /** Dataset folder to write, relative to `io.cwd`; created when missing. */
  out: string;
  /** Worker threads. */
  jobs: number;
  /** Files larger than this many bytes are listed as failures (`INPUT_TOO_LARGE`) without being read. */
  maxInputBytes?: number;
  /** Show progress on stderr. */
  progress: boolean;
  /** Write each table's Parquet as a Hive-style folder partitioned by the cable's year or origin. */
  partition?: Partition;
  /** Cables per chunk: the unit of work of a worker, an Arrow record batch and a Parquet row group (default: chunks of `contentChunks`). */
  chunkCables?: number;
  /**
   * A folder that keeps the result of every chunk, keyed by the content of its files and the code version: a rebuild
   * builds only the chunks whose files changed and gives the bytes of a clean build. Entries the build did not use are
   * deleted at its end. Left out (the default, and what releases use), every cable is built. The corpus listing never
   * enters it, so it may sit inside the corpus folder.
   */
  cache?: string;
  /** Old-generation heap cap of each worker thread, in MB (default `WORKER_HEAP_MB`); a chunk that needs more is run again without one. */
  workerHeapMb?: number;
  /** Seconds between two plain progress lines when stderr is not a terminal (default 5). */
  progressEvery?: number;
}

export interface CorpusSummary {
  dataset: string;
  version: string;
  out: string;
  files: number;
  cables: number;
  failed: number;
  bytes: number;
  seconds: number;
  jobs: number;
  cablesPerSecond: number;
  mbPerSecond: number;
  warnings: number;
  /** Warnings by code, codes in alphabetical order. */
  warningCodes: Record<string, number>;
  rows: Record<string, number>;
  /** The first failures (all of them are in failures.json). */
  failures: Failure[];
  /**
   * With --cache: how many chunks of cables the corpus had, how many of them were found in the cache (the others were
   * built), and how many cables were built (the other cables of the chunks built were found in the cache).
   */
  cache?: { chunks: number; found: number; cablesBuilt: number };
}

export type { Failure } from './intake.js';

export const FAILURES_FILE = 'failures.json';
export const VALIDATION_FILE = 'validation.json';
const FAILURES_DESCRIPTION =
  'Files of the corpus that gave no rows (not a cable, unreadable, or a duplicate of a cable already read), with an error code and message.';
const VALIDATION_DESCRIPTION =
  'Warnings of the parser and of the cross-checks over the cables that were built, one per line with the cable id, code, severity and source span (char_start, char_end), then counted by code (a cable with a cross-check error is in failures.json instead).';

interface DatasetMeta {
  name: string;
  version: string;
  title: string;
  description: string | undefined;
  license: string;
  changelog: string | undefined;
}

async function readMeta(dir: string): Promise<DatasetMeta> {
  const name = path.basename(dir);
  if (!isDatasetName(name)) {
    throw new InputError(
      'DATASET_NAME',
      `dataset folder name "${name}" must use only lowercase letters, digits and hyphens, and not be a Windows device name (con, prn, aux, nul, com1-9, lpt1-9).`,
      { file: dir },
      'Pick an --out folder such as datasets/tip-corpus.',
    );
  }
  let pkg: { version?: string; description?: string; license?: string; cablepress?: { title?: string } } = {};
  const file = path.join(dir, 'package.json');
  try {
    const text = await readTextInside(file, dir, {
      maxBytes: LIMITS.packageJson,
      tooLargeHint: 'A dataset package.json holds a few fields; give a new --out folder.',
    });
    const parsed: unknown = text === undefined ? {} : JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new InputError('DATASET_INVALID', 'package.json is not a JSON object.', { file }, "Fix the --out folder's package.json, or give a new folder.");
    }
    pkg = parsed as typeof pkg;
  } catch (error) {
    if (error instanceof InputError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new InputError(
        'DATASET_INVALID',
        `package.json is not valid JSON (${(error as Error).message}).`,
        { file },
        "Fix the JSON of the --out folder's package.json, or give a new folder.",
      );
    }
  }
  checkPackageFieldLengths(pkg, file);
  return {
    name,
    version: pkg.version ?? '0.1.0',
    title: pkg.cablepress?.title ?? `Cable corpus ${name}`,
    description: pkg.description,
    license: pkg.license ?? 'CC0-1.0',
    changelog: await readChangelog(dir),
  };
}

const PREPARATION = [
  'Every file of the corpus was read by cablepress in corpus mode (`cablepress build --corpus`): files sorted by path,',
  'format detected from the content, parsed by `@cablepress/extract`, turned into tables and facts by `@cablepress/transform`',
  'and checked row by row against the zod schemas of `@cablepress/validate`, in parallel worker threads that each took a',
  'chunk of cables (up to 128, ends chosen by the file names) and encoded it as CSV lines, one Arrow record batch and one Parquet row group per table; the chunks',
  'were appended in file order, so the bytes never depend on the number of workers. Organizations are merged across',
  'cables. The checks of a dataset build (schemas, then the cross-checks of `@cablepress/validate`) ran on every cable: a',
  `cable with an error is left out and listed in \`${FAILURES_FILE}\` (code \`CHECKS_FAILED\`); warnings are listed per cable and`,
  `counted by code in \`${VALIDATION_FILE}\`. The indicators come from the generic TIP recipe over the cables that are TIP`,
  'reports, grouped by country and reporting year, as in a dataset build without a recipe.',
  '',
  `Files that could not be read as a cable are listed in \`${FAILURES_FILE}\` with an error code and message. When two files`,
  'hold the same cable (e.g. the .txt and the .html of one cable), the first by path is kept and the others are listed there',
  'with the code `DUPLICATE_CABLE`.',
].join('\n');

/** The indicators of the corpus's TIP report cables together and their candidates, checked as a dataset build checks them, encoded. */
function corpusIndicators(intake: ChunkIntake, options: Pick<CorpusBuildOptions, 'corpus' | 'partition'>) {
  const { indicators, indicator_candidates } = decideTipReports(intake.tipCandidates);
  failOnErrors(checkTables({ indicators, indicator_candidates }, []), options.corpus);
  const partition = (row: Record<string, unknown>) => intake.tipPartitions.get(row.cable_id as string)!;
  return {
    indicators: encodeRows(indicatorsTable, indicators, options.partition, partition),
    indicator_candidates: encodeRows(indicatorCandidatesTable, indicator_candidates, options.partition, partition),
  };
}

/** failures.json and validation.json, opened in the staging folder; when one cannot be (a full disk), the write is dropped. */
async function openListFiles(writer: DatasetStreamWriter): Promise<[JsonListFile, JsonListFile]> {
  try {
    return [
      new JsonListFile(writer.openExtraFile({ path: FAILURES_FILE, description: FAILURES_DESCRIPTION, mediatype: 'application/json' }), 'failures'),
      new JsonListFile(writer.openExtraFile({ path: VALIDATION_FILE, description: VALIDATION_DESCRIPTION, mediatype: 'application/json' }), 'findings'),
    ];
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** Builds one dataset from a corpus of cable files; bad files are reported, never fatal. */
export async function buildCorpus(options: CorpusBuildOptions, io: Io): Promise<CorpusSummary> {
  const started = performance.now();
  const out = path.resolve(io.cwd, options.out);
  if (io.env.SOURCE_DATE_EPOCH) epochDate(io.env.SOURCE_DATE_EPOCH);
  if (options.progress) io.stderr(`corpus: listing the files of ${options.corpus}\n`);
  const skipped: Failure[] = [];
  const cacheDir = options.cache === undefined ? undefined : path.resolve(io.cwd, options.cache);
  const skip = cacheDir === undefined ? [out] : [out, cacheDir];
  const files = new PackedFiles(
    await listCorpusFiles(options.corpus, io.cwd, { skip, skipped, ...(options.maxInputBytes === undefined ? {} : { maxBytes: options.maxInputBytes }) }),
  );
  const existing = await stat(out).catch(() => undefined);
  if (existing && !existing.isDirectory())
    throw new InputError('OUT_NOT_A_FOLDER', `${options.out} exists and is not a folder.`, { file: out }, 'Give --out a folder, e.g. datasets/tip-corpus.');
  const meta = await readMeta(out);
  const cache = cacheDir === undefined ? undefined : await openCache(cacheDir);
  await makeDirs(out);

  const totalBytes = files.bytes;
  const progress = new Progress(io, files.length, totalBytes, options.progress, started, options.progressEvery);
  const plan = options.chunkCables ? fixedChunks(files.length, options.chunkCables) : contentChunks(files.length, (i) => files.label(i));
  const chunks = { length: plan.length, at: (index: number) => (index < plan.length ? files.slice(plan.start(index), plan.start(index + 1)) : undefined) };
  const used = new Set<string>();
  let foundInCache = 0;
  let cablesBuilt = 0;

  // From here on every failure aborts the writer, so the dataset folder keeps its previous files and nothing staged.
  const writer = await DatasetStreamWriter.open(out, options.partition ? { partition: { name: options.partition, byColumn: 'cable_id' } } : {});
  const [failuresFile, findingsFile] = await openListFiles(writer);
  const intake = new ChunkIntake(files, failuresFile, findingsFile, options.partition);
  const counts = () => ({ files: intake.files, bytes: intake.bytes, failed: intake.failed });
  try {
    for (const failure of skipped) intake.fail(failure);
    const pool = {
      jobs: Math.min(options.jobs, chunks.length),
      stage: 'build' as const,
      ...(options.partition ? { partition: options.partition } : {}),
      ...(options.workerHeapMb ? { workerHeapMb: options.workerHeapMb } : {}),
      ...(cache ? { cache } : {}),
    };
    await runPool(chunks, pool, async (index, result, rerun) => {
      if (result.cacheKey) used.add(result.cacheKey);
      for (const key of result.cableKeys ?? []) used.add(key);
      if (result.fromCache) foundInCache++;
      else cablesBuilt += result.cablesBuilt ?? 0;
      writer.appendParts((await intake.take(plan.start(index), result, rerun)) ?? {});
      progress.update(counts());
    });
    if (intake.cables === 0) {
      const shown = intake.failures
        .slice(0, 3)
        .map((f) => `${f.file}: ${f.code}`)
        .join('; ');
      throw new InputError(
        'CORPUS_NO_CABLES',
        `none of the ${files.length} file(s) could be read as a cable (${shown}).`,
        { file: options.corpus },
        'Give PlusD exports, Cablegate text files or WikiLeaks cable pages; docs/errors.md explains each code.',
      );
    }
    writer.appendParts(corpusIndicators(intake, options));
    await writer.append({ organizations: intake.organizations.rows() });
    failuresFile.close({ files: files.length, cables: intake.cables, failed: intake.failed });
    findingsFile.close({ cables: intake.cables, warnings: intake.warnings, by_code: intake.byCode() });
  } catch (error) {
    progress.stop(counts(), performance.now());
    await writer.abort();
    throw error;
  }

  const { cables, failed, latest, failures } = intake;
  const byCode = intake.byCode();
  const warnings = intake.warnings;
  const finished = writer.finish({
    name: meta.name,
    title: meta.title,
    description: meta.description ?? `${cables} US diplomatic cables read from a corpus of ${files.length} files, as open tables.`,
    version: meta.version,
    created: createdFromEnvironment((latest ?? '1970-01-01T00:00:00Z').replace(/\.000Z$/, 'Z'), io.env),
    licenses: [{ name: meta.license, path: `https://spdx.org/licenses/${meta.license}.html`, title: meta.license }],
    sources: [
      {
        title: `US diplomatic cables (WikiLeaks Cablegate / PlusD): ${cables} cables from ${files.length} files; each cable's file and sha256 are in the cables table`,
        path: 'https://wikileaks.org/plusd/',
      },
    ],
    contributors: [{ title: 'cablepress', roles: ['creator'] }],
    ...(meta.changelog === undefined ? {} : { changelog: meta.changelog }),
    preparation: PREPARATION,
  });
  const written = await finished.catch((error: unknown) => {
    progress.stop(counts(), performance.now());
    throw error;
  });
  if (cache) pruneCache(cache, used);
  const seconds = progress.stop(counts(), performance.now());
  return {
    dataset: meta.name,
    version: meta.version,
    out,
    files: files.length,
    cables,
    failed,
    bytes: totalBytes,
    seconds,
    jobs: Math.min(options.jobs, chunks.length),
    cablesPerSecond: files.length / seconds,
    mbPerSecond: totalBytes / 1e6 / seconds,
    warnings,
    warningCodes: byCode,
    rows: written.rowCounts,
    failures,
    ...(cache ? { cache: { chunks: chunks.length, found: foundInCache, cablesBuilt } } : {}),
  };
}
