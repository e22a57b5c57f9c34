import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../test-support/paths.js';
import { writeDataset } from '@cablepress/publish';
import { syntheticInput, syntheticTables } from '../../../publish/src/fixtures/rows.js';
import type { Io } from '../io.js';
import { main } from '../main.js';

function captureIo(cwd: string): Io & { out: () => string } {
  const out: string[] = [];
  return { stdout: (s) => out.push(s), stderr: () => undefined, cwd, env: {}, out: () => out.join('') };
}

async function dataset(version: string, tables = syntheticTables()): Promise<string> {
  const dir = await scratchFolder('cli');
  await writeDataset(dir, { ...syntheticInput(tables), version });
  return dir;
}

describe('cablepress diff', () => {
  it('prints changed rows and the suggested bump', async () => {
    const tables = syntheticTables();
    tables.tags!.push({ cable_id: '08TESTPOST145', position: 3, tag: 'PHUM', description: null });
    const [a, b] = [await dataset('1.0.0'), await dataset('1.1.0', tables)];
    const io = captureIo(tmpdir());
    expect(await main(['diff', a, b], io)).toBe(0);
    expect(io.out()).toBe(
      'test-dataset 1.0.0 → test-dataset 1.1.0\ntags: 2 → 3 rows\n  rows added (1): 08TESTPOST145 | 3\n' +
        'suggested bump: minor (tags: 1 row(s) added)\nversion 1.0.0 → 1.1.0 (minor) is enough\n',
    );
  });

  it('with --check exits 1 when the version bump is too small, and --json gives the whole diff', async () => {
    const tables = syntheticTables();
    tables.cables![0]!.signed_by = 'SOMEONE ELSE';
    const [a, b] = [await dataset('1.0.0'), await dataset('1.0.0', tables)];
    const io = captureIo(tmpdir());
    expect(await main(['diff', a, b, '--check', '--json'], io)).toBe(1);
    const body = JSON.parse(io.out());
    expect(body).toMatchObject({ ok: false, exitCode: 1, suggestedBump: 'patch', actualBump: 'none', versionOk: false });
    expect(body.tables.find((t: { table: string }) => t.table === 'cables').rowsChanged).toEqual([
      { key: '08TESTPOST145', changes: [{ column: 'signed_by', old: 'HASLACH', new: 'SOMEONE ELSE' }] },
    ]);
  });

  it('exits 2 when an input is missing or not a dataset', async () => {
    const a = await dataset('1.0.0');
    expect(await main(['diff', a, path.join(a, 'nope')], captureIo(tmpdir()))).toBe(2);
    expect(await main(['diff', a, path.join(a, 'data')], captureIo(tmpdir()))).toBe(2);
    expect(await main(['diff', a], captureIo(tmpdir()))).toBe(2);
  });
});
