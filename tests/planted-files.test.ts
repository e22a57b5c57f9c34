import { execFile } from 'node:child_process';
import { cp, link, mkdir, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess, scratchDataset, scratchFolder, seedDataset, seedReport } from './helpers.js';

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
    const work = await plant(dir, 'commit.json', {
      moves: [{ from: '.tmp/cablepress-write-0123456789ab/new/package.json', to: 'package.json' }],
      removes: ['source'],
    });
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

/** A file outside the dataset folder whose words must never show in any output or file. */
async function secret(): Promise<string> {
  const file = path.join(await scratchFolder('secret'), 'secret.txt');
  await writeFile(file, 'SECRET-FIRST-LINE of a file outside the dataset\n');
  return file;
}

/** Runs a command and checks that it is refused with `code` (exit 2, one line, no stack) and shows nothing of the secret. */
async function expectTyped(args: string[], code: string): Promise<void> {
  const result = await cliInProcess(args);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(new RegExp(`^cablepress: ${code}: `));
  expect(result.stderr + result.stdout).not.toMatch(/SECRET|INTERNAL|\n\s+at /);
}

describe('companion files that link out of the dataset folder are refused and never shown', () => {
  it('CHANGELOG.md as a symbolic link or a hard link to an outside file', async () => {
    const { dir } = await scratchDataset();
    await rm(path.join(dir, 'CHANGELOG.md'));
    await symlink(await secret(), path.join(dir, 'CHANGELOG.md'));
    await expectTyped(['build', dir], 'INPUT_OUTSIDE');
    await rm(path.join(dir, 'CHANGELOG.md'));
    await link(await secret(), path.join(dir, 'CHANGELOG.md'));
    await expectTyped(['build', dir], 'INPUT_HARD_LINK');
    expect(await readdir(dir)).not.toContain('README.md');
  });

  it('package.json as a link to an outside file', async () => {
    const { dir } = await scratchDataset();
    await rm(path.join(dir, 'package.json'));
    await symlink(await secret(), path.join(dir, 'package.json'));
    await expectTyped(['build', dir], 'INPUT_OUTSIDE');
  });

  it('a published data file hard-linked to an outside file: validate shows nothing of it', async () => {
    const { dir } = await scratchDataset();
    expect((await cliInProcess(['build', dir])).code).toBe(0);
    await rm(path.join(dir, 'data/cables.csv'));
    await link(await secret(), path.join(dir, 'data/cables.csv'));
    const result = await cliInProcess(['validate', dir]);
    expect([1, 2]).toContain(result.code);
    expect(result.stderr + result.stdout).toMatch(/INPUT_HARD_LINK/);
    expect(result.stderr + result.stdout).not.toMatch(/SECRET|INTERNAL|\n\s+at /);
  });

  it('a recipe named by an absolute path outside the repository is never opened', async () => {
    const { dir } = await scratchDataset();
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ ...pkg, cablepress: { ...pkg.cablepress, recipe: await secret() } }));
    await expectTyped(['build', dir], 'DATASET_INVALID');
  });

  it('reports/<name> as a link to an outside folder: the fact sheet is not written there', async () => {
    const { root, dir } = await scratchDataset();
    const outside = await scratchFolder('victim');
    await mkdir(path.join(root, 'reports'));
    await symlink(outside, path.join(root, 'reports', 'laos-tip-2008'));
    await expectTyped(['build', dir], 'REPORT_OUTSIDE');
    expect(await readdir(outside)).toEqual([]);
  });

  it('a dataset folder copied out of its repository keeps its fact sheet in its own folder', async () => {
    const { dir } = await scratchDataset();
    const x = await scratchFolder('copied');
    const copy = path.join(x, 'w', 'laos-tip-2008');
    await cp(dir, copy, { recursive: true });
    const result = await cliInProcess(['build', copy]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readdir(x)).toEqual(['w']);
    expect(await readdir(copy)).toContain('laos-tip-2008-fact-sheet.pdf');
  });

  it('a FIFO as CHANGELOG.md is refused at once, never read', async () => {
    const { dir } = await scratchDataset();
    await rm(path.join(dir, 'CHANGELOG.md'));
    await new Promise<void>((resolve, reject) => execFile('mkfifo', [path.join(dir, 'CHANGELOG.md')], (error) => (error ? reject(error) : resolve())));
    await expectTyped(['build', dir], 'INPUT_NOT_FILE');
  });
});

describe('files that are not what their names promise are refused at once, never read', () => {
  /** A copy of the built seed dataset, with its fact sheet, in a repository of its own. */
  async function builtCopy(): Promise<{ dir: string }> {
    const { root, dir } = await scratchDataset();
    await cp(seedDataset, dir, { recursive: true });
    await cp(path.dirname(seedReport), path.join(root, 'reports', 'laos-tip-2008'), { recursive: true });
    return { dir };
  }

  it.each(['releases.json', 'package.json', 'indicators.json'])(
    'a FIFO as %s: build, validate and release end typed or valid, never wait on it',
    async (name) => {
      const { dir } = await builtCopy();
      await rm(path.join(dir, name));
      await new Promise<void>((resolve, reject) => execFile('mkfifo', [path.join(dir, name)], (error) => (error ? reject(error) : resolve())));
      for (const args of [
        ['build', dir],
        ['validate', dir],
        ['release', dir, '--skip-rebuild'],
      ]) {
        const result = await cliInProcess(args);
        expect(result.stderr + result.stdout).not.toMatch(/INTERNAL|\n\s+at /);
        if (result.code !== 0) expect(result.stderr, args.join(' ')).toMatch(new RegExp(`^cablepress: INPUT_NOT_FILE: .*${name.replace('.', '\\.')}: `));
      }
    },
  );

  it.each(['data/cables.csv', 'README.md', 'CHANGELOG.md', 'datapackage.json'])(
    '%s of 3 GiB (sparse): validate says INPUT_TOO_LARGE, never reads it',
    async (name) => {
      const { dir } = await builtCopy();
      await truncate(path.join(dir, name), 3 * 1024 ** 3);
      const before = process.memoryUsage().rss;
      const result = await cliInProcess(['validate', dir]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^cablepress: INPUT_TOO_LARGE: .*${name.replace('.', '\\.')}: the file has 3221225472 bytes`));
      expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 ** 2);
    },
  );
});
