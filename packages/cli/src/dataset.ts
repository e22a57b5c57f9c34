import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@cablepress/extract';
import { safeFileName } from '@cablepress/publish';
import { repositoryOfDataset } from './repository.js';

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
  /** Absolute path of the source cable. */
  source: string;
  /** Absolute path of the fact sheet PDF. */
  report: string;
  /** Absolute path of the indicator recipe, when the dataset has one. */
  recipe: string | null;
}

interface PackageJson {
  version?: string;
  description?: string;
  license?: string;
  cablepress?: { source?: string; title?: string; report?: string; recipe?: string };
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

/** Reads and checks a dataset folder's package.json. */
export async function readDatasetManifest(dirArg: string, cwd: string): Promise<DatasetManifest> {
  const dir = path.resolve(cwd, dirArg);
  const file = path.join(dir, 'package.json');
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(await readFile(file, 'utf8')) as PackageJson;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(
      missing ? 'DATASET_MISSING' : 'DATASET_INVALID',
      missing ? 'there is no dataset package.json here.' : `package.json is not valid JSON (${(error as Error).message}).`,
      { file },
      'A dataset folder holds a package.json with a "cablepress" section naming its source cable; see datasets/laos-tip-2008.',
    );
  }
  const name = path.basename(dir);
  if (!/^[a-z0-9-]+$/.test(name) || safeFileName(name) !== name) {
    throw new InputError(
      'DATASET_NAME',
      `dataset folder name "${name}" cannot be used: it becomes file names, so it must use only lowercase letters, digits and hyphens and must not be a reserved device name (con, nul, com1...).`,
      { file: dir },
      'Rename the folder, e.g. laos-tip-2008.',
    );
  }
  const cp = pkg.cablepress;
  if (!cp?.source) {
    throw new InputError('DATASET_INVALID', 'package.json has no "cablepress.source" naming the source cable.', { file, field: 'cablepress.source' }, 'Add "cablepress": { "source": "source/<cable file>" }, as in datasets/laos-tip-2008/package.json.');
  }
  if (!pkg.version) throw new InputError('DATASET_INVALID', 'package.json has no "version".', { file, field: 'version' }, 'Add a semantic version such as "0.1.0"; changesets keeps it from then on.');
  const report = cp.report ? path.resolve(dir, cp.report) : await defaultReportPath(dir, name);
  const reportsRoot = path.resolve(dir, '..', '..', 'reports');
  const inside = (root: string) => report.startsWith(root + path.sep);
  if (!(inside(reportsRoot) || inside(dir)) || path.extname(report) !== '.pdf') {
    throw new InputError(
      'DATASET_INVALID',
      `"cablepress.report" must name a .pdf file inside ${reportsRoot} or the dataset folder, not ${report}.`,
      { file, field: 'cablepress.report' },
      'Point it at ../../reports/<dataset-name>/<dataset-name>-fact-sheet.pdf, or leave it out for the default (reports/<dataset-name>/ of the repository, or the dataset folder outside one).',
    );
  }
  const recipe = cp.recipe ?? null;
  return {
    dir,
    name,
    version: pkg.version,
    title: cp.title ?? name,
    description: pkg.description ?? '',
    license: pkg.license ?? 'CC0-1.0',
    source: path.resolve(dir, cp.source),
    report,
    recipe: recipe === null ? null : path.resolve(dir, recipe),
  };
}
