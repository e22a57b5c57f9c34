import {
  checkPackageFieldLengths,
  InputError,
  BOUNDS,
  LIMITS,
  makeDirs,
  removeStaleTemps,
  writeAllOrNone,
  hashDatasetFile,
  readReport,
  readTextInside,
  ValidationError,
  type Code,
  type Finding,
} from '@cablepress/core';
import { rm, rmdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { REBUILD_PREFIX, removeStaleRebuilds } from '../commit/atomic.js';
import { publishedFiles } from './bundle.js';
import { sha256 } from '../encode/hash.js';
import { verifyDataset } from '../read/verify.js';

/** `datasets/<name>/releases.json`: every released version with the sha256 of every file it published. */
export interface ReleaseLog {
  name: string;
  releases: ReleaseRecord[];
}

export interface ReleaseRecord {
  version: string;
  created: string;
  /** sha256 (hex) of every published dataset file, by package-relative path. */
  files: Record<string, string>;
  /** The fact sheet released with the data, by file name. */
  report?: { file: string; sha256: string };
}

export interface DriftOptions {
  /** The fact sheet PDF, recorded and compared with the dataset files. */
  reportFile?: string;
  /**
   * Rebuilds the dataset from its source into `outDir` (an empty folder) and returns the rebuilt fact sheet, if any.
   * When given, every published file must equal its rebuild byte for byte (no stale data).
   */
  rebuild?: (outDir: string) => Promise<{ reportFile?: string } | void>;
}

export interface DriftReport {
  version: string;
  /** True when this version is already in releases.json (and the files match it). */
  released: boolean;
  files: number;
}

export const RELEASE_LOG = 'releases.json';

async function packageVersion(datasetDir: string): Promise<string> {
  const file = join(datasetDir, 'package.json');
  const unreadable = (reason: string) =>
    new InputError('DATASET_PACKAGE', `${file} is missing or has no "version" (${reason})`, { file }, 'give the dataset package.json a semantic "version"');
  let pkg: { version?: unknown } | null;
  try {
    pkg = JSON.parse((await readTextInside(file, datasetDir, { maxBytes: LIMITS.packageJson })) ?? '{}') as { version?: unknown } | null;
  } catch (error) {
    throw unreadable((error as Error).message);
  }
  if (typeof pkg?.version !== 'string') throw unreadable('no version');
  checkPackageFieldLengths(pkg, file, ['version']);
  return pkg.version;
}

async function readLog(datasetDir: string, name: string): Promise<ReleaseLog> {
  const file = join(datasetDir, RELEASE_LOG);
  const text = await readTextInside(file, datasetDir, { maxBytes: LIMITS.releaseLog, tooLargeHint: 'Restore it from git: `cablepress release` writes it.' });
  if (text === undefined) return { name, releases: [] };
  try {
    const log = JSON.parse(text) as ReleaseLog;
    if (!Array.isArray(log.releases)) throw new Error('"releases" is not an array');
    return log;
  } catch (error) {
    throw new InputError(
      'RELEASE_LOG_INVALID',
      `${file} is not a valid release log: ${(error as Error).message}`,
      { file },
      'restore it from git: `cablepress release` writes it',
    );
  }
}

/** sha256 of every published file of the dataset, by package-relative path, sorted. */
export async function fileHashes(datasetDir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const path of await publishedFiles(datasetDir)) hashes[path] = await hashDatasetFile(datasetDir, path);
  return hashes;
}

async function reportHash(reportFile: string): Promise<{ file: string; sha256: string }> {
  const bytes = await readReport(reportFile);
  return { file: basename(reportFile), sha256: sha256(bytes) };
}

/** Paths whose hashes differ, plus the fact sheet when both sides have one and they differ. */
function changedFiles(
  expected: { files: Record<string, string>; report?: { file: string; sha256: string } },
  actual: { files: Record<string, string>; report?: { file: string; sha256: string } },
): string[] {
  const changed = differences(expected.files, actual.files);
  if (expected.report && actual.report && expected.report.sha256 !== actual.report.sha256) changed.push(actual.report.file);
  return changed;
}

function differences(expected: Record<string, string>, actual: Record<string, string>): string[] {
  const paths = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return paths.filter((p) => expected[p] !== actual[p]);
}

function descriptorOf(text: string): { name: string; version: string; created?: string } {
  return JSON.parse(text) as { name: string; version: string; created?: string };
}

/**
 * Fails with a ValidationError when the committed dataset cannot be trusted as the release its version names:
 * - DRIFT_TAMPERED: a file does not match datapackage.json (edited by hand after the build);
 * - DRIFT_VERSION: datapackage.json names another version than package.json (not rebuilt after `changeset version`);
 * - DRIFT_STALE: a rebuild from the source gives different files (committed data is stale), when `rebuild` is given;
 * - DRIFT_UNVERSIONED: files differ from those recorded in releases.json for the current version (data changed
 *   without a changeset).
 */
