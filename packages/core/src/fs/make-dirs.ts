import { InputError } from '../errors/index.js';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeFailure } from './write-failure.js';

const code = (error: unknown): string => (error as NodeJS.ErrnoException | undefined)?.code ?? '';

/** The folder at `path`, null when nothing is there; a file there is OUTPUT_DIR. */
async function existingFolder(path: string, dir: string): Promise<boolean> {
  try {
    if ((await stat(path)).isDirectory()) return true;
  } catch (error) {
    if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') return false;
    throw new InputError(
      'OUTPUT_DIR',
      `${dir} cannot be made: ${path} cannot be read (${code(error) || String(error)}).`,
      { file: dir },
      'Give a folder you can write to.',
    );
  }
  throw new InputError('OUTPUT_DIR', `${dir} cannot be made: ${path} is a file, not a folder.`, { file: dir }, 'Give a folder you can write to.');
}

/**
 * Creates the folder `dir` and its missing parents, one level at a time. Node's `mkdir(dir, { recursive: true })`
 * never returns for a path inside /proc (the kernel answers ENOENT for a folder it cannot make there, and Node makes
 * the existing parent and retries, forever), so an output path a user gives must not reach it. A folder that cannot
 * be made is OUTPUT_DIR naming it (DATASET_READONLY or DISK_FULL when the disk says why).
 */
export async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(dir); !(await existingFolder(at, dir)); at = dirname(at)) {
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
    } catch (error) {
      if (code(error) === 'EEXIST' && (await existingFolder(folder, dir))) continue;
      const typed = writeFailure(error, folder, dir);
      if (typed !== error) throw typed;
      throw new InputError(
        'OUTPUT_DIR',
        `${dir} cannot be made: creating ${folder} failed (${code(error) || String(error)}).`,
        { file: dir },
        'Give a folder on a disk you can write to.',
      );
    }
  }
}
