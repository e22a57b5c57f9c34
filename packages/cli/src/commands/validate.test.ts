import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../test-support/paths.js';
import { writeDataset } from '@cablepress/publish';
import { syntheticInput } from '../../../publish/src/fixtures/rows.js';
import type { Io } from '../io.js';
import { main } from '../main.js';

function captureIo(cwd: string): Io & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd, env: {}, out: () => out.join(''), err: () => err.join('') };
}

async function dataset(): Promise<string> {
  const root = await scratchFolder('cli');
  await writeDataset(root, syntheticInput());
  return root;
}

describe('cablepress validate', () => {
  it('exits 0 on a valid dataset', async () => {
    const dir = await dataset();
    const io = captureIo(path.dirname(dir));
    expect(await main(['validate', path.basename(dir)], io)).toBe(0);
    expect(io.out()).toBe(`${path.basename(dir)}: valid.\n`);
    expect(io.err()).toBe('');
  });

  it('exits 1 and names the file when a byte changed', async () => {
    const dir = await dataset();
    const file = path.join(dir, 'data/cables.csv');
    await writeFile(file, (await readFile(file, 'utf8')).replace('PRIORITY', 'PRI0RITY'));
    const io = captureIo(dir);
    expect(await main(['validate', '.'], io)).toBe(1);
    expect(io.err()).toContain('error RESOURCE_HASH: data/cables.csv does not match its sha256 in datapackage.json');
    expect(io.err()).toContain('error BINARY_CONTENT: cables-arrow: row 1, precedence is "PRIORITY", the CSV has "PRI0RITY"');
    expect(io.out()).toBe('.: invalid, 3 error(s), 0 warning(s).\n');
  });

  it('reports findings as JSON with --json', async () => {
    const dir = await dataset();
    await rm(path.join(dir, 'data/tags.arrow'));
    const io = captureIo(dir);
    expect(await main(['validate', dir, '--json'], io)).toBe(1);
    const body = JSON.parse(io.out());
    expect(body).toMatchObject({ ok: false, exitCode: 1, findings: [{ code: 'RESOURCE_MISSING', severity: 'error', path: ['resources', 7, 'path'] }] });
  });

  it('exits 2 for a folder that does not exist', async () => {
    const io = captureIo(tmpdir());
    expect(await main(['validate', 'no-such-dataset'], io)).toBe(2);
    expect(io.err()).toMatch(/^cablepress: PACKAGE_NOT_FOUND: .*no-such-dataset: .*no-such-dataset does not exist/);
  });

  it('exits 2 for a folder without a datapackage.json', async () => {
    const dir = await dataset();
    await rm(path.join(dir, 'datapackage.json'));
    const io = captureIo(dir);
    expect(await main(['validate', '.'], io)).toBe(2);
    expect(io.err()).toBe(
      `cablepress: DATASET_MISSING: ${path.join(dir, 'datapackage.json')}: there is no datapackage.json here, so this is not a published dataset. Give a dataset folder built by \`cablepress build\`, or a release bundle.\n`,
    );
  });

  it('exits 2 without a dataset argument', async () => {
    const io = captureIo(tmpdir());
    expect(await main(['validate'], io)).toBe(2);
  });
});
