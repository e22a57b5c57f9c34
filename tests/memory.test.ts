import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDataset, scratchFolder, seedDataset } from './helpers.js';
import { cliMeasured, manyParagraphs, useSource } from './hostile-helpers.js';

/*
 * Issue 26: memory grew with the number of paragraphs, not with the bytes. A cable of 100,000 short paragraphs (5 MB,
 * under the 16 MB input cap) took 1.35 GB to build, and its build needs far more than a 256 MB heap, so the old code
 * died of it (V8 out of memory, exit 134). Such a cable is refused now, before its paragraphs are built.
 */
const many = manyParagraphs(100_000, true);

describe('a cable of 100,000 short paragraphs (issue 26)', () => {
  it('is refused with INPUT_TOO_MANY_PARAGRAPHS by a build under a 256 MB heap, in little memory', async () => {
    const scratch = await scratchDataset('laos-tip-2008', 'memory');
    await useSource(scratch, 'many.txt', many);
    const result = await cliMeasured(['build', '--quiet', scratch.dir], scratch.root, '--max-old-space-size=256');
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^cablepress: INPUT_TOO_MANY_PARAGRAPHS: .*many\.txt: the cable has more than 10,000 paragraphs/);
    expect(result.maxRssMb).toBeLessThan(512);
  });

  it('is listed in failures.json by a corpus build, beside the cables that are built', async () => {
    const root = await scratchFolder('memory-corpus');
    const cables = path.join(root, 'cables');
    await mkdir(cables);
    await cp(path.join(seedDataset, 'source/08VIENTIANE145.txt'), path.join(cables, '08VIENTIANE145.txt'));
    await writeFile(path.join(cables, 'many.txt'), many);
    const out = path.join(root, 'out');
    const result = await cliMeasured(['build', '--corpus', cables, '--out', out, '--jobs', '1', '--quiet'], root, '--max-old-space-size=256');
    expect(result.code, result.stderr).toBe(3);
    const report = JSON.parse(await readFile(path.join(out, 'failures.json'), 'utf8')) as { cables: number; failures: { file: string; code: string }[] };
    expect(report.cables).toBe(1);
    expect(report.failures.map((f) => [f.file, f.code])).toEqual([['many.txt', 'INPUT_TOO_MANY_PARAGRAPHS']]);
    expect(result.maxRssMb).toBeLessThan(512);
  });
});
