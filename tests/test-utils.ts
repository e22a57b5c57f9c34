import { mkdtempSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach } from 'vitest';

/*
 * What every test of the repository, in `tests/` or beside the code in `packages/*`, uses to find the repository's
 * files and to get scratch folders. Importing this module registers hooks in the importing test file: a scratch folder
 * made inside a test is removed after that test, passed or failed; one made at the top of the file or in a `beforeAll`
 * is removed after the file. Scratch folders live in the temp folder, which `scripts/tmp-guard.ts` requires to be empty
 * at the end of the run.
 */

/** The root of the repository. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const seedDataset = path.join(repoRoot, 'datasets/laos-tip-2008');
export const seedCable = path.join(seedDataset, 'source/08VIENTIANE145.txt');
/** The real cables the tests read, vendored with their manifests (tests/cables/README.md). */
export const corpusDir = path.join(repoRoot, 'tests/cables/corpus');
export const corpusExtraDir = path.join(repoRoot, 'tests/cables/corpus-extra');

const made = { test: [] as string[], file: [] as string[] };
let inTest = false;

beforeEach(() => {
  inTest = true;
});
afterEach(async () => {
  inTest = false;
  for (const dir of made.test.splice(0)) await rm(dir, { recursive: true, force: true });
});
afterAll(async () => {
  for (const dir of made.file.splice(0)) await rm(dir, { recursive: true, force: true });
});

function remember(dir: string): string {
  made[inTest ? 'test' : 'file'].push(dir);
  return dir;
}

/** A fresh empty folder in the temp folder, named `cablepress-<label>-…`, removed after the test (or the file). */
export async function scratchFolder(label = 'test'): Promise<string> {
  return remember(await mkdtemp(path.join(os.tmpdir(), `cablepress-${label}-`)));
}

/** `scratchFolder` for the top level of a test file, where nothing can be awaited before the tests are declared. */
export function scratchFolderSync(label = 'test'): string {
  return remember(mkdtempSync(path.join(os.tmpdir(), `cablepress-${label}-`)));
}

/**
 * A scratch folder's handle for tests that clean up themselves before the file ends: `make` a folder, `cleanup` the
 * ones it made (the hooks above remove whatever is left).
 */
export function scratchFolders(label = 'test'): { make: () => Promise<string>; cleanup: () => Promise<void> } {
  const mine: string[] = [];
  return {
    make: async () => {
      const dir = await scratchFolder(label);
      mine.push(dir);
      return dir;
    },
    cleanup: async () => {
      for (const dir of mine.splice(0)) await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The inputs of a dataset of the repository (not its built files), copied into a scratch folder laid out like the
 * repository (a package.json with the datasets/* workspace, so the fact sheet goes to its reports/ folder):
 * `<root>/datasets/<name>`, with the path its fact sheet is written to.
 */
export async function scratchDataset(name = 'laos-tip-2008', label = 'test'): Promise<{ root: string; dir: string; report: string }> {
  const root = await scratchFolder(label);
  const dir = path.join(root, 'datasets', name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(root, 'package.json'), JSON.stringify({ private: true, workspaces: ['datasets/*'] }));
  for (const entry of ['package.json', 'source', 'indicators.json', 'CHANGELOG.md']) {
    await cp(path.join(repoRoot, 'datasets', name, entry), path.join(dir, entry), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  return { root, dir, report: path.join(root, 'reports', name, `${name}-fact-sheet.pdf`) };
}
