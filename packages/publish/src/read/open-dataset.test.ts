import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDataset } from '../commit/write-dataset.js';
import { syntheticInput } from '../fixtures/rows.js';
import { scratchFolders } from '../fixtures/scratch.js';
import { writeReleaseBundle } from '../release/bundle.js';
import { type Dataset, openDataset, tryOpenDataset } from './open-dataset.js';

const folders = scratchFolders();
afterEach(folders.cleanup);

async function written(): Promise<string> {
  const dir = await folders.make();
  await writeDataset(dir, syntheticInput());
  await writeFile(join(dir, 'releases.json'), JSON.stringify({ releases: [{ version: '1.0.0', created: '2026-12-07' }] }));
  return dir;
}

async function recipients(dataset: Dataset) {
  const resource = dataset.tableResources().find((r) => r.name === 'recipients')!;
  return dataset.table(resource);
}

describe('openDataset', () => {
  it('reads a dataset folder: descriptor, tables as text and typed rows, and its JSON files', async () => {
    const dataset = await openDataset(await written());
    expect(dataset.descriptor.name).toBe(syntheticInput().name);
    expect(dataset.tableResources().map((r) => r.name)).toContain('cables');
    const table = await recipients(dataset);
    expect(table?.findings).toEqual([]);
    expect(table?.header).toContain('serial');
    expect(table?.cells[0]?.[table.header.indexOf('serial')]).toBe('000145');
    expect(table?.rows[0]?.serial).toBe('000145');
    expect(await dataset.json('releases.json')).toEqual({ releases: [{ version: '1.0.0', created: '2026-12-07' }] });
    expect(await dataset.json('no-such-file.json')).toBeUndefined();
  });

  it('reads a release bundle the same way as the folder it was made from', async () => {
    const dir = await written();
    const report = join(dir, 'sheet.pdf');
    await writeFile(report, '%PDF-1.7\n');
    const bundle = await writeReleaseBundle({ datasetDir: dir, reportFile: report, outDir: await folders.make() });
    for (const file of [bundle.tarGz, bundle.zip]) {
      const dataset = await openDataset(file);
      expect(dataset.descriptor).toEqual((await openDataset(dir)).descriptor);
      expect((await recipients(dataset))?.cells).toEqual((await recipients(await openDataset(dir)))?.cells);
    }
  });

  it('says why a folder is not a dataset: findings from tryOpenDataset, a typed error from openDataset', async () => {
    const dir = await folders.make();
    await writeFile(join(dir, 'datapackage.json'), '{ not json');
    const tried = await tryOpenDataset(dir);
    expect(tried.dataset).toBeUndefined();
    expect(tried.findings.map((f) => f.code)).toEqual(['DESCRIPTOR_JSON']);
    await expect(openDataset(dir)).rejects.toMatchObject({ code: 'DATASET_INVALID' });
  });

  it('reports a table that is not UTF-8 as a finding, with no rows', async () => {
    const dataset = await openDataset(await written());
    const resource = dataset.tableResources().find((r) => r.name === 'recipients')!;
    const table = await dataset.table(resource, new Uint8Array([0x63, 0xff, 0xfe, 0x0a]));
    expect(table?.findings.map((f) => f.code)).toEqual(['CSV_ENCODING']);
    expect(table?.rows).toEqual([]);
  });
});
