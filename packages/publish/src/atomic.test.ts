import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stage } from './atomic.js';
import { scratchFolders, snapshot } from './fixtures/scratch.js';

const folders = scratchFolders();
afterEach(folders.cleanup);

async function oldDataset(): Promise<string> {
  const dir = await folders.make();
  await mkdir(join(dir, 'data'));
  await writeFile(join(dir, 'data/a.csv'), 'old a\r\n');
  await writeFile(join(dir, 'datapackage.json'), '{"old":true}');
  await writeFile(join(dir, 'README.md'), '# old\n');
  await writeFile(join(dir, 'CHANGELOG.md'), '# untouched\n');
  return dir;
}

async function staged(dir: string) {
  const staging = await stage(dir);
  await staging.write('data/a.csv', 'new a\r\n');
  await staging.write('datapackage.json', '{"new":true}');
  await staging.write('README.md', '# new\n');
  return staging;
}

/** The writer dies here: its lock now names a process that does not run; the next writer recovers and cleans up. */
async function diedHere(dir: string): Promise<void> {
  await writeFile(join(dir, '.tmp/cablepress-write.lock'), '2147483646');
  const next = await stage(dir);
  await next.discard();
}

describe('staged writes', () => {
  it('swap every entry in on commit and leave nothing behind', async () => {
    const dir = await oldDataset();
    const staging = await staged(dir);
    await staging.commit(['README.md', 'data', 'datapackage.json'], ['README.md', 'data', 'datapackage.json']);
    await staging.discard();
    expect(await snapshot(dir)).toEqual({
      'CHANGELOG.md': Buffer.from('# untouched\n').toString('base64'),
      'README.md': Buffer.from('# new\n').toString('base64'),
      'data/a.csv': Buffer.from('new a\r\n').toString('base64'),
      'datapackage.json': Buffer.from('{"new":true}').toString('base64'),
    });
  });

  it('refuse paths outside the dataset folder', async () => {
    const staging = await stage(await folders.make());
    await expect(staging.write('../escape.txt', 'x')).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
    await expect(staging.write('/etc/passwd', 'x')).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
    await staging.discard();
  });

  it('refuse a second writer while the first one runs, and take over the lock of a dead one', async () => {
    const dir = await oldDataset();
    const first = await stage(dir);
    await expect(stage(dir)).rejects.toMatchObject({ code: 'DATASET_BUSY', message: `another cablepress process (pid ${process.pid}) is writing this dataset` });
    await first.discard();
    await mkdir(join(dir, '.tmp'));
    await writeFile(join(dir, '.tmp/cablepress-write.lock'), '2147483646');
    const second = await stage(dir);
    await second.discard();
    expect(await readdir(dir)).not.toContain('.tmp');
  });

  it('put the old files back when a process died halfway through the swap', async () => {
    const dir = await oldDataset();
    const before = await snapshot(dir);
    const staging = await staged(dir);
    const work = join(staging.root, '..');
    // The state a crash leaves after the journal was written, two old entries were moved aside and one new one moved in.
    await writeFile(join(work, 'swap.json'), JSON.stringify(['README.md', 'data', 'datapackage.json']));
    await mkdir(join(work, 'old'));
    await rename(join(dir, 'README.md'), join(work, 'old/README.md'));
    await rename(join(dir, 'data'), join(work, 'old/data'));
    await rename(join(staging.root, 'README.md'), join(dir, 'README.md'));
    await diedHere(dir);
    expect(await snapshot(dir)).toEqual(before);
    expect(await readdir(dir)).not.toContain('.tmp');
  });

  it('keep the new files when a process died after the swap but before cleaning up', async () => {
    const dir = await oldDataset();
    const staging = await staged(dir);
    const work = join(staging.root, '..');
    await writeFile(join(work, 'swap.json'), JSON.stringify(['README.md', 'data', 'datapackage.json']));
    await mkdir(join(work, 'old'));
    for (const entry of ['README.md', 'data', 'datapackage.json']) {
      await rename(join(dir, entry), join(work, 'old', entry));
      await rename(join(staging.root, entry), join(dir, entry));
    }
    await diedHere(dir);
    expect((await snapshot(dir))['README.md']).toBe(Buffer.from('# new\n').toString('base64'));
    expect(await readdir(dir)).toEqual(['CHANGELOG.md', 'README.md', 'data', 'datapackage.json']);
  });
});
