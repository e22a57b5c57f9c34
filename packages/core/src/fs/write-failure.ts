import { InputError } from '../errors/index.js';
import type { InputCode } from '../errors/index.js';

/** What each system error of a write means for a person: the code, what happened, and what to do. */
const FAILURES: Record<string, { code: InputCode; message: string; hint: string; names: 'file' | 'folder' }> = {
  ENOSPC: { code: 'DISK_FULL', message: 'the disk is full', hint: 'Free some space and run the command again.', names: 'file' },
  EDQUOT: { code: 'DISK_FULL', message: 'the disk quota is used up', hint: 'Free some space and run the command again.', names: 'file' },
  EFBIG: { code: 'DISK_FULL', message: 'the file would be larger than the file system allows', hint: 'Write it to another file system.', names: 'file' },
  EACCES: {
    code: 'DATASET_READONLY',
    message: 'the folder cannot be written (no permission)',
    hint: 'Make the folder writable, or write elsewhere.',
    names: 'folder',
  },
  EPERM: {
    code: 'DATASET_READONLY',
    message: 'the folder cannot be written (not permitted)',
    hint: 'Make the folder writable, or write elsewhere.',
    names: 'folder',
  },
  EROFS: { code: 'DATASET_READONLY', message: 'the folder is on a read-only file system', hint: 'Remount it writable, or write elsewhere.', names: 'folder' },
  EMFILE: {
    code: 'TOO_MANY_OPEN_FILES',
    message: 'the process has too many files open',
    hint: 'Raise the limit (ulimit -n) or use fewer --jobs, and run the command again.',
    names: 'file',
  },
  ENFILE: {
    code: 'TOO_MANY_OPEN_FILES',
    message: 'the system has too many files open',
    hint: 'Close other programs, or raise the system limit, and run the command again.',
    names: 'file',
  },
  ENAMETOOLONG: { code: 'PATH_TOO_LONG', message: 'its path is longer than the file system allows', hint: 'Use a shorter folder path.', names: 'file' },
};

/**
 * A failed write as an error a person can act on, naming the file (or, when the folder is what refuses, the folder):
 * a full disk or quota, a file too large for the file system (`DISK_FULL`), a folder without permission or on a
 * read-only mount (`DATASET_READONLY`), too many open files (`TOO_MANY_OPEN_FILES`), a path too long (`PATH_TOO_LONG`).
 * `after` says what is still intact (e.g. "the previous release is intact"). Other errors pass through unchanged.
 */
export function writeFailure(error: unknown, file: string, folder: string, after = ''): unknown {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const failure = Object.hasOwn(FAILURES, errno) ? FAILURES[errno]! : undefined;
  if (failure === undefined) return error;
  const where = failure.names === 'file' ? file : folder;
  const verb = failure.names === 'file' ? 'could not be written' : 'cannot be written';
  return new InputError(failure.code, `${where} ${verb}: ${failure.message} (${errno})${after ? `; ${after}` : ''}.`, { file: where }, failure.hint);
}

/** Runs one write step; a system error of the write becomes a typed error naming `file` (see `writeFailure`). */
export async function writing<T>(file: string, folder: string, step: () => Promise<T>, after = ''): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw writeFailure(error, file, folder, after);
  }
}

/** `writing` for a synchronous step (the streamed table files are appended to synchronously). */
export function writingSync<T>(file: string, folder: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw writeFailure(error, file, folder);
  }
}
