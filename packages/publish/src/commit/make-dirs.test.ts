import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scratchFolders } from '../fixtures/scratch.js';
import { makeDirs } from './make-dirs.js';

const folders = scratchFolders();
afterEach(folders.cleanup);

describe('makeDirs', () => {
  it('makes a folder and its missing parents, and leaves an existing one as it is', async () => {
    const root = await folders.make();
    const deep = join(root, 'a', 'b', 'c');
    await makeDirs(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    await expect(makeDirs(deep)).resolves.toBeUndefined();
  });

  it('refuses a path through a file with OUTPUT_DIR naming the file', async () => {
    const root = await folders.make();
    await writeFile(join(root, 'notes.txt'), 'x');
    await expect(makeDirs(join(root, 'notes.txt', 'site'))).rejects.toMatchObject({
      code: 'OUTPUT_DIR', kind: 'input', message: expect.stringContaining(`${join(root, 'notes.txt')} is a file, not a folder`),
    });
  });

  // Node's mkdir(path, { recursive: true }) never returns for this path: the command would hang
  it.skipIf(!existsSync('/proc/self'))('refuses a folder the file system cannot make (under /proc) instead of retrying forever', async () => {
    await expect(makeDirs('/proc/cablepress-site/x')).rejects.toMatchObject({ code: 'OUTPUT_DIR', message: expect.stringContaining('creating /proc/cablepress-site failed (ENOENT)') });
  });
});
