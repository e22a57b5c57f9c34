import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CableIdSet, PackedFiles } from './packed.js';

const root = path.join(path.sep, 'corpus');
const files = ['a/08VIENTIANE145.txt', 'a/09CAIRO1222.txt', 'b/ünïcode 1.txt', 'c.html'].map((label, i) => ({
  file: path.join(root, label),
  label,
  bytes: 1000 + i,
}));

describe('PackedFiles', () => {
  it('gives back every file, label and size, in order, and the total size', () => {
    const packed = new PackedFiles(files);
    expect(packed.length).toBe(4);
    expect(packed.bytes).toBe(4006);
    expect(packed.slice(0, 4)).toEqual(files);
    expect(packed.slice(2, 10)).toEqual(files.slice(2));
    expect(packed.label(1)).toBe('a/09CAIRO1222.txt');
  });

  it('holds a single file given as itself', () => {
    const one = [{ file: path.join(root, 'x', '08VIENTIANE145.txt'), label: '08VIENTIANE145.txt', bytes: 5 }];
    expect(new PackedFiles(one).slice(0, 1)).toEqual(one);
  });
});

describe('CableIdSet', () => {
  it('gives the file number an id was first added with, and nothing for a new id', () => {
    const seen = new CableIdSet();
    expect(seen.addOrGet('08VIENTIANE145', 3)).toBeUndefined();
    expect(seen.addOrGet('09CAIRO1222', 4)).toBeUndefined();
    expect(seen.addOrGet('08VIENTIANE145', 9)).toBe(3);
    expect(seen.addOrGet('08VIENTIANE14', 10)).toBeUndefined();
    expect(seen.size).toBe(3);
  });

  it('keeps 100,000 ids through every growth of its table, each found again with its own file number', () => {
    const seen = new CableIdSet();
    const id = (n: number) => `${String(n % 45).padStart(2, '0')}POST${n}`;
    let found = 0;
    for (let n = 0; n < 100_000; n++) if (seen.addOrGet(id(n), n) !== undefined) found++;
    expect(found).toBe(0);
    const again = [0, 1, 2047, 2048, 65_537, 99_999].map((n) => seen.addOrGet(id(n), 0));
    expect(again).toEqual([0, 1, 2047, 2048, 65_537, 99_999]);
    expect(seen.addOrGet('é', 1)).toBeUndefined();
    expect(seen.addOrGet('é', 2)).toBe(1);
    expect(seen.size).toBe(100_001);
  });
});
