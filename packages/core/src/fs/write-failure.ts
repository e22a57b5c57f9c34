import { InputError } from '../errors/index.js';

const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * A failed write as an error a person can act on: a full disk (`DISK_FULL`, naming the file) or a folder that cannot
 * be written (`DATASET_READONLY`, naming the folder). Both say the previous release is intact; other errors pass through.
 */
export function writeFailure(error: unknown, file: string, folder: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (NO_SPACE.has(code)) {
    return new InputError('DISK_FULL', `${file} could not be written: the disk is full (${code}); the previous release is intact and nothing staged was left behind.`, { file }, 'Free some space and run the command again.');
  }
  if (NOT_WRITABLE.has(code)) {
    return new InputError('DATASET_READONLY', `${folder} cannot be written (${code}); the previous release is intact.`, { file: folder }, 'Make the folder writable (permissions, a read-only mount), or write the dataset elsewhere.');
  }
  return error;
}