export async function checkDrift(datasetDir: string, options: DriftOptions = {}): Promise<DriftReport> {
  const version = await packageVersion(datasetDir);
  const fail = (code: Code, message: string, findings: Finding[], hint: string) => {
    throw new ValidationError(code, message, findings, { file: datasetDir }, hint);
  };
  const problems = (await verifyDataset(datasetDir)).filter((f) => f.severity === 'error');
  if (problems.length > 0) {
    fail(
      'DRIFT_TAMPERED',
      `the dataset does not match its datapackage.json: ${problems
        .slice(0, 3)
        .map((f) => f.message)
        .join('; ')}`,
      problems,
      'Published files are generated: rebuild them with `cablepress build` instead of editing them.',
    );
  }
  const descriptor = descriptorOf((await readTextInside(join(datasetDir, 'datapackage.json'), datasetDir, BOUNDS.descriptor)) ?? '{}');
  if (descriptor.version !== version) {
    fail(
      'DRIFT_VERSION',
      `datapackage.json is version ${descriptor.version} but package.json says ${version}`,
      [],
      'Rebuild the dataset (`cablepress build`) after `changeset version`.',
    );
  }
  const current = {
    files: await fileHashes(datasetDir),
    ...(options.reportFile ? { report: await reportHash(options.reportFile) } : {}),
  };
  if (options.rebuild) {
    await removeStaleRebuilds(datasetDir);
    const work = join(datasetDir, '.tmp', `${REBUILD_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
    await makeDirs(work);
    try {
      const rebuilt = await options.rebuild(work);
      const fresh = { files: await fileHashes(work), ...(rebuilt?.reportFile ? { report: await reportHash(rebuilt.reportFile) } : {}) };
      const stale = changedFiles(fresh, current);
      if (stale.length > 0) {
        fail(
          'DRIFT_STALE',
          `committed files differ from a rebuild from the source: ${stale.join(', ')}`,
          stale.map((path) => ({ code: 'DRIFT_STALE', severity: 'error', message: `${path} differs from a fresh build`, path: [path] })),
          'Run `cablepress build` and commit the result.',
        );
      }
    } finally {
      await rm(work, { recursive: true, force: true });
      await rmdir(join(datasetDir, '.tmp')).catch(() => undefined);
    }
  }
  const log = await readLog(datasetDir, descriptor.name);
  const record = log.releases.find((r) => r.version === version);
  if (record) {
    const changed = changedFiles(record, current);
    if (changed.length > 0) {
      fail(
        'DRIFT_UNVERSIONED',
        `files changed since release ${version} was recorded, but the version still says ${version}: ${changed.join(', ')}`,
        changed.map((path) => ({ code: 'DRIFT_UNVERSIONED', severity: 'error', message: `${path} differs from release ${version}`, path: [path] })),
        'Describe the change in a changeset (`npx changeset`), run `changeset version`, rebuild and release.',
      );
    }
  }
  return { version, released: Boolean(record), files: Object.keys(current.files).length + (current.report ? 1 : 0) };
}

/**
 * Records the current version in releases.json with the sha256 of every published file and its release date: the
 * `created` of datapackage.json, which a build takes from this record (so `cablepress release` rebuilds the dataset
 * with the date before it records it). Recording a version again with the same files changes nothing; with different
 * files it is refused (that needs a new version).
 */
export async function recordRelease(datasetDir: string, options: { reportFile?: string } = {}): Promise<ReleaseRecord> {
  const version = await packageVersion(datasetDir);
  const descriptor = descriptorOf((await readTextInside(join(datasetDir, 'datapackage.json'), datasetDir, BOUNDS.descriptor)) ?? '{}');
  if (descriptor.version !== version) {
    throw new ValidationError(
      'DRIFT_VERSION',
      `datapackage.json is version ${descriptor.version} but package.json says ${version}`,
      [],
      { file: datasetDir },
      'Rebuild the dataset (`cablepress build`) before recording the release.',
    );
  }
  const current = {
    files: await fileHashes(datasetDir),
    ...(options.reportFile ? { report: await reportHash(options.reportFile) } : {}),
  };
  const log = await readLog(datasetDir, descriptor.name);
  const existing = log.releases.find((r) => r.version === version);
  if (existing) {
    const changed = changedFiles(existing, current);
    if (changed.length > 0) {
      throw new ValidationError(
        'DRIFT_UNVERSIONED',
        `release ${version} is already recorded with other files: ${changed.join(', ')}`,
        [],
        { file: join(datasetDir, RELEASE_LOG) },
        'Published data needs a new version: add a changeset and run `changeset version`.',
      );
    }
    return existing;
  }
  if (descriptor.created === undefined) {
    throw new ValidationError(
      'RELEASE_UNDATED',
      `datapackage.json of ${version} has no "created" release date, so the release cannot be recorded`,
      [],
      { file: join(datasetDir, 'datapackage.json') },
      'Release with `cablepress release`, which dates the build before it records it.',
    );
  }
  const record: ReleaseRecord = { version, created: descriptor.created, ...current };
  const next: ReleaseLog = { name: descriptor.name, releases: [...log.releases, record] };
  await removeStaleTemps(datasetDir);
  await writeAllOrNone([[join(datasetDir, RELEASE_LOG), JSON.stringify(next, null, 2) + '\n']]);
  return record;
}
