import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { scratchFolder } from '../../test-support/paths.js';
import {
  cableKey,
  chunkKey,
  hasEntries,
  lookedUp,
  openCache,
  probeChunk,
  pruneCache,
  readCable,
  readCableFile,
  writeCable,
  writeChunk,
  type CacheRef,
} from './cache.js';
import type { CableResult, ChunkFile, ChunkResult } from './work.js';

/** Two files of a chunk: the cache hashes their bytes and never parses them. */
const CABLES = { 'a.txt': 'first file\n', 'b.txt': 'second file\n' };

describe('the chunk cache', () => {
  let cache: CacheRef;
  let files: ChunkFile[];
  const failed = { ok: false, bytes: 0, code: 'SOURCE_UNREADABLE', message: 'stands for a built cable' } as const;
  const built: ChunkResult = { cables: [failed, failed], parts: {} };

  beforeEach(async () => {
    const root = await scratchFolder('cache-unit');
    cache = await openCache(path.join(root, 'cache'));
    files = [];
    for (const [label, text] of Object.entries(CABLES)) {
      await writeFile(path.join(root, label), text);
      files.push({ file: path.join(root, label), label });
    }
  });

  const keyNow = () =>
    chunkKey(
      cache,
      undefined,
      files.map(({ file, label }) => ({ label, content: readCableFile(file) })),
    );

  it('probes a chunk: its key from the files as they are, and whether an entry is kept under it (and whether there is any entry)', () => {
    expect(probeChunk(files, cache, undefined)).toEqual({ key: keyNow(), found: false });
    expect(hasEntries(cache)).toBe(false);
    writeChunk(cache, keyNow(), built);
    expect(hasEntries(cache)).toBe(true);
    expect(probeChunk(files, cache, undefined)).toEqual({ key: keyNow(), found: true });
    expect(probeChunk(files, cache, 'year').key).not.toBe(keyNow());
  });

  it('reads a chunk under the key of its probe without reading its files again, and hashes them when that entry is gone', async () => {
    const { key } = probeChunk(files, cache, undefined);
    writeChunk(cache, key, built);
    await rm(files[0]!.file);
    expect(lookedUp(files, 'build', { cache }, key)).toEqual({ key, cached: { ...built, cacheKey: key, fromCache: true } });
    const stale = lookedUp(files, 'build', { cache }, 'f'.repeat(64));
    expect(stale?.key).toBe(keyNow());
    expect(stale?.key).not.toBe(key);
    expect(stale?.cached).toBeUndefined();
  });

  it('keeps what each cable gave under its label, its bytes and the code version, and builds it again when its entry cannot be read', async () => {
    const done: CableResult = { ok: true, cableId: '09CAIRO1222', bytes: 11, warnings: { PARSE_NO_SUBJECT: 1 }, rows: { tags: [{ tag: 'PHUM' }] } };
    const bytes = readCableFile(files[0]!.file) as Uint8Array;
    const key = cableKey(cache, 'a.txt', bytes);
    expect(readCable(cache, key)).toBeUndefined();
    writeCable(cache, key, done);
    expect(readCable(cache, key)).toEqual(done);
    expect(hasEntries(cache)).toBe(false);
    expect(
      new Set([
        cableKey(cache, 'b.txt', bytes),
        cableKey(cache, 'a.txt', new TextEncoder().encode('first file\n\n')),
        cableKey({ ...cache, version: 'other' }, 'a.txt', bytes),
      ]).has(key),
    ).toBe(false);
    await writeFile(path.join(cache.dir, `${key}.cable`), 'not an entry');
    expect(readCable(cache, key)).toBeUndefined();
  });

  it('takes an entry that does not have the shape of what a build stores for missing, so its cables are built again', async () => {
    const key = keyNow();
    const part = { rows: 1, csv: new Uint8Array(1), arrow: new Uint8Array(1), parquet: [{ partition: null, bytes: new Uint8Array(1) }] };
    const done = { ok: true, cableId: '09CAIRO1222', bytes: 11, warnings: {}, created: null, organizations: [] };
    const misshapen: unknown[] = [
      'a string',
      { hello: 1 },
      { cables: [failed], parts: {} },
      { cables: [failed, { ...failed, code: undefined }], parts: {} },
      { cables: [failed, { ...done, warnings: { A: 'one' } }], parts: {} },
      { cables: [failed, { ...done, organizations: 'none' }], parts: {} },
      { cables: [failed, failed] },
      { cables: [failed, failed], parts: { tags: { ...part, csv: 'text' } } },
      { cables: [failed, failed], parts: {}, cableKeys: 'ab' },
    ];
    for (const value of misshapen) {
      writeChunk(cache, key, value as ChunkResult);
      expect(lookedUp(files, 'build', { cache }, key), JSON.stringify(value)).toEqual({ key, cached: undefined });
    }
    const good = { cables: [failed, done], parts: { tags: part }, cableKeys: ['ab'] } as ChunkResult;
    writeChunk(cache, key, good);
    expect(lookedUp(files, 'build', { cache })?.cached).toEqual({ ...good, cacheKey: key, fromCache: true });

    const cable = cableKey(cache, 'a.txt', readCableFile(files[0]!.file) as Uint8Array);
    for (const value of ['x', { ok: true, cableId: 'X', bytes: 1, warnings: {} }, { ...done, rows: { tags: ['PHUM'] } }, { ...failed, message: 3 }]) {
      writeCable(cache, cable, value as CableResult);
      expect(readCable(cache, cable), JSON.stringify(value)).toBeUndefined();
    }
  });

  it('prunes the chunks and cables the last build did not use, and what killed writes left', async () => {
    const bytes = readCableFile(files[0]!.file) as Uint8Array;
    const [kept, dropped] = [cableKey(cache, 'a.txt', bytes), cableKey(cache, 'b.txt', bytes)];
    writeCable(cache, kept, built.cables[0]!);
    writeCable(cache, dropped, built.cables[0]!);
    writeChunk(cache, keyNow(), built);
    await writeFile(path.join(cache.dir, `${kept}.cable.1.x.part`), '');
    pruneCache(cache, new Set([kept, keyNow()]));
    expect((await readdir(cache.dir)).sort()).toEqual([`${keyNow()}.chunk`, `${kept}.cable`].sort());
  });

  it('prunes after the dataset is committed, so a cache folder gone meanwhile is no failure', async () => {
    await rm(cache.dir, { recursive: true });
    expect(() => pruneCache(cache, new Set())).not.toThrow();
  });
});
