import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDirs } from './make-dirs.js';

const made: string[] = [];
const folders = { make: async () => made[made.push(await mkdtemp(join(tmpdir(), 'cablepress-core-'))) - 1]! };
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

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
      code: 'OUTPUT_DIR',
      kind: 'input',
      message: expect.stringContaining(`${join(root, 'notes.txt')} is a file, not a folder`),
    });
  });

  // Node's mkdir(path, { recursive: true }) never returns for this path: the command would hang
  it.skipIf(!existsSync('/proc/self'))('refuses a folder the file system cannot make (under /proc) instead of retrying forever', async () => {
    await expect(makeDirs('/proc/cablepress-site/x')).rejects.toMatchObject({
      code: 'OUTPUT_DIR',
      message: expect.stringContaining('creating /proc/cablepress-site failed (ENOENT)'),
    });
  });
});
