import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holdDataset, readCommitted, settleDataset, stage } from './atomic.js';
import { scratchFolders, snapshot } from '../fixtures/scratch.js';

const folders = scratchFolders();
afterEach(folders.cleanup);

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** A dataset folder with an old release, and a fact sheet folder beside it (as `reports/<name>/` is). */
async function oldDataset(): Promise<{ dir: string; sheet: string }> {
  const root = await folders.make();
  const dir = join(root, 'dataset');
  await mkdir(join(dir, 'data'), { recursive: true });
  await writeFile(join(dir, 'data/a.csv'), 'old a\r\n');
  await writeFile(join(dir, 'datapackage.json'), '{"old":true}');
  await writeFile(join(dir, 'README.md'), '# old\n');
  await writeFile(join(dir, 'retired.json'), 'old only');
  await writeFile(join(dir, 'CHANGELOG.md'), '# untouched\n');
  await mkdir(join(root, 'reports'));
  const sheet = join(root, 'reports/sheet.pdf');
  await writeFile(sheet, 'old pdf');
  return { dir, sheet };
}

async function staged(dir: string, sheet: string) {
  const staging = await stage(dir, [sheet]);
  await staging.write('data/a.csv', 'new a\r\n');
  await staging.write('datapackage.json', '{"new":true}');
  await staging.write('README.md', '# new\n');
  await staging.attach(sheet, Buffer.from('new pdf'));
  return staging;
}

const NEW = {
  'CHANGELOG.md': b64('# untouched\n'),
  'README.md': b64('# new\n'),
  'data/a.csv': b64('new a\r\n'),
  'datapackage.json': b64('{"new":true}'),
};

/** The journal a commit writes; the renames that follow it, in order, are what a kill can interrupt. */
async function commitRecordOnly(dir: string, staging: Awaited<ReturnType<typeof staged>>): Promise<string> {
  const work = join(staging.root, '..');
  const pending = (await readdir(join(dir, '..', 'reports'))).find((n) => n.startsWith('.sheet.pdf.'))!;
  const journal = {
    moves: [
      ...['README.md', 'data', 'datapackage.json'].map((e) => ({ from: `.tmp/${work.split('/').pop()}/new/${e}`, to: e })),
      { from: `../reports/${pending}`, to: '../reports/sheet.pdf' },
    ],
    removes: ['retired.json'],
  };
  await writeFile(join(work, 'commit.json'), JSON.stringify(journal));
  return work;
}

/** The writer dies here: its lock now names a process that does not run. */
async function dieHere(dir: string): Promise<void> {
  await writeFile(join(dir, '.tmp/cablepress-write.lock'), '2147483646');
}

