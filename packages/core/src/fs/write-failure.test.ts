import { describe, expect, it } from 'vitest';
import { writeFailure } from './write-failure.js';

describe('writeFailure', () => {
  it('names the file of a full disk and the folder that cannot be written; other errors pass through', () => {
    const errno = (code: string) => Object.assign(new Error(code), { code });
    expect(writeFailure(errno('ENOSPC'), '/d/data/a.csv', '/d')).toMatchObject({ code: 'DISK_FULL', kind: 'input', location: { file: '/d/data/a.csv' } });
    expect(writeFailure(errno('EDQUOT'), '/d/data/a.csv', '/d')).toMatchObject({ code: 'DISK_FULL', message: expect.stringContaining('previous release is intact') });
    expect(writeFailure(errno('EROFS'), '/d/x', '/d')).toMatchObject({ code: 'DATASET_READONLY', location: { file: '/d' } });
    const other = errno('EIO');
    expect(writeFailure(other, '/d/x', '/d')).toBe(other);
  });

});
