import { InputError } from '@cablepress/core';
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { sep } from 'node:path';

type EntryInfo = { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isSymbolicLink(): boolean };

/** What a file system entry is, in words, for a message about an entry that is not a regular file. */
export function entryKind(info: EntryInfo): string {
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

export function tooLarge(file: string, bytes: number, maxBytes: number): InputError {
  return new InputError('INPUT_TOO_LARGE', `the file has ${bytes} bytes, more than the ${maxBytes} an input may have; it was not read.`, { file }, 'Check that it is a cable; if it really is one, raise the cap with --max-input-mb.');
}

/**
 * Reads `file` only when it is a regular file inside `root` (a symbolic link may point elsewhere inside it, never out
 * of it) and at most `maxBytes` long: the size is checked on the open file before a byte is read, and a FIFO or a
 * device is refused without blocking (`INPUT_OUTSIDE`, `INPUT_NOT_FILE`, `INPUT_TOO_LARGE`). Returns undefined when
 * the file does not exist. Errors name the file given, never what a link points at.
 */
export async function readInside(file: string, root: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<Uint8Array | undefined> {
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const top = await realpath(root);
  if (real !== top && !real.startsWith(top + sep)) {
    throw new InputError('INPUT_OUTSIDE', `the file is a link to a place outside ${root}; it was not read.`, { file }, 'Copy the file into the folder instead of linking to it.');
  }
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new InputError('INPUT_NOT_FILE', `the file is ${entryKind(info)}, not a regular file; it was not read.`, { file }, 'Give a regular file.');
    if (info.size > maxBytes) throw tooLarge(file, info.size, maxBytes);
    const bytes = Buffer.alloc(info.size);
    let done = 0;
    while (done < bytes.length) {
      const { bytesRead } = await handle.read(bytes, done, bytes.length - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return new Uint8Array(bytes.buffer, bytes.byteOffset, done);
  } finally {
    await handle.close();
  }
}