describe('staged writes', () => {
  it('switch every entry and the attached fact sheet in on commit, retire old entries and leave nothing behind', async () => {
    const { dir, sheet } = await oldDataset();
    const staging = await staged(dir, sheet);
    await staging.commit(['README.md', 'data', 'datapackage.json'], ['README.md', 'data', 'datapackage.json', 'retired.json']);
    await staging.discard();
    expect(await snapshot(dir)).toEqual(NEW);
    expect(await readFile(sheet, 'utf8')).toBe('new pdf');
    expect(await readdir(join(dir, '../reports'))).toEqual(['sheet.pdf']);
  });

  it('leave the old release and no staged file when discarded before the commit', async () => {
    const { dir, sheet } = await oldDataset();
    const before = await snapshot(join(dir, '..'));
    const staging = await staged(dir, sheet);
    await staging.discard();
    expect(await snapshot(join(dir, '..'))).toEqual(before);
  });

  it('refuse paths outside the dataset folder', async () => {
    const staging = await stage(await folders.make());
    await expect(staging.write('../escape.txt', 'x')).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
    await expect(staging.write('/etc/passwd', 'x')).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
    await staging.discard();
  });

  it('refuse a second writer while the first one runs, and take over the lock of a dead one', async () => {
    const { dir } = await oldDataset();
    const first = await stage(dir);
    await expect(stage(dir)).rejects.toMatchObject({
      code: 'DATASET_BUSY',
      message: `another cablepress process (pid ${process.pid}) is writing this dataset`,
    });
    await first.discard();
    await mkdir(join(dir, '.tmp'));
    await writeFile(join(dir, '.tmp/cablepress-write.lock'), '2147483646');
    const second = await stage(dir);
    await second.discard();
    expect(await readdir(dir)).not.toContain('.tmp');
  });

  it('take over an empty lock (a kill or a full disk while an older cablepress wrote it) and one whose pid now runs another program', async () => {
    const { dir } = await oldDataset();
    for (const stale of ['', 'garbage', JSON.stringify({ pid: process.pid, start: 'not-our-start' })]) {
      await mkdir(join(dir, '.tmp'), { recursive: true });
      await writeFile(join(dir, '.tmp/cablepress-write.lock'), stale);
      const s = await stage(dir);
      expect(JSON.parse(await readFile(join(dir, '.tmp/cablepress-write.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
      await s.discard();
    }
  });

  it('let exactly one of many writers racing for a stale lock take it over, never two', async () => {
    const { dir } = await oldDataset();
    for (let round = 0; round < 10; round++) {
      await mkdir(join(dir, '.tmp'), { recursive: true });
      await writeFile(join(dir, '.tmp/cablepress-write.lock'), '2147483646');
      const results = await Promise.allSettled(Array.from({ length: 6 }, () => stage(dir)));
      const winners = results.filter((r) => r.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'DATASET_BUSY' });
      await (winners[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof stage>>>).value.discard();
      expect(await readdir(dir)).not.toContain('.tmp');
    }
  });

  it('give every one of many racing writers either the lock or DATASET_BUSY, never another error', async () => {
    const { dir } = await oldDataset();
    for (let round = 0; round < 20; round++) {
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, async () => {
          const s = await stage(dir);
          await s.discard();
        }),
      );
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'DATASET_BUSY' });
    }
    expect(await readdir(dir)).not.toContain('.tmp');
  });

  it('delete a write that died before its commit record, with the fact sheet it staged: the old release stays', async () => {
    const { dir, sheet } = await oldDataset();
    const before = await snapshot(join(dir, '..'));
    await staged(dir, sheet);
    await dieHere(dir);
    await settleDataset(dir, [sheet]);
    expect(await snapshot(join(dir, '..'))).toEqual(before);
  });

  it('finish a write that died after its commit record, whatever renames were done', async () => {
    for (const done of [0, 1, 2, 3]) {
      const { dir, sheet } = await oldDataset();
      const staging = await staged(dir, sheet);
      const work = await commitRecordOnly(dir, staging);
      await mkdir(join(work, 'old'));
      const moves: [string, string][] = [
        [join(dir, 'README.md'), join(work, 'old/m0')],
        [join(staging.root, 'README.md'), join(dir, 'README.md')],
        [join(dir, 'data'), join(work, 'old/m1')],
      ];
      for (const [from, to] of moves.slice(0, done)) await rename(from, to);
      await dieHere(dir);
      const next = await stage(dir, [sheet]);
      await next.discard();
      expect(await snapshot(dir), `after ${done} renames`).toEqual(NEW);
      expect(await readFile(sheet, 'utf8')).toBe('new pdf');
      expect(await readdir(join(dir, '../reports'))).toEqual(['sheet.pdf']);
    }
  });
});

describe('holdDataset', () => {
  it('keeps other writers out for the whole task, lets the task write, and lets a waiting writer in after it', async () => {
    const { dir } = await oldDataset();
    const order: string[] = [];
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = holdDataset(dir, async () => {
      entered();
      const own = await stage(dir);
      await own.discard();
      await new Promise((resolve) => setTimeout(resolve, 200));
      order.push('first');
    });
    await inside;
    await expect(stage(dir)).rejects.toMatchObject({ code: 'DATASET_BUSY' });
    await expect(holdDataset(dir, async () => undefined, 0)).rejects.toMatchObject({ code: 'DATASET_BUSY' });
    const second = holdDataset(dir, async () => void order.push('second'));
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
    expect(await readdir(dir)).not.toContain('.tmp');
  });
});

describe('readCommitted', () => {
  it('waits for a commit under way and reads the release it switched in', async () => {
    const { dir, sheet } = await oldDataset();
    const staging = await staged(dir, sheet);
    await commitRecordOnly(dir, staging);
    setTimeout(() => void staging.commit(['README.md', 'data', 'datapackage.json'], ['retired.json']).then(() => staging.discard()), 300);
    const seen = await readCommitted(dir, [sheet], async () => readFile(join(dir, 'datapackage.json'), 'utf8'));
    expect(seen).toBe('{"new":true}');
    expect(await readdir(join(dir, '.tmp')).catch(() => [])).toEqual([]);
  });

  it('reads again when a commit switched the files during the read', async () => {
    const { dir, sheet } = await oldDataset();
    let reads = 0;
    const seen = await readCommitted(dir, [sheet], async () => {
      const text = await readFile(join(dir, 'datapackage.json'), 'utf8');
      if (reads++ === 0) {
        const staging = await staged(dir, sheet);
        await staging.commit(['README.md', 'data', 'datapackage.json'], ['retired.json']);
        await staging.discard();
      }
      return text;
    });
    expect(reads).toBe(2);
    expect(seen).toBe('{"new":true}');
  });
});
