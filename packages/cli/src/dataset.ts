import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@cablepress/extract';
import { safeFileName } from '@cablepress/publish';

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
}

interface PackageJson {
  version?: string;
  description?: string;
  license?: string;
  cablepress?: { source?: string; sources?: string[]; title?: string; report?: string; recipe?: string };
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
  const listed = cp?.sources ?? (cp?.source ? [cp.source] : []);
  if (!cp || listed.length === 0 || !listed.every((s) => typeof s === 'string' && s !== '')) {
    throw new InputError('DATASET_INVALID', 'package.json has no "cablepress.source" naming the source cable (or "cablepress.sources" listing several).', { file, field: 'cablepress.source' }, 'Add "cablepress": { "source": "source/<cable file>" }, as in datasets/laos-tip-2008/package.json, or "sources": [...] as in datasets/tip-reports.');
  }
  if (!pkg.version) throw new InputError('DATASET_INVALID', 'package.json has no "version".', { file, field: 'version' }, 'Add a semantic version such as "0.1.0"; changesets keeps it from then on.');
  const report = path.resolve(dir, cp.report ?? path.join('..', '..', 'reports', name, `${name}-fact-sheet.pdf`));
  const reportsRoot = path.resolve(dir, '..', '..', 'reports');
  const inside = (root: string) => report.startsWith(root + path.sep);
  if (!(inside(reportsRoot) || inside(dir)) || path.extname(report) !== '.pdf') {
    throw new InputError(
      'DATASET_INVALID',
      `"cablepress.report" must name a .pdf file inside ${reportsRoot} or the dataset folder, not ${report}.`,
      { file, field: 'cablepress.report' },
      'Point it at ../../reports/<dataset-name>/<dataset-name>-fact-sheet.pdf, or leave it out for that default.',
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
    sources: listed.map((s) => path.resolve(dir, s)),
    report,
    recipe: recipe === null ? null : path.resolve(dir, recipe),
  };
}
