import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { main } from '../main.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

function captureIo(cwd: string): Io & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd, env: {}, out: () => out.join(''), err: () => err.join('') };
}

/** A dataset of the seed cable without a recipe: its indicators come from the generic TIP recipe. */
async function seedDataset(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'cablepress-review-'));
  dirs.push(root);
  const dir = path.join(root, 'laos-review');
  await cp(path.join(repoRoot, 'datasets/tip-reports/source/08VIENTIANE145.txt'), path.join(dir, 'source/08VIENTIANE145.txt'), { recursive: true });
  await writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: '@cablepress-datasets/laos-review',
      version: '0.1.0',
      private: true,
      description: 'The seed cable, reviewed.',
      license: 'CC0-1.0',
      cablepress: { sources: ['source/08VIENTIANE145.txt'], title: 'Laos review' },
    }),
  );
  return dir;
}

describe('cablepress review', () => {
  it('shows the published indicators and the candidates with their sentence and reason', async () => {
    const dir = await seedDataset();
    const io = captureIo(path.dirname(dir));
    expect(await main(['review', 'laos-review'], io)).toBe(0);
    expect(io.out()).toContain(
      '  la-2007-investigations = 38 (taken by the rules)\n    \u00b6 5: As a result, according to the Ministry of Public Security, police investigated 38 cases',
    );
    expect(io.out()).toContain('la-2007-convictions-08VIENTIANE145-p064-q07 = 14: another period (2006-2007) or part of one');
  });

  it('records a decision in reviews.json that the next build applies, and says who decided', async () => {
    const dir = await seedDataset();
    const io = captureIo(path.dirname(dir));
    const args = ['review', 'laos-review', '--accept', 'la-2007-convictions-08VIENTIANE145-p064-q07', '--reason', 'MOPS figure, confirmed by post', '--json'];
    expect(await main(args, io)).toBe(0);
    const out = JSON.parse(io.out());
    expect(out.recorded).toEqual({ id: 'la-2007-convictions-08VIENTIANE145-p064-q07', decision: 'accept', reason: 'MOPS figure, confirmed by post' });
    expect(out.indicators.find((r: { indicator_id: string }) => r.indicator_id === 'la-2007-convictions')).toMatchObject({
      value: 14,
      decided_by: 'reviewer',
      review_reason: 'MOPS figure, confirmed by post',
    });
    expect(JSON.parse(await readFile(path.join(dir, 'reviews.json'), 'utf8')).reviews).toEqual([out.recorded]);
  });

  it('refuses a decision without a reason, or about a figure the build does not have', async () => {
    const dir = await seedDataset();
    const io = captureIo(path.dirname(dir));
    expect(await main(['review', 'laos-review', '--reject', 'la-2007-arrests'], io)).toBe(2);
    expect(io.err()).toMatch(/USAGE: --reject needs --reason/);
    expect(await main(['review', 'laos-review', '--reject', 'la-2007-budget', '--reason', 'x'], io)).toBe(2);
    expect(io.err()).toMatch(/laos-review has no indicator or candidate la-2007-budget/);
  });
});
