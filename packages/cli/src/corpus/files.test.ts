import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchFolder } from '../../test-support/paths.js';
import { globToRegExp, listCorpusFiles, nameLabel } from './files.js';

describe('globToRegExp', () => {
  it('keeps * and ? inside one folder and lets ** span folders', () => {
    expect(globToRegExp('*.txt').test('08VIENTIANE145.txt')).toBe(true);
    expect(globToRegExp('*.txt').test('2008/08VIENTIANE145.txt')).toBe(false);
    expect(globToRegExp('**/*.txt').test('2008/02/08VIENTIANE145.txt')).toBe(true);
    expect(globToRegExp('**/*.txt').test('08VIENTIANE145.txt')).toBe(true);
    expect(globToRegExp('0?CAIRO*.html').test('09CAIRO2205.html')).toBe(true);
  });

  it('reads {a,b} alternatives and [...] classes, and escapes the rest', () => {
    expect(globToRegExp('*.{txt,html}').test('x.html')).toBe(true);
    expect(globToRegExp('*.{txt,html}').test('x.htm')).toBe(false);
    expect(globToRegExp('[01]*.txt').test('09CAIRO1222.txt')).toBe(true);
    expect(globToRegExp('[!0]*.txt').test('09CAIRO1222.txt')).toBe(false);
    expect(globToRegExp('a+b.txt').test('a+b.txt')).toBe(true);
    expect(globToRegExp('a.txt').test('abtxt')).toBe(false);
  });
});

describe('listCorpusFiles', () => {
  let root: string;

  beforeAll(async () => {
    root = await scratchFolder('files');
    for (const file of [
      'b/09CAIRO1222.txt',
      'a/09CAIRO1222.html',
      'README.md',
      'manifest.json',
      '.hidden/x.txt',
      'out/data/cables.csv',
      'cache/0a.chunk',
      'Z.txt',
    ]) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), 'x');
    }
  });

  it('walks a folder in path order, without hidden entries, sidecars, the output folder or the cache', async () => {
    const files = await listCorpusFiles(root, '/', { skip: [path.join(root, 'out'), path.join(root, 'cache')] });
    expect(files.map((f) => f.label)).toEqual(['Z.txt', 'a/09CAIRO1222.html', 'b/09CAIRO1222.txt']);
    expect(files[0]).toEqual({ file: path.join(root, 'Z.txt'), label: 'Z.txt', bytes: 1 });
  });

  it('takes exactly what a glob matches, relative to the cwd', async () => {
    const files = await listCorpusFiles('**/*.txt', root);
    expect(files.map((f) => f.label)).toEqual(['Z.txt', 'b/09CAIRO1222.txt']);
  });

  it('reports symbolic links, FIFOs, devices and files above the size cap instead of reading or dropping them', async () => {
    const dir = await scratchFolder('files');
    await writeFile(path.join(dir, 'a.txt'), 'x');
    await writeFile(path.join(dir, 'big.txt'), 'x'.repeat(2048));
    await symlink('/etc/passwd', path.join(dir, 'link.txt'));
    await symlink('/dev/zero', path.join(dir, 'zero.txt'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const skipped: { file: string; code: string; message: string }[] = [];
    const files = await listCorpusFiles(dir, '/', { skipped, maxBytes: 1024 });
    expect(files.map((f) => f.label)).toEqual(['a.txt']);
    expect(skipped.sort((a, b) => (a.file < b.file ? -1 : 1))).toEqual([
      { file: 'big.txt', code: 'INPUT_TOO_LARGE', message: 'the file has 2048 bytes, more than the 1024 an input may have; it was not read.' },
      { file: 'link.txt', code: 'INPUT_NOT_FILE', message: 'a symbolic link, not a regular file: skipped without reading it.' },
      { file: 'pipe.txt', code: 'INPUT_NOT_FILE', message: 'a FIFO (named pipe), not a regular file: skipped without reading it.' },
      { file: 'zero.txt', code: 'INPUT_NOT_FILE', message: 'a symbolic link, not a regular file: skipped without reading it.' },
    ]);
    for (const s of skipped) expect(s.message).not.toContain('root:');
  });

  it('lists a file or folder whose name is not UTF-8 as one skipped entry, with its bytes written \\xNN, and goes on', async () => {
    const dir = await scratchFolder('files');
    const named = (...parts: (string | number[])[]) => Buffer.concat([Buffer.from(`${dir}/`), ...parts.map((p) => Buffer.from(p as string))]);
    await writeFile(path.join(dir, 'a.txt'), 'x');
    await writeFile(named('caf', [0xe9], '.txt'), 'x');
    await writeFile(named('caf', [0xc3, 0xa9, 0xff], '.md'), 'x');
    await mkdir(named('d', [0xfe]));
    await writeFile(Buffer.concat([named('d', [0xfe]), Buffer.from('/inside.txt')]), 'x');
    const skipped: { file: string; code: string; message: string }[] = [];
    const files = await listCorpusFiles(dir, '/', { skipped });
    expect(files.map((f) => f.label)).toEqual(['a.txt']);
    expect(skipped.sort((a, b) => (a.file < b.file ? -1 : 1))).toEqual([
      { file: 'caf\\xe9.txt', code: 'INPUT_BAD_NAME', message: "the file's name is not valid UTF-8, so no table could name it: skipped without reading it." },
      { file: 'd\\xfe', code: 'INPUT_BAD_NAME', message: "the folder's name is not valid UTF-8, so no table could name it: skipped without reading it." },
    ]);
    expect(nameLabel(Buffer.from([0x61, 0xc3, 0xa9, 0xff, 0xe2, 0x82]))).toBe('aé\\xff\\xe2\\x82');
  });

  it('refuses a corpus folder (or the folder a glob starts from) that the build writes into', async () => {
    await expect(listCorpusFiles(root, '/', { skip: [path.join(root, 'out'), root] })).rejects.toMatchObject({
      code: 'CORPUS_OVERLAP',
      location: { file: root },
    });
    await expect(listCorpusFiles('**/*.txt', root, { skip: [root] })).rejects.toMatchObject({ code: 'CORPUS_OVERLAP' });
    expect((await listCorpusFiles('b/*.txt', root, { skip: [root] })).map((f) => f.label)).toEqual(['09CAIRO1222.txt']);
  });

  it('says when there is nothing to read', async () => {
    await expect(listCorpusFiles(path.join(root, 'nope'), '/')).rejects.toMatchObject({ code: 'CORPUS_MISSING' });
    await expect(listCorpusFiles('*.pdf', root)).rejects.toMatchObject({ code: 'CORPUS_EMPTY' });
  });
});
