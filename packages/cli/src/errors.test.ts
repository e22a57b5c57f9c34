import { describe, expect, it } from 'vitest';
import { InputError } from '@cablepress/core';
import { asTypedError, exitCodeOf, reportError } from './errors.js';

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

describe('reportError', () => {
  const shown = (error: unknown) => {
    const err: string[] = [];
    reportError(error, { stdout: () => undefined, stderr: (t) => void err.push(t), cwd: '/', env: {} }, false);
    return err.join('');
  };

  it('never runs two sentences together: the message is closed and the hint starts a sentence of its own', () => {
    const error = new InputError('REPORT_MISSING', 'the fact sheet /x/a.pdf does not exist', { file: '/x/a.pdf' }, 'give a dataset folder');
    expect(shown(error)).toBe('cablepress: REPORT_MISSING: /x/a.pdf: the fact sheet /x/a.pdf does not exist. Give a dataset folder.\n');
  });

  it('keeps the punctuation a message or hint already ends with', () => {
    const error = new InputError(
      'DATASET_MISSING',
      'there is no dataset package.json here.',
      { file: '/x/package.json' },
      'Run `cablepress init` (see "help").',
    );
    expect(shown(error)).toBe('cablepress: DATASET_MISSING: /x/package.json: there is no dataset package.json here. Run `cablepress init` (see "help").\n');
  });
});
