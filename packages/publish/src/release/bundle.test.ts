import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { writeReleaseBundle } from './bundle.js';
import { syntheticInput } from '../fixtures/rows.js';
import { scratchFolders } from '../fixtures/scratch.js';
import { sha256 } from '../encode/hash.js';
import { verifyDataset } from '../read/verify.js';
import { writeDataset } from '../commit/write-dataset.js';

const folders = scratchFolders();
afterEach(folders.cleanup);

async function dataset(): Promise<{ dir: string; report: string }> {
  const dir = await folders.make();
  await writeDataset(dir, {
    ...syntheticInput(),
    readme: { factSheet: '../../reports/test-dataset/test-dataset-fact-sheet.pdf', releasePage: '../../site/test-dataset/index.html' },
  });
  await mkdir(join(dir, 'source'));
  await writeFile(join(dir, 'source/08TESTVILLE1.txt'), 'the source cable\n');
  await writeFile(join(dir, 'CHANGELOG.md'), '# test-dataset\n\n## 1.2.3\n\n- Corrected a value.\n');
  const report = join(await folders.make(), 'test-dataset-fact-sheet.pdf');
  await writeFile(report, '%PDF-1.7\n% not a real fact sheet\n');
  return { dir, report };
}

describe('writeReleaseBundle', () => {
  it('writes byte-identical .tar.gz, .zip and SHA256SUMS across two builds', async () => {
    const { dir, report } = await dataset();
    const [outA, outB] = [await folders.make(), await folders.make()];
    const a = await writeReleaseBundle({ datasetDir: dir, reportFile: report, outDir: outA });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const b = await writeReleaseBundle({ datasetDir: dir, reportFile: report, outDir: outB });
    expect(b.hashes).toEqual(a.hashes);
    for (const name of ['test-dataset-1.2.3.tar.gz', 'test-dataset-1.2.3.zip', 'SHA256SUMS']) {
      expect(sha256(await readFile(join(outB, name)))).toBe(sha256(await readFile(join(outA, name))));
    }
    const sums = await readFile(join(outA, 'SHA256SUMS'), 'utf8');
    expect(sums).toBe(`${a.hashes['test-dataset-1.2.3.tar.gz']}  test-dataset-1.2.3.tar.gz\n${a.hashes['test-dataset-1.2.3.zip']}  test-dataset-1.2.3.zip\n`);
  });

  it('gives the same bytes whatever the time zone of the machine', async () => {
    const { dir, report } = await dataset();
    const zone = process.env.TZ;
    const hashes: Record<string, string>[] = [];
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Vientiane']) {
        process.env.TZ = tz;
        hashes.push((await writeReleaseBundle({ datasetDir: dir, reportFile: report, outDir: await folders.make() })).hashes);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(hashes[1]).toEqual(hashes[0]);
    expect(hashes[2]).toEqual(hashes[0]);
  });

  it('puts data, descriptor, documents, CHANGELOG, the source cables and the fact sheet under one folder, with fixed times and modes', async () => {
    const { dir, report } = await dataset();
    const out = await folders.make();
    const bundle = await writeReleaseBundle({ datasetDir: dir, reportFile: report, outDir: out });
    expect(bundle.entries).toContain('test-dataset-1.2.3/data/cables.csv');
    expect(bundle.entries).toContain('test-dataset-1.2.3/test-dataset-fact-sheet.pdf');
    expect(bundle.entries.filter((e) => !e.startsWith('test-dataset-1.2.3/data/'))).toEqual([
      'test-dataset-1.2.3/CHANGELOG.md',
      'test-dataset-1.2.3/CITATION.cff',
      'test-dataset-1.2.3/LICENSE.md',
      'test-dataset-1.2.3/README.md',
      'test-dataset-1.2.3/datapackage.json',
      'test-dataset-1.2.3/source/08TESTVILLE1.txt',
      'test-dataset-1.2.3/test-dataset-fact-sheet.pdf',
      'test-dataset-1.2.3/validation.json',
    ]);
    expect(bundle.entries).toHaveLength(39 + 8);
    const gz = await readFile(bundle.tarGz);
    expect(gz.readUInt32LE(4)).toBe(0);
    expect(gz[3]! & 0x08).toBe(0);
    expect(gz[9]).toBe(3);
    const tar = gunzipSync(gz);
    expect(tar.subarray(0, 100).toString().replace(/\0+$/, '')).toBe('test-dataset-1.2.3/CHANGELOG.md');
    expect(tar.subarray(100, 107).toString()).toBe('000644 ');
    expect(parseInt(tar.subarray(136, 147).toString(), 8)).toBe(Date.parse('2008-02-29T05:44:00Z') / 1000);
    const zip = unzipSync(new Uint8Array(await readFile(bundle.zip)));
    expect(Object.keys(zip)).toEqual(bundle.entries);
    expect(Buffer.from(zip['test-dataset-1.2.3/data/cables.csv']!)).toEqual(await readFile(join(dir, 'data/cables.csv')));
    expect(Buffer.from(zip['test-dataset-1.2.3/source/08TESTVILLE1.txt']!).toString()).toBe('the source cable\n');
  });

  it("links the fact sheet beside the bundle's README, and the published page only where a homepage is configured", async () => {
    const { dir, report } = await dataset();
    const readmeOf = async (pageUrl: string | null) => {
      const bundle = await writeReleaseBundle({ datasetDir: dir, reportFile: report, outDir: await folders.make(), pageUrl });
      return Buffer.from(unzipSync(new Uint8Array(await readFile(bundle.zip)))['test-dataset-1.2.3/README.md']!).toString();
    };
    const committed = await readFile(join(dir, 'README.md'), 'utf8');
    expect(committed).toContain('](../../reports/test-dataset/test-dataset-fact-sheet.pdf)');
    const plain = await readmeOf(null);
    expect(plain).not.toContain('../');
    expect(plain).toContain('[test-dataset-fact-sheet.pdf](test-dataset-fact-sheet.pdf)');
    expect(plain).not.toContain('Published page');
    expect(await readmeOf('https://example.org/data/test-dataset/')).toContain('- Published page of the dataset: <https://example.org/data/test-dataset/>.');
    expect(plain.replace(/## Fact sheet and dataset page[\s\S]*?\n## /, '')).toBe(committed.replace(/## Fact sheet and dataset page[\s\S]*?\n## /, ''));
  });

  it('produces bundles that verify as datasets', async () => {
    const { dir, report } = await dataset();
    const bundle = await writeReleaseBundle({ datasetDir: dir, reportFile: report, outDir: await folders.make() });
    expect(await verifyDataset(bundle.tarGz)).toEqual([]);
    expect(await verifyDataset(bundle.zip)).toEqual([]);
  });

  it('refuses to bundle a dataset that does not verify', async () => {
    const { dir, report } = await dataset();
    await writeFile(join(dir, 'data/tags.csv'), 'cable_id\r\n');
    await expect(writeReleaseBundle({ datasetDir: dir, reportFile: report, outDir: await folders.make() })).rejects.toMatchObject({
      code: 'RELEASE_INVALID_DATASET',
    });
  });
});
