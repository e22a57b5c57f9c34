import { checkPackageFieldLengths, ellipsis, InputError, isDatasetName, LIMITS, readTextInside, SEMVER, type Homepage } from '@cablepress/core';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { readHomepage, repositoryOfDataset } from './repository.js';

/** The `cablepress` section of a dataset's package.json, which says what to build. */
export interface DatasetManifest {
  /** Absolute path of the dataset folder. */
  dir: string;
  /** Dataset name: the folder name, lowercase [a-z0-9-]. */
  name: string;
  /** Dataset version: the package version, bumped by changesets. */
  version: string;
  title: string;
  description: string;
  license: string;
  /** Absolute paths of the source cables, in the order the dataset lists them. */
  sources: string[];
  /** Absolute path of the fact sheet PDF. */
  report: string;
  /** Absolute path of the indicator recipe, when the dataset has one. */
  recipe: string | null;
  /** The folder every file the dataset reads or writes outside its own folder must lie in: its repository, or the dataset folder outside one. */
  root: string;
  /**
   * What the README links, relative to the dataset folder as declared (a rebuild elsewhere keeps them): the fact sheet,
   * and the dataset's page on the site, when the fact sheet is in a `reports/<name>/` folder (see datasetPageOf).
   */
  links: { factSheet: string; datasetPage: string | null };
  /** The dataset's release log (releases.json): the record of this version dates the README's citation. */
  releaseLog: string;
  /** The repository's configured home page (root package.json `cablepress.homepage`), or null when none is configured. */
  homepage: Homepage;
}

/**
 * The dataset's page on the site, as a link from the dataset folder: the site sits beside the reports folder
 * (`<root>/reports/<name>/<file>.pdf` → `<root>/site/<name>/index.html`, as `cablepress site` writes it). Null when the
 * fact sheet is not in a reports folder (a dataset outside a repository keeps it in its own folder).
 */
function datasetPageOf(report: string, name: string, dir: string): string | null {
  const reports = path.dirname(path.dirname(report));
  return path.basename(reports) === 'reports' ? link(dir, path.join(path.dirname(reports), 'site', name, 'index.html')) : null;
}

/** A path relative to `from`, with forward slashes, for a Markdown link. */
function link(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

interface PackageJson {
  version?: unknown;
  description?: unknown;
  license?: unknown;
  cablepress?: { source?: unknown; sources?: unknown; title?: unknown; report?: string; recipe?: string };
}

interface CheckedPackageJson {
  version: string;
  description: string;
  license?: string;
  cablepress: { title?: string; report?: string; recipe?: string };
}

/** An SPDX license identifier such as CC0-1.0 or CC-BY-4.0. */
const LICENSE = /^[A-Za-z0-9][A-Za-z0-9.+-]*$/;

/** A value as JSON for a message, cut to 80 characters (a field may hold a list or an object of any size). */
function quoted(value: unknown): string {
  return ellipsis(JSON.stringify(value) ?? String(value), 81);
}

/** The package.json fields that go into datapackage.json, checked here so that an error names package.json. */
function checkFields(pkg: PackageJson, file: string): asserts pkg is CheckedPackageJson {
  const bad = (field: string, message: string, hint: string) => new InputError('DATASET_INVALID', message, { file, field }, hint);
  if (typeof pkg.version !== 'string' || !SEMVER.test(pkg.version)) {
    throw bad(
      'version',
      pkg.version === undefined ? 'package.json has no "version".' : `package.json "version" must be a semantic version, not ${quoted(pkg.version)}.`,
      'Set "version" to a semantic version such as "0.1.0"; changesets keeps it from then on.',
    );
  }
  if (typeof pkg.description !== 'string' || pkg.description.trim() === '') {
    throw bad(
      'description',
      'package.json has no "description" (it becomes the description of datapackage.json and the README).',
      'Write one sentence saying what the dataset holds, e.g. "Eighth annual TIP report for Laos (U.S. Embassy Vientiane cable 08VIENTIANE145, 2008) as open tables and a fact sheet."',
    );
  }
  if (pkg.license !== undefined && (typeof pkg.license !== 'string' || !LICENSE.test(pkg.license))) {
    throw bad(
      'license',
      `package.json "license" must be an SPDX license identifier, not ${quoted(pkg.license)}.`,
      'Use e.g. "CC0-1.0", or leave it out for CC0-1.0.',
    );
  }
  const title = pkg.cablepress?.title;
  if (title !== undefined && (typeof title !== 'string' || title.trim() === '')) {
    throw bad('cablepress.title', 'package.json "cablepress.title" is empty.', 'Give the dataset a title, or leave it out to use the folder name.');
  }
}

/**
 * Where a dataset's fact sheet goes when its package.json does not say: `reports/<name>/<name>-fact-sheet.pdf` of the
 * repository the dataset lives in; outside a repository, inside the dataset folder itself (never above it).
 */
export async function defaultReportPath(dir: string, name: string): Promise<string> {
  const repository = await repositoryOfDataset(dir);
  const file = `${name}-fact-sheet.pdf`;
  return repository ? path.join(repository, 'reports', name, file) : path.join(dir, file);
}

const isInside = (file: string, root: string) => file.startsWith(root + path.sep);

/** `file` when it lies inside `root` (lexically); else DATASET_INVALID naming the package.json field that points there. */
function insideOrRefused(file: string, root: string, pkgFile: string, field: string): string {
  if (isInside(file, root)) return file;
  throw new InputError(
    'DATASET_INVALID',
    `"${field}" must name a file inside ${root}, not ${file}; nothing was read from there.`,
    { file: pkgFile, field },
    `Point it at a file inside ${root}.`,
  );
}

/** The nearest folder at or above `file` that exists, resolved through links. */
async function realFolderOf(file: string): Promise<string> {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const real = await realpath(dir).catch(() => undefined);
    if (real !== undefined || path.dirname(dir) === dir) return real ?? dir;
  }
}

