import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFailure } from './write-failure.js';

/** True while a process with this id runs (EPERM: it runs under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const TEMP = /\.tmp-(\d+)$/;

/** The temporary name a file is written under before it is renamed into place: `<file>.tmp-<pid>`. */
export const tempName = (file: string): string => `${file}.tmp-${process.pid}`;

/** Deletes the `<file>.tmp-<pid>` files (or folders) a killed process left in `dir` (those whose process no longer runs). */
export async function removeStaleTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(TEMP.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !processAlive(pid)) await rm(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Writes several files so that either all of them are replaced or none is: each is written whole under its temporary
 * name first (where a full disk or a read-only folder fails, as a typed error naming the file), then all are renamed
 * into place, which needs no space. On failure every temporary file is removed and the old files stay.
 */
export async function writeAllOrNone(files: readonly [string, string | Uint8Array][]): Promise<void> {
  try {
    for (const [file, content] of files) {
      try {
        await writeFile(tempName(file), content);
      } catch (error) {
        throw writeFailure(error, file, dirname(file));
      }
    }
    for (const [file] of files) await rename(tempName(file), file);
  } finally {
    for (const [file] of files) await rm(tempName(file), { force: true });
  }
}
