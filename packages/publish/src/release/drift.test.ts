import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDrift, recordRelease } from './drift.js';
import { syntheticInput, syntheticTables } from '../fixtures/rows.js';
import { scratchFolders } from '../fixtures/scratch.js';
import { sha256 } from '../encode/hash.js';
import { writeDataset } from '../commit/write-dataset.js';

const folders = scratchFolders();
afterEach(folders.cleanup);

async function dataset(version = '1.2.3'): Promise<string> {
  const dir = await folders.make();
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: '@x/test-dataset', version, private: true }));
  await writeDataset(dir, { ...syntheticInput(), version });
  return dir;
}

async function setVersion(dir: string, version: string): Promise<void> {
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: '@x/test-dataset', version, private: true }));
}

describe('drift guard', () => {
  it('refuses a package.json version longer than 100 characters, and a package.json that is not an object, as input (issue 26)', async () => {
    const dir = await dataset();
    await setVersion(dir, `1.2.3-${'a'.repeat(100_000)}`);
    await expect(checkDrift(dir)).rejects.toMatchObject({ code: 'PACKAGE_FIELD_TOO_LONG', location: { file: join(dir, 'package.json'), field: 'version' } });
    await writeFile(join(dir, 'package.json'), 'null');
    await expect(checkDrift(dir)).rejects.toMatchObject({
      code: 'DATASET_PACKAGE',
      message: `${join(dir, 'package.json')} is missing or has no "version" (no version)`,
    });
  });

  it('records a release and accepts the unchanged files', async () => {
    const dir = await dataset();
    expect(await checkDrift(dir)).toEqual({ version: '1.2.3', released: false, files: 44 });
    const record = await recordRelease(dir);
    expect(record.version).toBe('1.2.3');
    expect(Object.keys(record.files)).toContain('data/cables.parquet');
    expect(await checkDrift(dir)).toEqual({ version: '1.2.3', released: true, files: 44 });
    const log = JSON.parse(await readFile(join(dir, 'releases.json'), 'utf8'));
    await recordRelease(dir);
    expect(JSON.parse(await readFile(join(dir, 'releases.json'), 'utf8'))).toEqual(log);
  });

  it('records the fact sheet, and checks it only when it is given (validate has no fact sheet)', async () => {
    const dir = await dataset();
    const report = join(dir, 'fact-sheet.pdf');
    await writeFile(report, '%PDF-1.7 one\n');
    const record = await recordRelease(dir, { reportFile: report });
    expect(record.report).toEqual({ file: 'fact-sheet.pdf', sha256: sha256('%PDF-1.7 one\n') });
    expect(await checkDrift(dir)).toEqual({ version: '1.2.3', released: true, files: 44 });
    expect(await checkDrift(dir, { reportFile: report })).toEqual({ version: '1.2.3', released: true, files: 45 });
    await writeFile(report, '%PDF-1.7 two\n');
    expect(await checkDrift(dir)).toMatchObject({ released: true });
    await expect(checkDrift(dir, { reportFile: report })).rejects.toMatchObject({
      code: 'DRIFT_UNVERSIONED',
      message: 'files changed since release 1.2.3 was recorded, but the version still says 1.2.3: fact-sheet.pdf',
    });
  });

  it('fails on a deliberately edited data file', async () => {
    const dir = await dataset();
    await recordRelease(dir);
    const file = join(dir, 'data/tags.csv');
    await writeFile(file, (await readFile(file, 'utf8')).replace('KTIP', 'KTIQ'));
    await expect(checkDrift(dir)).rejects.toMatchObject({
      code: 'DRIFT_TAMPERED',
      message: expect.stringContaining('data/tags.csv does not match its sha256 in datapackage.json'),
    });
  });

  it('fails when data changed but the version still names a recorded release', async () => {
    const dir = await dataset();
    await recordRelease(dir);
    const tables = syntheticTables();
    tables.tags![0]!.tag = 'KTIQ';
    await writeDataset(dir, { ...syntheticInput(tables), version: '1.2.3' });
    const error = await checkDrift(dir).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DRIFT_UNVERSIONED', hint: expect.stringContaining('changeset') });
    expect((error as Error).message).toBe(
      'files changed since release 1.2.3 was recorded, but the version still says 1.2.3: data/tags.arrow, data/tags.csv, data/tags.parquet, datapackage.json',
    );
    await expect(recordRelease(dir)).rejects.toMatchObject({ code: 'DRIFT_UNVERSIONED' });
    await setVersion(dir, '1.2.4');
    await writeDataset(dir, { ...syntheticInput(tables), version: '1.2.4' });
    expect(await checkDrift(dir)).toMatchObject({ version: '1.2.4', released: false });
  });

  it('fails when datapackage.json was not rebuilt after a version bump', async () => {
    const dir = await dataset();
    await setVersion(dir, '1.3.0');
    await expect(checkDrift(dir)).rejects.toMatchObject({ code: 'DRIFT_VERSION', message: 'datapackage.json is version 1.2.3 but package.json says 1.3.0' });
  });

  it('fails when a rebuild from the source differs from the committed files (stale data)', async () => {
    const dir = await dataset();
    const fresh = syntheticTables();
    fresh.cables![0]!.origin = 'Embassy Elsewhere';
    await expect(checkDrift(dir, { rebuild: (out) => writeDataset(out, syntheticInput(fresh)).then(() => undefined) })).rejects.toMatchObject({
      code: 'DRIFT_STALE',
      message:
        'committed files differ from a rebuild from the source: CITATION.cff, README.md, data/cables.arrow, data/cables.csv, data/cables.parquet, datapackage.json',
    });
    expect(await checkDrift(dir, { rebuild: (out) => writeDataset(out, syntheticInput()).then(() => undefined) })).toMatchObject({ version: '1.2.3' });
  });
});
