import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDataset, writeDataset } from '@cablepress/publish';
import { syntheticInput, syntheticTables } from '../packages/publish/src/fixtures/rows.js';
import { snapshot } from '../packages/publish/src/fixtures/scratch.js';
import { repoRoot } from './helpers.js';
import { repoScratch } from './publish-helpers.js';

let work: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ dir: work, remove } = await repoScratch('publish-atomic'));
});
afterAll(() => remove());

/**
 * Runs writeDataset of the built @cablepress/publish (like the cablepress binary, `npm test` builds it first) in a
 * child process that kills itself with SIGKILL right after staging its nth file.
 */
function killedWrite(dir: string, input: unknown, killAfter: number): Promise<NodeJS.Signals | null> {
  const script = `
    import { writeDataset } from '@cablepress/publish';
    const input = JSON.parse(process.argv[1]);
    let n = 0;
    await writeDataset(${JSON.stringify(dir)}, input, { onFile: () => { if (++n === ${killAfter}) process.kill(process.pid, 'SIGKILL'); } });
    console.log('finished without being killed');
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(input)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

describe('an interrupted write leaves the previous files exactly as they were', () => {
  it('when the writing process is killed mid-write', async () => {
    const dir = path.join(work, 'killed');
    await mkdir(dir);
    await writeDataset(dir, syntheticInput());
    await writeFile(path.join(dir, 'CHANGELOG.md'), '# kept as is\n');
    const before = await snapshot(dir);

    const tables = syntheticTables();
    tables.tags![0]!.tag = 'CHANGED';
    for (const killAfter of [1, 20, 38]) {
      expect(await killedWrite(dir, { ...syntheticInput(tables), version: '2.0.0' }, killAfter)).toBe('SIGKILL');
      const after = await snapshot(dir);
      const visible = Object.fromEntries(Object.entries(after).filter(([p]) => !p.startsWith('.tmp/')));
      expect(visible).toEqual(before);
      expect(await verifyDataset(dir)).toEqual([]);
    }
    expect(Object.keys(await snapshot(dir)).some((p) => p.startsWith('.tmp/cablepress-write-'))).toBe(true);

    await writeDataset(dir, { ...syntheticInput(tables), version: '2.0.0' });
    expect(await readdir(dir)).toEqual(['CHANGELOG.md', 'CITATION.cff', 'LICENSE.md', 'README.md', 'data', 'datapackage.json', 'validation.json']);
    expect(JSON.parse(await readFile(path.join(dir, 'datapackage.json'), 'utf8')).version).toBe('2.0.0');
    expect(await verifyDataset(dir)).toEqual([]);
  });

  it('when a file fails to write (injected failure), in every step of the write', async () => {
    const dir = path.join(work, 'injected');
    await mkdir(dir);
    await writeDataset(dir, syntheticInput());
    const before = await snapshot(dir);
    for (const failAt of [1, 2, 19, 37, 38, 39]) {
      let n = 0;
      const attempt = writeDataset(
        dir,
        { ...syntheticInput(), version: '3.0.0' },
        {
          onFile: () => {
            if (++n === failAt) throw new Error(`injected failure at file ${failAt}`);
          },
        },
      );
      await expect(attempt).rejects.toThrow(`injected failure at file ${failAt}`);
      expect(await snapshot(dir)).toEqual(before);
    }
  });
});
