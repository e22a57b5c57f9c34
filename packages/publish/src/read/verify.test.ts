import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticInput } from '../fixtures/rows.js';
import { scratchFolders } from '../fixtures/scratch.js';
import { sha256 } from '../encode/hash.js';
import { verifyDataset } from './verify.js';
import { writeDataset } from '../commit/write-dataset.js';

const folders = scratchFolders();
afterEach(folders.cleanup);

async function written(): Promise<string> {
  const dir = await folders.make();
  await writeDataset(dir, syntheticInput());
  return dir;
}

/** Rewrites a file and fixes its bytes and hash in datapackage.json, so only the content checks can catch it. */
async function replaceAndRehash(dir: string, path: string, content: string): Promise<void> {
  await writeFile(join(dir, path), content);
  const descriptor = JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8'));
  const resource = descriptor.resources.find((r: { path: string }) => r.path === path);
  resource.bytes = Buffer.byteLength(content);
  resource.hash = `sha256:${sha256(content)}`;
  await writeFile(join(dir, 'datapackage.json'), JSON.stringify(descriptor, null, 2));
}

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('verifyDataset', () => {
  it('passes on a freshly written dataset', async () => {
    expect(await verifyDataset(await written())).toEqual([]);
  });

  it('catches a changed byte by its sha256', async () => {
    const dir = await written();
    const file = join(dir, 'data/tags.csv');
    const bytes = await readFile(file);
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 1;
    await writeFile(file, bytes);
    const findings = await verifyDataset(dir);
    expect(codes(findings)).toContain('RESOURCE_HASH');
    expect(findings.find((f) => f.code === 'RESOURCE_HASH')!.message).toBe(
      'data/tags.csv does not match its sha256 in datapackage.json: the file was changed after it was published',
    );
  });

  it('catches a missing file and a size mismatch', async () => {
    const dir = await written();
    await rm(join(dir, 'data/events.parquet'));
    await appendFile(join(dir, 'validation.json'), ' ');
    const findings = await verifyDataset(dir);
    expect(findings.find((f) => f.code === 'RESOURCE_MISSING')!.message).toBe('data/events.parquet is missing (resource events-parquet)');
    expect(findings.find((f) => f.code === 'RESOURCE_BYTES')!.message).toMatch(/^validation.json has 17 bytes, datapackage.json says 16$/);
  });

  it('catches a row breaking its schema even when the hash was updated to match', async () => {
    const dir = await written();
    const csv = await readFile(join(dir, 'data/tags.csv'), 'utf8');
    await replaceAndRehash(dir, 'data/tags.csv', csv.replace('08TESTPOST145,2,ZZZZ', '08TESTPOST145,two,ZZZZ'));
    const findings = await verifyDataset(dir);
    expect(findings.find((f) => f.code === 'CELL_TYPE')!.message).toBe('tags: row 3, position: "two" is not a integer');
  });

  it('catches enum, required, duplicate key and foreign key violations', async () => {
    const dir = await written();
    const csv = await readFile(join(dir, 'data/recipients.csv'), 'utf8');
    const row = csv.split('\r\n')[1]!;
    const bad = [
      row.replace(',to,', ',cc,'),
      row.replace(',1,', ',2,').replace('SECSTATE WASHDC', ''),
      row,
      row.replace('08TESTPOST145', '99NOWHERE1').replace(',1,', ',3,'),
    ];
    await replaceAndRehash(dir, 'data/recipients.csv', `${csv}${bad.join('\r\n')}\r\n`);
    const findings = await verifyDataset(dir);
    expect(codes(findings)).toEqual(expect.arrayContaining(['CELL_ENUM', 'PRIMARY_KEY_DUPLICATE', 'FOREIGN_KEY']));
    expect(findings.find((f) => f.code === 'CELL_ENUM')!.message).toBe('recipients: row 3, role: "cc" is not one of to, info');
    expect(findings.find((f) => f.code === 'FOREIGN_KEY')!.message).toMatch(/recipients: row 6, \(cable_id\) = 99NOWHERE1 has no match in cables/);
    expect(codes(findings)).toContain('BINARY_ROW_COUNT');
  });

  it('catches an Arrow file whose rows differ from the CSV', async () => {
    const dir = await written();
    const other = await readFile(join(dir, 'data/organizations.arrow'));
    await writeFile(join(dir, 'data/tags.arrow'), other);
    const descriptor = JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8'));
    const resource = descriptor.resources.find((r: { name: string }) => r.name === 'tags-arrow');
    resource.bytes = other.length;
    resource.hash = `sha256:${sha256(other)}`;
    await writeFile(join(dir, 'datapackage.json'), JSON.stringify(descriptor));
    expect(codes(await verifyDataset(dir))).toContain('BINARY_COLUMNS');
  });

  it('names the table, column and row where a Parquet file stops reading, not "Error strings stripped"', async () => {
    const dir = await written();
    const file = join(dir, 'data/paragraphs.parquet');
    const bytes = await readFile(file);
    const zstdFrame = bytes.indexOf(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]));
    expect(zstdFrame).toBeGreaterThan(0);
    bytes[zstdFrame + 6] ^= 0xff;
    await writeFile(file, bytes);
    const unreadable = (await verifyDataset(dir)).filter((f) => f.code === 'BINARY_UNREADABLE');
    expect(unreadable).toEqual([
      {
        code: 'BINARY_UNREADABLE',
        severity: 'error',
        message:
          'table paragraphs: data/paragraphs.parquet cannot be read as parquet, column paragraph_id from row 1 on: a data page does not decompress (the file was changed or cut)',
        path: ['paragraphs-parquet', 1, 'paragraph_id'],
      },
    ]);
  });

  it('reports a missing or broken descriptor', async () => {
    const dir = await written();
    await writeFile(join(dir, 'datapackage.json'), '{"name": "Bad Name"');
    expect(codes(await verifyDataset(dir))).toEqual(['DESCRIPTOR_JSON']);
    await writeFile(join(dir, 'datapackage.json'), '{"name": "Bad Name"}');
    expect(codes(await verifyDataset(dir))).toContain('DESCRIPTOR_NAME');
    await rm(join(dir, 'datapackage.json'));
    expect(codes(await verifyDataset(dir))).toEqual(['DESCRIPTOR_MISSING']);
  });
});
