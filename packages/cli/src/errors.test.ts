import { describe, expect, it } from 'vitest';
import { asTypedError, exitCodeOf } from './errors.js';

const fsError = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

describe('asTypedError', () => {
  it('turns a full disk deep inside a writer into DISK_FULL naming the file (exit 2)', async () => {
    const error = await asTypedError(fsError('ENOSPC', 'write', '/data/tip/.tmp/cablepress-write-1/new/data/cables.csv'));
    expect(error).toMatchObject({ code: 'DISK_FULL', location: { file: '/data/tip/.tmp/cablepress-write-1/new/data/cables.csv' } });
    expect(exitCodeOf(error)).toBe(2);
  });

  it('turns a read-only folder into DATASET_READONLY naming the folder (exit 2)', async () => {
    const error = await asTypedError(fsError('EROFS', 'open', '/mnt/ro/tip/data/cables.csv'));
    expect(error).toMatchObject({ code: 'DATASET_READONLY', location: { file: '/mnt/ro/tip/data' } });
    expect(exitCodeOf(error)).toBe(2);
  });

  it('names the folder itself when it cannot be created (a corpus --out on a read-only mount)', async () => {
    expect(await asTypedError(fsError('EACCES', 'mkdir', '/mnt/ro/out'))).toMatchObject({ code: 'DATASET_READONLY', location: { file: '/mnt/ro/out' } });
  });

  it('leaves other errors as they are: a bug stays exit 70', async () => {
    const bug = new TypeError('x is undefined');
    expect(await asTypedError(bug)).toBe(bug);
    const io = fsError('EIO', 'read', '/x');
    expect(await asTypedError(io)).toBe(io);
    expect(exitCodeOf(io)).toBe(70);
  });
});
