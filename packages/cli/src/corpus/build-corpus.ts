import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@cablepress/extract';
import { mergeOrganizations } from '@cablepress/transform';
import type { OrganizationRow } from '@cablepress/validate';
import { createdFromEnvironment, DatasetStreamWriter, epochDate, safeFileName } from '@cablepress/publish';
import type { Io } from '../io.js';
import { listCorpusFiles, type CorpusFile } from './files.js';
import { runPool } from './pool.js';
import { Progress } from './progress.js';
import type { CableResult } from './work.js';

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
  /** Rows per CSV chunk and Arrow record batch (see DatasetStreamOptions). */
  batchRows?: number;
  /** Rows per Parquet row group (see DatasetStreamOptions). */
  rowGroupRows?: number;
}

/** A file that gave no cable rows, as listed in failures.json. */
export interface Failure {
  file: string;
  code: string;
  message: string;
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
  failures: Failure[];
}

export const FAILURES_FILE = 'failures.json';
export const VALIDATION_FILE = 'validation.json';

/** Organization rows are merged every this many cables, so merging stays linear in the corpus. */
const ORG_MERGE_EVERY = 512;

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
  if (!/^[a-z0-9-]+$/.test(name) || safeFileName(name) !== name) {
    throw new InputError('DATASET_NAME', `dataset folder name "${name}" must use only lowercase letters, digits and hyphens, and not be a Windows device name (con, prn, aux, nul, com1-9, lpt1-9).`, { file: dir }, 'Pick an --out folder such as datasets/tip-corpus.');
  }
  let pkg: { version?: string; description?: string; license?: string; cablepress?: { title?: string } } = {};
  const file = path.join(dir, 'package.json');
  try {
    pkg = JSON.parse(await readFile(file, 'utf8')) as typeof pkg;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new InputError('DATASET_INVALID', `package.json is not valid JSON (${(error as Error).message}).`, { file }, 'Fix the JSON of the --out folder\'s package.json, or give a new folder.');
    }
  }
  return {
    name,
    version: pkg.version ?? '0.1.0',
    title: pkg.cablepress?.title ?? `Cable corpus ${name}`,
    description: pkg.description,
    license: pkg.license ?? 'CC0-1.0',
    changelog: await readFile(path.join(dir, 'CHANGELOG.md'), 'utf8').catch(() => undefined),
  };
}

const PREPARATION = [
  'Every file of the corpus was read by cablepress in corpus mode (`cablepress build --corpus`): files sorted by path,',
  'format detected from the content, parsed by `@cablepress/extract`, turned into tables and facts by `@cablepress/transform`',
  'and checked row by row against the zod schemas of `@cablepress/validate`, in parallel worker threads whose results are',
  'put back in file order, so the bytes never depend on the number of workers. Rows were streamed to the files in batches:',
  'CSV in chunks, Arrow IPC with one record batch and Parquet with one row group per batch. Organizations are merged across',
  'cables. The cross-checks of `@cablepress/validate` ran on every cable: a cable with an error is left out and listed in',
  `\`${FAILURES_FILE}\` (code \`CHECKS_FAILED\`); warnings are counted by code in \`${VALIDATION_FILE}\`. There is no indicator`,
  'recipe for a corpus, so the indicators table is empty.',
  '',
  `Files that could not be read as a cable are listed in \`${FAILURES_FILE}\` with an error code and message. When two files`,
  'hold the same cable (e.g. the .txt and the .html of one cable), the first by path is kept and the others are listed there',
  'with the code `DUPLICATE_CABLE`.',
].join('\n');

