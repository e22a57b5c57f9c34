import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { datasetPageUrl } from '@cablepress/core';
import { corpusDir, repoRoot, scratchFolder } from '../../test-support/paths.js';
import type { Io } from '../io.js';
import { main } from '../main.js';

/** npm may use its cache but never the network: the lock file already holds every package but the new one. */
const offline = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };

/** The dataset init derives from 10SANAA295.html; a repository where a maintainer already made it must still pass these tests. */
const INIT_NAME = 'yemen-tip-2010';

/** A temp copy of the repository skeleton: root package.json and lock file, every workspace package.json but INIT_NAME's. */
async function skeleton(): Promise<string> {
  const root = await scratchFolder('init');
  for (const file of ['package.json', 'package-lock.json']) await cp(path.join(repoRoot, file), path.join(root, file));
  for (const group of ['packages', 'datasets']) {
    for (const name of await readdir(path.join(repoRoot, group))) {
      if (group === 'datasets' && name === INIT_NAME) continue;
      await mkdir(path.join(root, group, name), { recursive: true });
      await cp(path.join(repoRoot, group, name, 'package.json'), path.join(root, group, name, 'package.json'));
    }
  }
  return root;
}

function captureIo(cwd: string, env: Io['env'] = offline): Io & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd, env, out: () => out.join(''), err: () => err.join('') };
}

const listDatasets = (root: string) => readdir(path.join(root, 'datasets'));

