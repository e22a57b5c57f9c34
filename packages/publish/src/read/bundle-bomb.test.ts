import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { afterEach, describe, expect, it } from 'vitest';
import { scratchFolders } from '../fixtures/scratch.js';
import { BundleTooLarge, declaredSizes, readTarGz, readZip } from './bundle-read.js';
import { openPackage } from './files.js';

const folders = scratchFolders();
afterEach(folders.cleanup);

/** A zip written by hand: one local header and deflated data per `data` item, and a central directory that may point several names at one of them. */
function handZip(datas: Buffer[], directory: { name: string; data: number }[]): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const [i, data] of datas.entries()) {
    const name = Buffer.from(`d/part${i}`);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt16LE(name.length, 26);
    offsets.push(at);
    parts.push(header, name, data);
    at += 30 + name.length + data.length;
  }
  const start = at;
  for (const entry of directory) {
    const name = Buffer.from(entry.name);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(datas[entry.data]!.length, 20);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offsets[entry.data]!, 42);
    parts.push(record, name);
    at += 46 + name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(directory.length, 8);
  end.writeUInt16LE(directory.length, 10);
  end.writeUInt32LE(at - start, 12);
  end.writeUInt32LE(start, 16);
  parts.push(end);
  return Buffer.concat(parts);
}

const zeros = (mb: number) => deflateRawSync(Buffer.alloc(mb * 1024 * 1024), { level: 9 });
const undeclared = declaredSizes(new Map());

describe('zip and tar bombs', () => {
  it('a zip whose 200 directory entries share one 16 MB deflate stream is refused before anything is inflated', async () => {
    const bomb = handZip(
      [zeros(16)],
      Array.from({ length: 200 }, (_, i) => ({ name: `d/f${i}.txt`, data: 0 })),
    );
    expect(bomb.length).toBeLessThan(40_000);
    expect(() => readZip(bomb, undeclared)).toThrow(/entries overlap/);
    const file = join(await folders.make(), 'bomb.zip');
    await writeFile(file, bomb);
    await expect(openPackage(file)).rejects.toMatchObject({ code: 'BUNDLE_UNREADABLE', message: expect.stringContaining('entries overlap') });
  });

  it('entries that each stay under their cap but together inflate past the bundle cap stop there (zip)', () => {
    const datas = Array.from({ length: 6 }, () => zeros(1));
    const zip = handZip(
      datas,
      datas.map((_, i) => ({ name: `d/f${i}.txt`, data: i })),
    );
    expect(readZip(zip, undeclared, 6 * 1024 * 1024).size).toBe(6);
    expect(() => readZip(zip, undeclared, 5 * 1024 * 1024)).toThrow(BundleTooLarge);
  });

  it('entries that together inflate past the bundle cap stop there (tar.gz)', async () => {
    const tar = pack();
    for (let i = 0; i < 6; i++) tar.entry({ name: `d/f${i}.txt` }, Buffer.alloc(1024 * 1024));
    tar.finalize();
    const chunks: Buffer[] = [];
    for await (const chunk of tar) chunks.push(chunk as Buffer);
    const bytes = gzipSync(Buffer.concat(chunks));
    expect((await readTarGz(bytes, undeclared, 7 * 1024 * 1024)).size).toBe(6);
    await expect(readTarGz(bytes, undeclared, 5 * 1024 * 1024)).rejects.toBeInstanceOf(BundleTooLarge);
  });
});
