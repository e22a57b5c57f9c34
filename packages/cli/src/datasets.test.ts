import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../test-support/paths.js';
import { datasetPackages } from './datasets.js';
import type { Io } from './io.js';
import { main } from './main.js';

describe('build --all', () => {
  it('finds the datasets that list their source cables, in name order, and leaves out corpus builds and stray folders', async () => {
    const root = await scratchFolder('datasets');
    const dataset = async (name: string, pkg: object | null) => {
      await mkdir(path.join(root, 'datasets', name), { recursive: true });
      if (pkg) await writeFile(path.join(root, 'datasets', name, 'package.json'), JSON.stringify(pkg));
    };
    await dataset('yemen-tip-2010', { version: '0.1.0', cablepress: { source: 'source/10SANAA295.html' } });
    await dataset('tip-corpus', { version: '0.1.0', cablepress: { title: 'Corpus' } });
    await dataset('tip-reports', { version: '0.1.0', cablepress: { sources: ['source/09SANTIAGO156.html', 'source/10SANAA295.html'] } });
    await dataset('notes', null);
    await dataset('laos-tip-2008', { version: '0.1.1', cablepress: { source: 'source/08VIENTIANE145.txt' } });
    expect(await datasetPackages(root)).toEqual(['laos-tip-2008', 'tip-reports', 'yemen-tip-2010'].map((name) => path.join(root, 'datasets', name)));
    expect(await datasetPackages(path.join(root, 'nowhere'))).toEqual([]);
  });

  it('takes a dataset folder or --all, not both', async () => {
    const err: string[] = [];
    const io: Io = { stdout: () => undefined, stderr: (s) => err.push(s), cwd: process.cwd(), env: {} };
    expect(await main(['build', 'datasets/laos-tip-2008', '--all'], io)).toBe(2);
    expect(err.join('')).toBe(
      'cablepress: USAGE: build takes a dataset folder or --all, not both. Run `cablepress help build` to see its arguments and options.\n',
    );
  });
});
