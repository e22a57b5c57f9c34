import { describe, expect, it } from 'vitest';
import { writeFailure } from './write-failure.js';

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('writeFailure', () => {
  it.each([
    ['ENOSPC', 'DISK_FULL', '/d/data/a.csv'],
    ['EDQUOT', 'DISK_FULL', '/d/data/a.csv'],
    ['EFBIG', 'DISK_FULL', '/d/data/a.csv'],
    ['EROFS', 'DATASET_READONLY', '/d'],
    ['EACCES', 'DATASET_READONLY', '/d'],
    ['EPERM', 'DATASET_READONLY', '/d'],
    ['EMFILE', 'TOO_MANY_OPEN_FILES', '/d/data/a.csv'],
    ['ENFILE', 'TOO_MANY_OPEN_FILES', '/d/data/a.csv'],
    ['ENAMETOOLONG', 'PATH_TOO_LONG', '/d/data/a.csv'],
  ])('maps %s to %s naming %s', (code, typed, named) => {
    expect(writeFailure(errno(code), '/d/data/a.csv', '/d')).toMatchObject({
      code: typed,
      kind: 'input',
      location: { file: named },
      message: expect.stringContaining(`(${code})`),
    });
  });

  it('says what is intact when told, and passes other errors through', () => {
    expect(writeFailure(errno('ENOSPC'), '/d/a', '/d', 'the previous release is intact')).toMatchObject({
      message: '/d/a could not be written: the disk is full (ENOSPC); the previous release is intact.',
    });
    const other = errno('EIO');
    expect(writeFailure(other, '/d/x', '/d')).toBe(other);
    const inherited = errno('toString');
    expect(writeFailure(inherited, '/d/x', '/d')).toBe(inherited);
  });
});