/**
 * Where the fact sheet goes: `cablepress.report` (or the default, see `defaultReportPath`), a .pdf inside the
 * repository's reports folder or the dataset folder. Outside a repository a report declared in a reports folder above
 * the dataset (the `../../reports/<name>/...` of a dataset copied out of its repository) goes into the dataset folder. The folder it
 * is written in must stay inside, links resolved: a `reports/<name>` that links elsewhere is REPORT_OUTSIDE.
 */
async function reportPath(dir: string, name: string, declared: string | undefined, repository: string | null, pkgFile: string): Promise<string> {
  let report = declared ? path.resolve(dir, declared) : await defaultReportPath(dir, name);
  const inReportsFolder = path.basename(path.dirname(path.dirname(report))) === 'reports';
  if (repository === null && !isInside(report, dir) && inReportsFolder) report = path.join(dir, path.basename(report));
  const reportsRoot = repository === null ? dir : path.join(repository, 'reports');
  if (!(isInside(report, reportsRoot) || isInside(report, dir)) || path.extname(report) !== '.pdf') {
    throw new InputError(
      'DATASET_INVALID',
      `"cablepress.report" must name a .pdf file inside ${reportsRoot} or the dataset folder, not ${report}.`,
      { file: pkgFile, field: 'cablepress.report' },
      'Point it at ../../reports/<dataset-name>/<dataset-name>-fact-sheet.pdf, or leave it out for the default (reports/<dataset-name>/ of the repository, or the dataset folder outside one).',
    );
  }
  const root = await realpath(repository ?? dir);
  if (!isInside(path.join(await realFolderOf(report), 'x'), root)) {
    throw new InputError(
      'REPORT_OUTSIDE',
      `the fact sheet's folder ${path.dirname(report)} is a link to a place outside ${repository ?? dir}; nothing was written there.`,
      { file: report },
      'Make the reports folder a real folder inside the repository (not a link).',
    );
  }
  return report;
}

/** Reads and checks a dataset folder's package.json. */
export async function readDatasetManifest(dirArg: string, cwd: string): Promise<DatasetManifest> {
  const dir = path.resolve(cwd, dirArg);
  const file = path.join(dir, 'package.json');
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) {
    throw new InputError('DATASET_DIR', `${dir} is a file, not a dataset folder.`, { file: dir }, 'Give the dataset folder, e.g. datasets/laos-tip-2008.');
  }
  let pkg: PackageJson;
  try {
    const text = await readTextInside(file, dir, {
      maxBytes: LIMITS.packageJson,
      tooLargeHint: 'A dataset package.json holds a few fields; restore it from git.',
    });
    if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new InputError(
        'DATASET_INVALID',
        `package.json holds ${quoted(parsed)}, not a JSON object.`,
        { file },
        'Restore the dataset package.json from git.',
      );
    }
    pkg = parsed as PackageJson;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(
      missing ? 'DATASET_MISSING' : 'DATASET_INVALID',
      missing ? 'there is no dataset package.json here.' : `package.json is not valid JSON (${(error as Error).message}).`,
      { file },
      'A dataset folder holds a package.json with a "cablepress" section naming its source cable; see datasets/laos-tip-2008.',
    );
  }
  checkPackageFieldLengths(pkg, file);
  const name = path.basename(dir);
  if (!isDatasetName(name)) {
    throw new InputError(
      'DATASET_NAME',
      `dataset folder name "${name}" cannot be used: it becomes file names, so it must use only lowercase letters, digits and hyphens and must not be a reserved device name (con, nul, com1...).`,
      { file: dir },
      'Rename the folder, e.g. laos-tip-2008.',
    );
  }
  const cp = pkg.cablepress;
  const listed: unknown[] = Array.isArray(cp?.sources) ? cp.sources : typeof cp?.source === 'string' && cp.source !== '' ? [cp.source] : [];
  if (!cp || listed.length === 0 || !listed.every((s): s is string => typeof s === 'string' && s !== '')) {
    throw new InputError(
      'DATASET_INVALID',
      'package.json has no "cablepress.source" naming the source cable (or "cablepress.sources" listing several).',
      { file, field: 'cablepress.source' },
      'Add "cablepress": { "source": "source/<cable file>" }, as in datasets/laos-tip-2008/package.json, or "sources": [...] as in datasets/tip-reports.',
    );
  }
  checkFields(pkg, file);
  const repository = await repositoryOfDataset(dir);
  const report = await reportPath(dir, name, cp.report, repository, file);
  const root = repository ?? dir;
  const recipe = cp.recipe ? insideOrRefused(path.resolve(dir, cp.recipe), root, file, 'cablepress.recipe') : null;
  return {
    dir,
    name,
    version: pkg.version,
    title: pkg.cablepress.title ?? name,
    description: pkg.description,
    license: pkg.license ?? 'CC0-1.0',
    sources: (listed as string[]).map((s) => path.resolve(dir, s)),
    report,
    recipe,
    root,
    links: { factSheet: link(dir, report), datasetPage: datasetPageOf(report, name, dir) },
    releaseLog: path.join(dir, 'releases.json'),
    homepage: await readHomepage(await repositoryOfDataset(dir)),
  };
}
