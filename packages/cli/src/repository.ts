import { execFile } from 'node:child_process';
import path from 'node:path';
import { checkPackageFieldLengths, homepageBase, homepageProblem, InputError, LIMITS, readTextInside, type Homepage } from '@cablepress/core';

/** True when `dir` holds a package.json with a "datasets/*" workspace: the root of a cablepress repository. */
async function isRepositoryRoot(dir: string): Promise<boolean> {
  const pkg = await readTextInside(path.join(dir, 'package.json'), dir, { maxBytes: LIMITS.packageJson }).then(
    (text) => JSON.parse(text ?? 'null') as { workspaces?: unknown } | null,
    () => null,
  );
  return Array.isArray(pkg?.workspaces) && pkg.workspaces.includes('datasets/*');
}

/** The repository a dataset folder lives in: `<root>/datasets/<name>` where `<root>` is a repository root; else null. */
export async function repositoryOfDataset(datasetDir: string): Promise<string | null> {
  const parent = path.dirname(path.resolve(datasetDir));
  if (path.basename(parent) !== 'datasets') return null;
  const root = path.dirname(parent);
  return (await isRepositoryRoot(root)) ? root : null;
}

/**
 * The home page configured in the repository's root package.json (`"cablepress": { "homepage": … }`), as a base URL
 * ending in a slash; null when it is null or absent (not configured), or when `root` is null (a dataset outside a
 * repository).
 */
export async function readHomepage(root: string | null): Promise<Homepage> {
  if (root === null) return null;
  const file = path.join(root, 'package.json');
  const pkg = JSON.parse((await readTextInside(file, root, { maxBytes: LIMITS.packageJson })) ?? '{}') as { cablepress?: { homepage?: unknown } };
  checkPackageFieldLengths(pkg, file, ['cablepress.homepage']);
  const value = pkg.cablepress?.homepage;
  const problem = homepageProblem(value);
  if (problem) {
    throw new InputError(
      'HOMEPAGE_INVALID',
      `${problem}.`,
      { file, field: 'cablepress.homepage' },
      'Set it to the public base URL of the site (where `cablepress site` is published), or to null while there is none.',
    );
  }
  return homepageBase(value as string | null | undefined);
}

/** The repository a dataset is added to: the nearest folder at or above `from` that is a repository root. */
export async function findRepository(from: string): Promise<string> {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (await isRepositoryRoot(dir)) return dir;
    if (path.dirname(dir) === dir) break;
  }
  throw new InputError(
    'INIT_NO_REPOSITORY',
    'there is no cablepress repository here or above: no package.json with a "datasets/*" workspace.',
    { file: path.resolve(from) },
    'Run `cablepress init` inside a cablepress repository (the folder with datasets/ and packages/), or a folder below it.',
  );
}

/**
 * Adds the repository's new workspace packages to package-lock.json, so that `npm ci` keeps working, without
 * installing anything or running scripts (`npm install --package-lock-only --ignore-scripts`). No download is
 * needed when the lock file already holds every other package.
 */
export function updateLockFile(root: string, env: Readonly<Record<string, string | undefined>>): Promise<void> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return new Promise((resolve, reject) => {
    execFile(
      npm,
      ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'],
      { cwd: root, env: { ...env }, maxBuffer: 16 * 1024 * 1024, shell: process.platform === 'win32' },
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        const detail =
          stderr
            .split('\n')
            .find((line) => /npm (?:error|ERR!)/.test(line))
            ?.replace(/^npm (?:error|ERR!)\s*/, '') ?? error.message;
        reject(
          new InputError(
            'INIT_LOCK_FILE',
            `npm could not add the new dataset to package-lock.json (${detail.trim()}).`,
            { file: path.join(root, 'package-lock.json') },
            'Nothing was kept: check that `npm ci` works in the repository, then run `cablepress init` again.',
          ),
        );
      },
    );
  });
}
