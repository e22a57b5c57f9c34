import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess, scratchDataset, scratchFolder } from './helpers.js';

/** A file outside the dataset folder that a planted record aims at, and the bytes it must keep. */
async function victim(root: string, name: string): Promise<{ file: string; check: () => Promise<void> }> {
  const file = path.join(root, name);
  await writeFile(file, `${name}: must stay untouched\n`);
  return { file, check: async () => expect(await readFile(file, 'utf8')).toBe(`${name}: must stay untouched\n`) };
}

/** Plants `.tmp/cablepress-write-<id>/<record>` with the given content in a dataset folder. */
async function plant(dir: string, record: string, content: unknown): Promise<string> {
  const work = path.join(dir, '.tmp', 'cablepress-write-0123456789ab');
  await mkdir(path.join(work, 'new'), { recursive: true });
  await writeFile(path.join(work, record), JSON.stringify(content));
  return work;
}

/** The command is refused with JOURNAL_UNSAFE (exit 2, one line, no stack) and the planted work folder is left for a person to look at. */
async function expectRefused(args: string[], work: string): Promise<void> {
  const result = await cliInProcess(args);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(/^cablepress: JOURNAL_UNSAFE: /);
  expect(result.stderr).not.toMatch(/INTERNAL|\n\s+at /);
  expect(await readdir(work)).toContain('new');
}

describe('a journal planted in a dataset folder is refused before anything is replayed', () => {
  it('moves and removals that name ../../.. or absolute paths: validate and build touch nothing outside the folder', async () => {
    const { root, dir } = await scratchDataset();
    const outside = await scratchFolder('victim');
    const moved = await victim(outside, 'hostname');
    const source = await victim(outside, 'planted-source');
    const removed = await victim(root, 'removed.txt');
    const relativeTo = (file: string) => path.relative(dir, file);
    const work = await plant(dir, 'commit.json', {
      moves: [
        { from: relativeTo(source.file), to: relativeTo(moved.file) },
        { from: source.file, to: moved.file },
      ],
      removes: ['../../removed.txt', removed.file],
    });
    for (const command of ['validate', 'build']) await expectRefused([command, dir], work);
    for (const file of [moved, source, removed]) await file.check();
    expect(await readdir(outside)).toEqual(['hostname', 'planted-source']);
  });

  it('a removal of a file the person keeps (package.json), or a move onto it from the staging folder', async () => {
    const { dir } = await scratchDataset();
    const before = await readFile(path.join(dir, 'package.json'), 'utf8');
    const work = await plant(dir, 'commit.json', { moves: [{ from: '.tmp/cablepress-write-0123456789ab/new/package.json', to: 'package.json' }], removes: ['source'] });
    await writeFile(path.join(work, 'new', 'package.json'), '{}');
    await expectRefused(['validate', dir], work);
    expect(await readFile(path.join(dir, 'package.json'), 'utf8')).toBe(before);
    expect(await readdir(path.join(dir, 'source'))).not.toEqual([]);
  });

  it('a list of staged copies that names an outside file is not a list of files to delete', async () => {
    const { root, dir } = await scratchDataset();
    const kept = await victim(root, '.laos-tip-2008-fact-sheet.pdf.cablepress-write-0123456789ab');
    const work = await plant(dir, 'attached.json', [path.relative(dir, kept.file), '/etc/hostname']);
    await expectRefused(['build', dir], work);
    await kept.check();
  });

  it('a .tmp that is a link to another folder is not followed', async () => {
    const { dir } = await scratchDataset();
    const outside = await scratchFolder('victim');
    const work = path.join(outside, 'cablepress-write-0123456789ab');
    await mkdir(path.join(work, 'new'), { recursive: true });
    await writeFile(path.join(work, 'commit.json'), JSON.stringify({ moves: [], removes: [] }));
    await symlink(outside, path.join(dir, '.tmp'));
    await expectRefused(['validate', dir], work);
    await expectRefused(['build', dir], work);
    expect(await readdir(outside)).toEqual(['cablepress-write-0123456789ab']);
  });
});
