import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticInput } from '../fixtures/rows.js';
import { scratchFolders } from '../fixtures/scratch.js';
import { writeDataset } from './write-dataset.js';

const folders = scratchFolders();
afterEach(folders.cleanup);

describe('writeDataset companions (a fact sheet left old beside new data after a killed build)', () => {
  it('are switched in by the same commit as the dataset, and nothing staged is left', async () => {
    const root = await folders.make();
    const sheet = join(root, 'reports', 'x', 'x-fact-sheet.pdf');
    await writeDataset(root, syntheticInput(), { companions: [{ path: sheet, content: Buffer.from('%PDF-1.7 new') }] });
    expect(await readFile(sheet, 'utf8')).toBe('%PDF-1.7 new');
    expect(await readdir(join(root, 'reports', 'x'))).toEqual(['x-fact-sheet.pdf']);
    expect((await readdir(root)).sort()).toEqual(['CITATION.cff', 'LICENSE.md', 'README.md', 'data', 'datapackage.json', 'reports', 'validation.json']);
  });

  it('are not published when the write fails before the commit', async () => {
    const root = await folders.make();
    const sheet = join(root, 'reports', 'x-fact-sheet.pdf');
    await expect(
      writeDataset(root, { ...syntheticInput(), version: 'not-semver' }, { companions: [{ path: sheet, content: Buffer.from('%PDF') }] }),
    ).rejects.toMatchObject({ code: 'DATASET_VERSION' });
    expect(await readdir(root)).toEqual([]);
  });
});
