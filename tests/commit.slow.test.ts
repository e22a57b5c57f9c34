import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';
import { cliWithRenameHook, copyOf, leftovers, oldAndNew, releaseState, type Scratch } from './commit.js';

describe('a build killed at every rename of its commit: validate sees the whole old or the whole new release', () => {
  let template: Scratch;
  let oldFiles: Record<string, string>;
  let newFiles: Record<string, string>;
  let renames = 0;

  beforeAll(async () => {
    ({ template, oldFiles, newFiles } = await oldAndNew());
    const counted = await copyOf(template);
    const countFile = path.join(counted.root, 'renames');
    expect((await cliWithRenameHook(['build', '--quiet', counted.dir], { CABLEPRESS_TEST_COUNT_RENAMES: countFile })).code).toBe(0);
    renames = Number(await readFile(countFile, 'utf8'));
    expect(await releaseState(counted)).toEqual(newFiles);
  });

  it('counts the renames of one build: the commit record, then the data, descriptor, README, LICENSE.md, CITATION.cff, validation.json and fact sheet', () => {
    // one for the commit record, then per switched entry one to move the old one aside and one to move the new one in
    expect(renames).toBe(1 + 2 * 7);
  });

  it('after a kill before each rename, validate finds a complete release and the next build finishes cleanly', { timeout: 900_000 }, async () => {
    for (let at = 1; at <= renames; at++) {
      const s = await copyOf(template);
      const killed = await cliWithRenameHook(['build', '--quiet', s.dir], { CABLEPRESS_TEST_KILL_AT: String(at) });
      expect(killed.signal, `rename ${at}`).toBe('SIGKILL');
      const validated = await cli(['validate', s.dir]);
      expect(validated.code, `rename ${at}: ${validated.stderr}`).toBe(0);
      // before the commit record (rename 1) the old release stays; from the commit record on, the new one is finished
      expect(await releaseState(s), `killed before rename ${at}`).toEqual(at === 1 ? oldFiles : newFiles);
      expect(await leftovers(s), `killed before rename ${at}`).toEqual([]);
      expect((await cli(['build', '--quiet', s.dir])).code).toBe(0);
      expect(await releaseState(s)).toEqual(newFiles);
      expect(await leftovers(s)).toEqual([]);
    }
  });

  it('a release killed during its rebuild leaves no rebuild folder after the next run', { timeout: 300_000 }, async () => {
    const s = await copyOf(template);
    expect((await cli(['build', '--quiet', s.dir])).code).toBe(0);
    const killed = await cliWithRenameHook(['release', s.dir, '--out', path.join(s.root, 'releases')], { CABLEPRESS_TEST_KILL_AT: '2' });
    expect(killed.signal).toBe('SIGKILL');
    expect((await readdir(path.join(s.dir, '.tmp'))).filter((n) => n.startsWith('cablepress-rebuild-'))).toHaveLength(1);
    const released = await cli(['release', s.dir, '--out', path.join(s.root, 'releases')]);
    expect(released.code, released.stderr).toBe(0);
    expect(await leftovers(s)).toEqual([]);
  });
});