/** Builds one dataset from a corpus of cable files; bad files are reported, never fatal. */
export async function buildCorpus(options: CorpusBuildOptions, io: Io): Promise<CorpusSummary> {
  const started = performance.now();
  const out = path.resolve(io.cwd, options.out);
  if (io.env.SOURCE_DATE_EPOCH) epochDate(io.env.SOURCE_DATE_EPOCH);
  const skipped: Failure[] = [];
  const files = await listCorpusFiles(options.corpus, io.cwd, { skip: out, skipped, ...(options.maxInputBytes === undefined ? {} : { maxBytes: options.maxInputBytes }) });
  const existing = await stat(out).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new InputError('OUT_NOT_A_FOLDER', `${options.out} exists and is not a folder.`, { file: out }, 'Give --out a folder, e.g. datasets/tip-corpus.');
  const meta = await readMeta(out);
  await mkdir(out, { recursive: true });

  const totalBytes = files.reduce((n, f) => n + f.bytes, 0);
  const progress = new Progress(io, files.length, totalBytes, options.progress);
  const writer = await DatasetStreamWriter.open(out, {
    ...(options.batchRows === undefined ? {} : { batchRows: options.batchRows }),
    ...(options.rowGroupRows === undefined ? {} : { rowGroupRows: options.rowGroupRows }),
  });
  const failures: Failure[] = [...skipped];
  const seen = new Map<string, string>();
  let organizations: OrganizationRow[] = [];
  let pendingOrganizations: OrganizationRow[] = [];
  let sinceMerge = 0;
  let latest: string | null = null;
  let cables = 0;
  const warningCodes = new Map<string, number>();
  let doneFiles = 0;
  let doneBytes = 0;

  const accept = async (file: CorpusFile, result: CableResult) => {
    doneFiles++;
    doneBytes += file.bytes;
    if (!result.ok) {
      failures.push({ file: file.label, code: result.code, message: result.message });
      return;
    }
    const first = seen.get(result.cableId);
    if (first !== undefined) {
      failures.push({ file: file.label, code: 'DUPLICATE_CABLE', message: `cable ${result.cableId} was already read from ${first}; this copy is left out.` });
      return;
    }
    seen.set(result.cableId, file.label);
    cables++;
    for (const [code, n] of Object.entries(result.warnings)) warningCodes.set(code, (warningCodes.get(code) ?? 0) + n);
    const { organizations: orgs = [], ...rows } = result.rows ?? {};
    pendingOrganizations.push(...(orgs as OrganizationRow[]));
    if (++sinceMerge >= ORG_MERGE_EVERY) {
      organizations = mergeOrganizations(organizations, pendingOrganizations);
      pendingOrganizations = [];
      sinceMerge = 0;
    }
    const created = rows.cables?.[0]?.created;
    if (typeof created === 'string' && (latest === null || created > latest)) latest = created;
    await writer.append(rows);
  };

  try {
    await runPool(files, { jobs: Math.min(options.jobs, files.length), stage: 'build' }, async (index, result) => {
      await accept(files[index]!, result);
      progress.update({ files: doneFiles, bytes: doneBytes, failed: failures.length });
    });
    progress.stop({ files: doneFiles, bytes: doneBytes, failed: failures.length });
    if (cables === 0) {
      const shown = failures.slice(0, 3).map((f) => `${f.file}: ${f.code}`).join('; ');
      throw new InputError('CORPUS_NO_CABLES', `none of the ${files.length} file(s) could be read as a cable (${shown}).`, { file: options.corpus }, 'Give PlusD exports, Cablegate text files or WikiLeaks cable pages; docs/errors.md explains each code.');
    }
    await writer.append({ organizations: mergeOrganizations(organizations, pendingOrganizations) });
  } catch (error) {
    progress.stop({ files: doneFiles, bytes: doneBytes, failed: failures.length });
    await writer.abort();
    throw error;
  }

  const report = { files: files.length, cables, failed: failures.length, failures };
  const byCode = Object.fromEntries([...warningCodes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const warnings = [...warningCodes.values()].reduce((a, b) => a + b, 0);
  const validation = { cables, warnings, by_code: byCode };
  const written = await writer.finish({
    name: meta.name,
    title: meta.title,
    description: meta.description ?? `${cables} US diplomatic cables read from a corpus of ${files.length} files, as open tables.`,
    version: meta.version,
    created: createdFromEnvironment((latest ?? '1970-01-01T00:00:00Z').replace(/\.000Z$/, 'Z'), io.env),
    licenses: [{ name: meta.license, path: `https://spdx.org/licenses/${meta.license}.html`, title: meta.license }],
    sources: [{ title: `US diplomatic cables (WikiLeaks Cablegate / PlusD): ${cables} cables from ${files.length} files; each cable's file and sha256 are in the cables table`, path: 'https://wikileaks.org/plusd/' }],
    contributors: [{ title: 'cablepress', roles: ['creator'] }],
    extraFiles: [
      {
        path: FAILURES_FILE,
        content: `${JSON.stringify(report, null, 2)}\n`,
        description: 'Files of the corpus that gave no rows (not a cable, unreadable, or a duplicate of a cable already read), with an error code and message.',
        mediatype: 'application/json',
      },
      {
        path: VALIDATION_FILE,
        content: `${JSON.stringify(validation, null, 2)}\n`,
        description: 'Warnings of the parser and of the cross-checks over the cables that were built, counted by code (a cable with a cross-check error is in failures.json instead).',
        mediatype: 'application/json',
      },
    ],
    ...(meta.changelog === undefined ? {} : { changelog: meta.changelog }),
    preparation: PREPARATION,
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    dataset: meta.name,
    version: meta.version,
    out,
    files: files.length,
    cables,
    failed: failures.length,
    bytes: totalBytes,
    seconds,
    jobs: Math.min(options.jobs, files.length),
    cablesPerSecond: files.length / seconds,
    mbPerSecond: totalBytes / 1e6 / seconds,
    warnings,
    warningCodes: byCode,
    rows: written.rowCounts,
    failures,
  };
}
