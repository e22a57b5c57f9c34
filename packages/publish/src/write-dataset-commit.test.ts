import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticInput } from './fixtures/rows.js';
import { scratchFolders } from './fixtures/scratch.js';
import { writeDataset } from './write-dataset.js';

const folders = scratchFolders();
afterEach(folders.cleanup);

describe('writeDataset onCommitted (a fact sheet left old beside new data after a killed build)', () => {
  it('is called once, when the new files are in place and before the work folder is removed', async () => {
    const dir = await folders.make();
    const seen: { entries: string[]; descriptor: string; work: string[] }[] = [];
    await writeDataset(dir, syntheticInput(), {
      onCommitted: async () => {
        seen.push({
          entries: (await readdir(dir)).sort(),
          descriptor: await readFile(join(dir, 'datapackage.json'), 'utf8'),
          work: await readdir(join(dir, '.tmp')),
        });
      },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.entries).toEqual(['.tmp', 'README.md', 'data', 'datapackage.json', 'validation.json']);
    expect(JSON.parse(seen[0]!.descriptor).name).toBe(syntheticInput().name);
    expect(seen[0]!.work.some((w) => w.startsWith('cablepress-write-'))).toBe(true);
  });

  it('is not called when the write fails before the swap', async () => {
    const dir = await folders.make();
    let called = false;
    await expect(
      writeDataset(dir, { ...syntheticInput(), version: 'not-semver' }, { onCommitted: () => void (called = true) }),
    ).rejects.toMatchObject({ code: 'DATASET_VERSION' });
    expect(called).toBe(false);
  });
});