describe('cablepress init', () => {
  it('creates, registers and builds a dataset from a real TIP cable, and npm ci accepts the lock file', async () => {
    const root = await skeleton();
    const cable = path.join(corpusDir, '10SANAA295.html');
    const io = captureIo(path.join(root, 'packages'));
    expect(await main(['init', cable], io), io.err()).toBe(0);

    const dir = path.join(root, 'datasets', 'yemen-tip-2010');
    expect(await readFile(path.join(dir, 'source', '10SANAA295.html'))).toEqual(await readFile(cable));
    expect(JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'))).toEqual({
      name: '@cablepress-datasets/yemen-tip-2010',
      version: '0.1.0',
      private: true,
      description: 'YEMEN: TENTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT (Embassy Sanaa cable 10SANAA295 of 2010-02-15) as open tables and a fact sheet.',
      license: 'CC0-1.0',
      files: ['data', 'datapackage.json', 'README.md', 'LICENSE.md', 'CITATION.cff', 'CHANGELOG.md', 'source'],
      cablepress: {
        source: 'source/10SANAA295.html',
        title: 'YEMEN: TENTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT (cable 10SANAA295)',
        report: '../../reports/yemen-tip-2010/yemen-tip-2010-fact-sheet.pdf',
      },
    });
    const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8'));
    expect(lock.packages['datasets/yemen-tip-2010']).toMatchObject({ name: '@cablepress-datasets/yemen-tip-2010', version: '0.1.0' });
    expect(lock.packages['node_modules/@cablepress-datasets/yemen-tip-2010']).toEqual({ resolved: 'datasets/yemen-tip-2010', link: true });
    await promisify(execFile)('npm', ['ci', '--dry-run', '--ignore-scripts'], { cwd: root, env: offline });

    const descriptor = JSON.parse(await readFile(path.join(dir, 'datapackage.json'), 'utf8'));
    expect(descriptor).toMatchObject({ name: 'yemen-tip-2010', version: '0.1.0', sources: [{ id: '10SANAA295' }] });
    expect((await readFile(path.join(root, 'reports/yemen-tip-2010/yemen-tip-2010-fact-sheet.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    const sheet = (await promisify(execFile)('pdftotext', [path.join(root, 'reports/yemen-tip-2010/yemen-tip-2010-fact-sheet.pdf'), '-'])).stdout;
    const { homepage } =
      (JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { cablepress?: { homepage?: string | null } }).cablepress ?? {};
    const page = datasetPageUrl(homepage ?? null, 'yemen-tip-2010');
    for (const link of ['https://wikileaks.org/plusd/cables/10SANAA295_a.html', 'https://spdx.org/licenses/CC0-1.0.html', ...(page ? [page] : [])]) {
      expect(sheet, link).toContain(link);
    }

    const out = io.out();
    expect(out).toContain(
      'recipe: the generic TIP recipe (packages/transform/data/tip-recipe.json), which the build applies to a TIP report when package.json names no "cablepress.recipe".\n',
    );
    // The generic recipe found the report's figures: published where the evidence fits, else kept as candidates.
    const found = out.match(/, indicators (\d+), indicator_candidates (\d+)\n/);
    expect(Number(found?.[1]) + Number(found?.[2])).toBeGreaterThan(0);
    expect(out).toMatch(new RegExp(`^created ${dir} from 10SANAA295 \\(10SANAA295\\.html\\):\n`));
    expect(out).toContain(`  ${dir}/source/10SANAA295.html  (the cable, byte for byte)\n`);
    expect(out).toContain(`  ${root}/package-lock.json  (the new workspace package, so that \`npm ci\` keeps working)\n`);
    expect(out).toContain(`  ${root}/reports/yemen-tip-2010/yemen-tip-2010-fact-sheet.pdf  (fact sheet)\n`);
    expect(out).toContain(`1. Edit "description" and "cablepress.title" in ${dir}/package.json`);
    expect(out).toContain(`\`npx cablepress release ${dir}\``);
    expect(out).toContain(`then run \`npx cablepress build ${dir}\``);
    expect(out).not.toMatch(/[^x] `cablepress /);
    for (const file of (JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { files: string[] }).files)
      expect(await readdir(dir), file).toContain(file);
    expect(await readFile(path.join(dir, 'CHANGELOG.md'), 'utf8')).toBe(
      '# @cablepress-datasets/yemen-tip-2010\n\n## 0.1.0\n\n- First version: the tables of cable 10SANAA295, made by `cablepress init`.\n',
    );
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toContain('version 0.1.0, not released yet');
    expect(descriptor.created).toBeUndefined();
  }, 60_000);

  it('refuses a name that exists and leaves everything as it was', async () => {
    const root = await skeleton();
    const lock = await readFile(path.join(root, 'package-lock.json'));
    const before = await listDatasets(root);
    const io = captureIo(root);
    expect(await main(['init', path.join(corpusDir, '10SANAA295.html'), '--name', 'laos-tip-2008'], io)).toBe(2);
    expect(io.err()).toBe(
      `cablepress: INIT_NAME_TAKEN: ${path.join(root, 'datasets/laos-tip-2008')}: a dataset named "laos-tip-2008" already exists (${path.join(root, 'datasets/laos-tip-2008')} is there); init never overwrites one. ` +
        'Give another name with --name, e.g. --name laos-tip-2008-2, or rebuild the existing one with `cablepress build datasets/laos-tip-2008`.\n',
    );
    expect(await listDatasets(root)).toEqual(before);
    expect(await readFile(path.join(root, 'package-lock.json'))).toEqual(lock);
  });

  it('refuses a file that is not a cable before writing anything', async () => {
    const root = await skeleton();
    const note = path.join(root, 'note.txt');
    await writeFile(note, 'Dear all,\nlunch is at noon.\n');
    const before = await listDatasets(root);
    const io = captureIo(root);
    expect(await main(['init', note, '--json'], io)).toBe(2);
    expect(JSON.parse(io.out())).toMatchObject({ ok: false, exitCode: 2, error: { code: 'NOT_A_CABLE', location: { file: note, line: 1, column: 1 } } });
    expect(await listDatasets(root)).toEqual(before);
  });

  it('refuses a name that cannot be a folder and package name', async () => {
    const root = await skeleton();
    const io = captureIo(root);
    expect(await main(['init', path.join(corpusDir, '10SANAA295.html'), '--name', 'Yemen_TIP'], io)).toBe(2);
    expect(io.err()).toMatch(
      /^cablepress: DATASET_NAME: --name: the dataset name "Yemen_TIP" cannot be used: .* Give a name such as laos-tip-2008 with --name\.\n$/,
    );
  });

  it('needs a repository around the current folder', async () => {
    const outside = await scratchFolder('init-outside');
    const io = captureIo(outside);
    expect(await main(['init', path.join(corpusDir, '10SANAA295.html')], io)).toBe(2);
    expect(io.err()).toMatch(/^cablepress: INIT_NO_REPOSITORY: .*cablepress-init-outside-\w+: there is no cablepress repository here or above/);
  });

  it('keeps nothing when the lock file cannot be updated (no npm on the PATH)', async () => {
    const root = await skeleton();
    const lock = await readFile(path.join(root, 'package-lock.json'));
    const before = await listDatasets(root);
    const io = captureIo(root, { PATH: path.join(root, 'no-bin') });
    expect(await main(['init', path.join(corpusDir, '10SANAA295.html')], io)).toBe(2);
    expect(io.err()).toMatch(
      /^cablepress: INIT_LOCK_FILE: .*package-lock\.json: npm could not add the new dataset to package-lock\.json \(.*ENOENT.*\)\. Nothing was kept/,
    );
    expect(await listDatasets(root)).toEqual(before);
    expect(await readdir(root)).not.toContain('reports');
    expect(await readFile(path.join(root, 'package-lock.json'))).toEqual(lock);
  }, 30_000);
});
