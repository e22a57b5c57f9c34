import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ParquetFile } from 'parquet-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { verifyDataset } from '@cablepress/publish';
import type { CorpusSummary } from '../packages/cli/dist/corpus/build-corpus.js';
import { corpusDir, filesOf, readCsv, repoRoot, scratchFolder, seedDataset } from './helpers.js';

const run = promisify(execFile);
/** The environment without NODE_OPTIONS: a --max-old-space-size there (npm test sets one) overrides a worker's heap cap. */
const uncapped = { ...process.env, NODE_OPTIONS: '' };

let root: string;

const buildCorpusModule = path.join(repoRoot, 'packages/cli/dist/corpus/build-corpus.js');

/**
 * Builds the corpus in chunks of 4 cables, in a child process (the workers must load the built packages, not the
 * sources vitest resolves); stderr is not a terminal and a progress line is due at every chunk.
 */
async function build(name: string, jobs: number, extra = '', env = process.env): Promise<{ summary: CorpusSummary; stderr: string[]; out: string }> {
  const out = path.join(root, name, 'tip-corpus');
  const script = `import { buildCorpus } from ${JSON.stringify(buildCorpusModule)};
const stderr = [];
const io = { stdout: () => undefined, stderr: (text) => void stderr.push(text), cwd: ${JSON.stringify(root)}, env: {}, isTTY: false };
const summary = await buildCorpus({ corpus: 'cables', out: ${JSON.stringify(out)}, jobs: ${jobs}, progress: true, chunkCables: 4, progressEvery: 0${extra} }, io);
process.stdout.write(JSON.stringify({ summary, stderr }));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env });
  return { ...(JSON.parse(stdout) as { summary: CorpusSummary; stderr: string[] }), out };
}

describe('corpus build in chunks encoded by the workers', () => {
  let one: Awaited<ReturnType<typeof build>>;
  let two: Awaited<ReturnType<typeof build>>;
  let capped: Awaited<ReturnType<typeof build>>;

  beforeAll(async () => {
    root = await scratchFolder('chunks');
    const cables = path.join(root, 'cables');
    await cp(corpusDir, cables, { recursive: true });
    await cp(path.join(seedDataset, 'source/08VIENTIANE145.txt'), path.join(cables, '08VIENTIANE145.txt'));
    // the same cable again, sorted last: a duplicate found in a later chunk than the first copy
    await cp(path.join(corpusDir, '09CAIRO1222.txt'), path.join(cables, 'zz-copy-of-09CAIRO1222.txt'));
    one = await build('one', 1);
    two = await build('two', 2);
    capped = await build('capped', 2, ', workerHeapMb: 4', uncapped);
  });

  it('writes identical bytes with 1 and 2 workers (chunks may finish out of order), over many chunks and a duplicate', async () => {
    const [a, b] = [await filesOf(one.out), await filesOf(two.out)];
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const [file, bytes] of Object.entries(a)) expect(b[file]!.equals(bytes), file).toBe(true);
    expect(one.summary).toMatchObject({ files: 24, cables: 23, failed: 1 });
    expect(one.summary.failures).toEqual([expect.objectContaining({ file: 'zz-copy-of-09CAIRO1222.txt', code: 'DUPLICATE_CABLE' })]);
  });

  it('runs again, without a heap cap, the chunks of a worker that ran out of memory under its cap: same bytes, no failure', async () => {
    const workerFile = pathToFileURL(path.join(repoRoot, 'packages/cli/dist/corpus/worker.js')).href;
    const script = `import { Worker } from 'node:worker_threads';
new Worker(new URL(${JSON.stringify(workerFile)}), { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: 4 } }).on('error', (error) => process.stdout.write(error.code));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: uncapped });
    expect(stdout).toBe('ERR_WORKER_OUT_OF_MEMORY');
    const [a, b] = [await filesOf(one.out), await filesOf(capped.out)];
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const [file, bytes] of Object.entries(a)) expect(b[file]!.equals(bytes), file).toBe(true);
    expect(capped.summary).toMatchObject({ files: 24, cables: 23, failed: 1 });
  });

  it('gives the same bytes with a cache when the workers die while the cache is probed (the chunks are then sent in turn)', async () => {
    const cache = ", cache: 'capped-cache/cache'";
    expect((await build('cache-filled', 2, cache)).summary.cache).toEqual({ chunks: 6, found: 0, cablesBuilt: 24 });
    const probed = await build('capped-cache', 2, `, workerHeapMb: 4${cache}`, uncapped);
    const [a, b] = [await filesOf(one.out), await filesOf(probed.out)];
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const [file, bytes] of Object.entries(a)) expect(b[file]!.equals(bytes), file).toBe(true);
    expect(probed.summary.cache).toEqual({ chunks: 6, found: 6, cablesBuilt: 0 });
  });

  it('writes one Arrow record batch and one Parquet row group per chunk, and a dataset verifyDataset accepts', async () => {
    const arrow = tableFromIPC(await readFile(path.join(one.out, 'data/cables.arrow')));
    expect(arrow.batches.map((b) => b.numRows)).toEqual([4, 4, 4, 4, 4, 3]);
    const parquet = await ParquetFile.fromFile(new Blob([await readFile(path.join(one.out, 'data/cables.parquet'))]));
    expect(
      parquet
        .metadata()
        .rowGroups()
        .map((g) => g.numRows()),
    ).toEqual([4, 4, 4, 4, 4, 3]);
    expect((await verifyDataset(one.out)).filter((f) => f.severity === 'error')).toEqual([]);
    const ids = (await readCsv(path.join(one.out, 'data/cables.csv'))).map((c) => c.cable_id);
    expect(ids.filter((id) => id === '09CAIRO1222')).toHaveLength(1);
  });

  it('lists every warning in validation.json by cable, code and span, and counts them by code', async () => {
    const validation = JSON.parse(await readFile(path.join(one.out, 'validation.json'), 'utf8'));
    const ids = new Set((await readCsv(path.join(one.out, 'data/cables.csv'))).map((c) => c.cable_id));
    expect(validation.findings.length).toBe(validation.warnings);
    expect(validation.findings.length).toBeGreaterThan(0);
    const byCode: Record<string, number> = {};
    for (const f of validation.findings) {
      expect(ids.has(f.cable_id)).toBe(true);
      expect(f.span === null || (Array.isArray(f.span) && f.span[0] <= f.span[1])).toBe(true);
      byCode[f.code] = (byCode[f.code] ?? 0) + 1;
    }
    expect(byCode).toEqual(validation.by_code);
    expect(validation.findings.some((f: { span: unknown }) => f.span !== null)).toBe(true);
  });

  it('prints plain progress lines when stderr is not a terminal, the last with the rate of the summary', () => {
    const lines = one.stderr.join('').trimEnd().split('\n');
    expect(lines[0]).toBe('corpus: listing the files of cables');
    expect(lines[1]).toMatch(/^corpus: 0\/24 files \(0\.0 %\), 0\.0\/[\d.]+ MB, 0 cables\/s, 0 failed, [\d.]+ s$/);
    expect(lines.length).toBeGreaterThanOrEqual(8);
    const last = /^corpus: 24\/24 files \(100\.0 %\), .*, (\d+) cables\/s, 1 failed, ([\d.]+) s$/.exec(lines.at(-1)!);
    expect(last).not.toBeNull();
    expect(Number(last![1])).toBe(Math.round(one.summary.cablesPerSecond));
    expect(Number(last![2])).toBe(Number(one.summary.seconds.toFixed(1)));
  });
});
