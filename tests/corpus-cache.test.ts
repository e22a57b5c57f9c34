import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliBin, cliInProcess, filesOf, repoRoot, scratchFolder } from './helpers.js';

const run = promisify(execFile);
const buildCorpusModule = path.join(repoRoot, 'packages/cli/dist/corpus/build-corpus.js');
const sources = path.join(repoRoot, 'datasets/tip-reports/source');

let root: string;

/** What the summary of the last build said of the cache. */
let cacheSummary: { chunks: number; found: number; cablesBuilt: number } | undefined;

/** Builds `cables/` into `<name>/corpus` in a child process (the workers load the built packages), with the cache when asked. */
async function build(name: string, cache: boolean): Promise<string> {
  const out = path.join(root, name, 'corpus');
  const script = `import { buildCorpus } from ${JSON.stringify(buildCorpusModule)};
const io = { stdout: () => undefined, stderr: () => undefined, cwd: ${JSON.stringify(root)}, env: { SOURCE_DATE_EPOCH: '1204264000' }, isTTY: false };
const summary = await buildCorpus({ corpus: 'cables', out: ${JSON.stringify(out)}, jobs: 2, progress: false${cache ? ", cache: 'cache'" : ''} }, io);
process.stdout.write(JSON.stringify(summary.cache ?? null));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
  cacheSummary = JSON.parse(stdout) ?? undefined;
  return out;
}

const entries = async (kind = 'chunk') => new Set((await readdir(path.join(root, 'cache'))).filter((f) => f.endsWith(`.${kind}`)));

async function expectSameFiles(a: string, b: string): Promise<void> {
  const [left, right] = [await filesOf(a), await filesOf(b)];
  expect(Object.keys(right).sort()).toEqual(Object.keys(left).sort());
  for (const [file, bytes] of Object.entries(left)) expect(right[file]!.equals(bytes), file).toBe(true);
}

/** The ten TIP report cables of datasets/tip-reports, each twice more under another serial number (`06REYKJAVIK68` → `06REYKJAVIK681`). */
async function writeCables(): Promise<string[]> {
  const dir = path.join(root, 'cables');
  await mkdir(dir, { recursive: true });
  const names: string[] = [];
  for (const file of (await readdir(sources)).sort()) {
    const text = await readFile(path.join(sources, file), 'latin1');
    const stem = file.replace(/\.[^.]+$/, '');
    for (const k of ['', '1', '2']) {
      const name = `${stem}${k}${path.extname(file)}`;
      await writeFile(path.join(dir, name), Buffer.from(text.replaceAll(stem, `${stem}${k}`), 'latin1'));
      names.push(name);
    }
  }
  return names;
}

describe('incremental corpus builds (--cache)', () => {
  // Thirty cables make a handful of chunks, so a chunk built again always holds cables found in the cache.
  let names: string[];
  const cable = (name: string) => path.join(root, 'cables', name);

  beforeAll(async () => {
    root = await scratchFolder('cache');
    names = await writeCables();
  });

  it('gives the bytes of a clean build after cables are added, changed and removed', async () => {
    const [added, changed, removed] = [names[5]!, names[17]!, names[28]!];
    const addedText = await readFile(cable(added));
    const changedText = await readFile(cable(changed));
    await rm(cable(added));
    await writeFile(cable(changed), Buffer.concat([changedText, Buffer.from('\n')]));
    await build('incremental', true);

    await writeFile(cable(added), addedText);
    await writeFile(cable(changed), changedText);
    await rm(cable(removed));
    const incremental = await build('incremental', true);
    // The chunks of the three files are built again, but of their cables only the two new to the cache.
    expect(cacheSummary!.found).toBeLessThan(cacheSummary!.chunks);
    expect(cacheSummary!.cablesBuilt).toBe(2);
    expect((await entries('cable')).size).toBe(names.length - 1);
    await expectSameFiles(await build('clean', false), incremental);
  }, 300_000);

  it('builds only the chunk a new cable falls in, and reuses every chunk when nothing changed', async () => {
    const before = await entries();
    expect(before.size).toBeGreaterThan(2);
    const out = path.join(root, 'incremental', 'corpus');
    const { stdout } = await run(process.execPath, [cliBin, 'build', '--corpus', 'cables', '--out', out, '--jobs', '2', '--cache', 'cache'], {
      cwd: root,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1204264000' },
    });
    expect(stdout).toContain(
      `cache: ${before.size} of ${before.size} chunk(s) of cables found in the cache, 0 built; 0 cable(s) built, the rest found in the cache\n`,
    );
    expect(await entries()).toEqual(before);

    const text = await readFile(path.join(sources, '09SANJOSE127.html'), 'latin1');
    await writeFile(cable('09SANJOSE1279.html'), Buffer.from(text.replaceAll('09SANJOSE127', '09SANJOSE1279'), 'latin1'));
    const incremental = await build('incremental', true);
    const after = await entries();
    const rebuilt = [...after].filter((e) => !before.has(e));
    const dropped = [...before].filter((e) => !after.has(e));
    expect(rebuilt.length).toBeGreaterThan(0);
    expect(rebuilt.length).toBeLessThanOrEqual(2);
    expect(dropped.length).toBe(rebuilt.length);
    expect(cacheSummary).toEqual({ chunks: after.size, found: after.size - rebuilt.length, cablesBuilt: 1 });
    await expectSameFiles(await build('clean-2', false), incremental);
    expect(cacheSummary).toBeUndefined();
  }, 300_000);

  it('never reads the entries of a cache kept inside the corpus folder as cables', async () => {
    const corpus = path.join(root, 'with-cache');
    await mkdir(corpus);
    for (const name of names.slice(0, 3)) await writeFile(path.join(corpus, name), await readFile(cable(name)));
    const twice = [];
    for (const out of ['first', 'second']) {
      const { stdout } = await run(
        process.execPath,
        [cliBin, 'build', '--corpus', corpus, '--out', path.join(root, 'in-corpus', out), '--cache', path.join(corpus, 'cache'), '--json'],
        {
          cwd: root,
          env: { ...process.env, SOURCE_DATE_EPOCH: '1204264000' },
        },
      );
      twice.push(JSON.parse(stdout) as { files: number; failed: number; cache: { found: number } });
    }
    expect((await readdir(path.join(corpus, 'cache'))).length).toBeGreaterThan(0);
    expect(twice.map((summary) => [summary.files, summary.failed])).toEqual([
      [3, 0],
      [3, 0],
    ]);
    expect(twice[1]!.cache.found).toBeGreaterThan(0);
  }, 120_000);

  it.each([
    ['--cache', 'cables'],
    ['--out', 'cables'],
  ])('refuses %s %s, the corpus folder itself, before anything is written (CORPUS_OVERLAP)', async (option, folder) => {
    const before = await readdir(path.join(root, 'cables'));
    const args = ['build', '--corpus', 'cables', '--out', path.join(root, 'overlap', 'corpus'), '--cache', path.join(root, 'overlap', 'cache'), '--quiet'];
    args[args.indexOf(option) + 1] = folder;
    const result = await cliInProcess(args, { cwd: root });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^cablepress: CORPUS_OVERLAP: \S+cables: the corpus \(cables\) is read from this folder, which the build also writes into/);
    expect(await readdir(path.join(root, 'cables'))).toEqual(before);
    expect(existsSync(path.join(root, 'overlap'))).toBe(false);
  });

  it.each(['notes.txt', 'notes.txt/cache'])('a --cache path that cannot be a folder (%s) is OUTPUT_DIR, before the dataset folder is made', async (cache) => {
    await writeFile(path.join(root, 'notes.txt'), 'a file where the cache would go\n');
    const out = path.join(root, 'bad-cache', 'corpus');
    const result = await cliInProcess(['build', '--corpus', 'cables', '--out', out, '--cache', cache, '--quiet'], { cwd: root });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^cablepress: OUTPUT_DIR: .*notes\.txt/);
    expect(result.stderr).not.toMatch(/INTERNAL|\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});
