import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../test-support/paths.js';
import { holdDataset, writeDataset } from '@cablepress/publish';
import { syntheticInput, syntheticTables } from '../../../publish/src/fixtures/rows.js';
import type { Io } from '../io.js';
import { main } from '../main.js';

/** The release date of the synthetic dataset (its `created`, 2008-02-29T05:44:00Z), so that releasing it needs no rebuild. */
const RELEASED = { SOURCE_DATE_EPOCH: '1204263840' };

function captureIo(cwd: string, env: Record<string, string> = RELEASED): Io & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd, env, out: () => out.join(''), err: () => err.join('') };
}

/** A dataset folder laid out like datasets/<name>, built from synthetic rows, with a stand-in fact sheet. */
async function dataset(): Promise<{ root: string; dir: string }> {
  const root = await scratchFolder('cli');
  const dir = path.join(root, 'test-dataset');
  await mkdir(path.join(dir, 'source'), { recursive: true });
  await writeFile(path.join(dir, 'source/cable.txt'), 'stand-in cable\n');
  await writeFile(path.join(dir, 'fact-sheet.pdf'), '%PDF-1.7\n');
  await writeFile(path.join(dir, 'CHANGELOG.md'), '# test-dataset\n\n## 1.2.3\n\n- First release.\n');
  await writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: '@x/test-dataset',
      version: '1.2.3',
      private: true,
      description: 'A test dataset.',
      cablepress: { source: 'source/cable.txt', report: 'fact-sheet.pdf' },
    }),
  );
  await writeDataset(dir, syntheticInput());
  return { root, dir };
}

describe('cablepress release', () => {
  it('writes the bundles and SHA256SUMS and records the release', async () => {
    const { root, dir } = await dataset();
    const io = captureIo(root);
    expect(await main(['release', 'test-dataset', '--skip-rebuild'], io)).toBe(0);
    expect(io.out()).toMatch(
      /^released test-dataset 1\.2\.3 on 2008-02-29:\n {2}releases\/test-dataset-1\.2\.3\.tar\.gz {2}sha256 [0-9a-f]{64}\n {2}releases\/test-dataset-1\.2\.3\.zip {2}sha256 [0-9a-f]{64}\n {2}releases\/SHA256SUMS\n {2}site\/test-dataset\/index\.html {2}the dataset's page with every file of the release \(`cablepress site` writes it\)\n$/,
    );
    const sums = await readFile(path.join(root, 'releases/SHA256SUMS'), 'utf8');
    const log = JSON.parse(await readFile(path.join(dir, 'releases.json'), 'utf8'));
    expect(log.releases.map((r: { version: string; created: string }) => [r.version, r.created])).toEqual([['1.2.3', '2008-02-29T05:44:00Z']]);
    expect(log.releases[0].report).toEqual({ file: 'fact-sheet.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    expect(await main(['validate', 'test-dataset'], captureIo(root))).toBe(0);

    const again = captureIo(root);
    expect(await main(['release', 'test-dataset', '--skip-rebuild'], again)).toBe(0);
    expect(again.out()).toContain('(same files as the recorded release)');
    expect(await readFile(path.join(root, 'releases/SHA256SUMS'), 'utf8')).toBe(sums);
  });

  it('exits 1 when the data changed but the version did not', async () => {
    const { root, dir } = await dataset();
    expect(await main(['release', 'test-dataset', '--skip-rebuild'], captureIo(root))).toBe(0);
    const tables = syntheticTables();
    tables.tags![0]!.description = 'Edited without a changeset';
    await writeDataset(dir, { ...syntheticInput(tables), version: '1.2.3' });
    const io = captureIo(root);
    expect(await main(['release', 'test-dataset', '--skip-rebuild'], io)).toBe(1);
    expect(io.err()).toMatch(
      /^cablepress: DRIFT_UNVERSIONED: .*test-dataset: files changed since release 1\.2\.3 was recorded, but the version still says 1\.2\.3: README\.md, data\/tags\.arrow, data\/tags\.csv, data\/tags\.parquet, datapackage\.json\. Describe the change in a changeset/,
    );
  });

  it('waits for a write under way and releases the state it committed, never a mix of the two', async () => {
    const { root, dir } = await dataset();
    expect(await main(['release', 'test-dataset', '--skip-rebuild', '--dry-run'], captureIo(root))).toBe(0);
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const writer = holdDataset(dir, async () => {
      entered();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
      await writeFile(path.join(dir, 'package.json'), JSON.stringify({ ...pkg, version: '1.2.4' }));
      await writeDataset(dir, { ...syntheticInput(), version: '1.2.4' });
    });
    await inside;
    const io = captureIo(root);
    const release = main(['release', 'test-dataset', '--skip-rebuild'], io);
    await writer;
    expect(await release, io.err()).toBe(0);
    expect(io.out()).toMatch(/^released test-dataset 1\.2\.4 /);
    const log = JSON.parse(await readFile(path.join(dir, 'releases.json'), 'utf8'));
    expect(log.releases.map((r: { version: string }) => r.version)).toEqual(['1.2.4']);
    expect(await main(['validate', 'test-dataset'], captureIo(root))).toBe(0);
  });

  it('checks without writing anything with --dry-run --json', async () => {
    const { root } = await dataset();
    const io = captureIo(root);
    expect(await main(['release', 'test-dataset', '--skip-rebuild', '--dry-run', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual({ ok: true, exitCode: 0, dataset: 'test-dataset', version: '1.2.3', released: false, rebuilt: false });
    await expect(readFile(path.join(root, 'releases/SHA256SUMS'))).rejects.toThrow();
  });

  it('exits 2 for a folder without a dataset package.json', async () => {
    const io = captureIo(tmpdir());
    expect(await main(['release', 'nowhere-at-all', '--skip-rebuild'], io)).toBe(2);
  });
});
