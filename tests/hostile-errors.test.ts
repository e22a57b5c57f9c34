import { execFileSync } from 'node:child_process';
import { rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scratch } from './commit.js';
import { cliInProcess as cli, scratchDataset, seedDataset } from './helpers.js';
import { png, SEED_FILE, useSource } from './hostile-helpers.js';

describe('errors a person can cause: one sentence with file, place, what was expected and what to do; --json gives the same', () => {
  const cases: { name: string; setup: (s: Scratch) => Promise<string[]>; env?: Record<string, string>; code: string; exit: number; place: RegExp }[] = [
    {
      name: 'empty source',
      setup: async (s) => (await useSource(s, 'empty.txt', ''), ['build', s.dir]),
      code: 'EMPTY_INPUT',
      exit: 2,
      place: /line 1, column 1/,
    },
    { name: 'PNG source', setup: async (s) => (await useSource(s, 'photo.txt', png()), ['build', s.dir]), code: 'NOT_TEXT', exit: 2, place: /photo\.txt/ },
    {
      name: 'not a cable',
      setup: async (s) => (await useSource(s, 'note.txt', 'Dear all,\nlunch is at noon.\n'), ['build', s.dir]),
      code: 'NOT_A_CABLE',
      exit: 2,
      place: /line 1, column 1/,
    },
    {
      name: 'missing source',
      setup: async (s) => (await rm(path.join(s.dir, 'source', SEED_FILE)), ['build', s.dir]),
      code: 'SOURCE_MISSING',
      exit: 2,
      place: /08VIENTIANE145\.txt/,
    },
    {
      name: 'broken package.json',
      setup: async (s) => (await writeFile(path.join(s.dir, 'package.json'), '{ "version": '), ['build', s.dir]),
      code: 'DATASET_INVALID',
      exit: 2,
      place: /package\.json/,
    },
    {
      name: 'no package.json',
      setup: async (s) => (await rm(path.join(s.dir, 'package.json')), ['build', s.dir]),
      code: 'DATASET_MISSING',
      exit: 2,
      place: /package\.json/,
    },
    { name: 'bad option value', setup: async (s) => ['build', s.dir, '--paper', 'a3'], code: 'USAGE', exit: 2, place: /--paper/ },
    { name: 'unknown command', setup: async () => ['biuld'], code: 'USAGE', exit: 2, place: /biuld/ },
    {
      name: 'recipe that is not JSON',
      setup: async (s) => (await writeFile(path.join(s.dir, 'indicators.json'), '{\n  "indicators": [,]\n}\n'), ['build', s.dir]),
      code: 'RECIPE_JSON',
      exit: 2,
      place: /indicators\.json: line 2, column 18/,
    },
    {
      name: 'recipe missing',
      setup: async (s) => (await rm(path.join(s.dir, 'indicators.json')), ['build', s.dir]),
      code: 'RECIPE_MISSING',
      exit: 2,
      place: /indicators\.json/,
    },
    {
      name: 'dataset path that is a file',
      setup: async (s) => ['build', path.join(s.dir, 'package.json')],
      code: 'DATASET_DIR',
      exit: 2,
      place: /package\.json is a file/,
    },
    {
      name: 'source above --max-input-mb',
      setup: async (s) => ['build', s.dir, '--max-input-mb', '0.01'],
      code: 'INPUT_TOO_LARGE',
      exit: 2,
      place: /08VIENTIANE145\.txt: the file has \d+ bytes, more than the 10485 /,
    },
    {
      name: 'source that is a FIFO',
      setup: async (s) => (await rm(path.join(s.dir, 'source', SEED_FILE)), execFileSync('mkfifo', [path.join(s.dir, 'source', SEED_FILE)]), ['build', s.dir]),
      code: 'INPUT_NOT_FILE',
      exit: 2,
      place: /a FIFO \(named pipe\), not a regular file/,
    },
    {
      name: 'source linked to /dev/zero',
      setup: async (s) => (
        await rm(path.join(s.dir, 'source', SEED_FILE)),
        await symlink('/dev/zero', path.join(s.dir, 'source', SEED_FILE)),
        ['build', s.dir]
      ),
      code: 'INPUT_OUTSIDE',
      exit: 2,
      place: /08VIENTIANE145\.txt: the file is a link to a place outside/,
    },
    {
      name: 'source linked to a file outside the dataset',
      setup: async (s) => (
        await rm(path.join(s.dir, 'source', SEED_FILE)),
        await symlink(path.join(seedDataset, 'source', SEED_FILE), path.join(s.dir, 'source', SEED_FILE)),
        ['build', s.dir]
      ),
      code: 'INPUT_OUTSIDE',
      exit: 2,
      place: /08VIENTIANE145\.txt/,
    },
    {
      name: 'empty --out, which would write into the current folder',
      setup: async (s) => ['site', s.dir, '--out', ''],
      code: 'USAGE',
      exit: 2,
      place: /--out <dir>' argument '' is invalid\. It must name a folder/,
    },
    {
      name: 'site folder inside a file',
      setup: async (s) => ['site', s.dir, '--out', path.join(s.dir, 'package.json', 'site')],
      code: 'OUTPUT_DIR',
      exit: 2,
      place: /package\.json is a file, not a folder/,
    },
    {
      name: 'corpus --out under /proc, which Node would retry to make forever',
      setup: async (s) => ['build', '--quiet', '--corpus', path.join(s.dir, 'source'), '--out', '/proc/cablepress-out/x'],
      code: 'OUTPUT_DIR',
      exit: 2,
      place: /creating \/proc\/cablepress-out failed \(ENOENT\)/,
    },
    {
      name: 'SOURCE_DATE_EPOCH past the end of dates',
      setup: async (s) => ['build', s.dir],
      env: { SOURCE_DATE_EPOCH: '99999999999999999' },
      code: 'SOURCE_DATE_EPOCH',
      exit: 2,
      place: /SOURCE_DATE_EPOCH/,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.code}, exit ${c.exit}`, async () => {
      const scratch = await scratchDataset();
      const args = await c.setup(scratch);
      const human = await cli(args, c.env ? { env: c.env } : {});
      expect(human.code, human.stderr).toBe(c.exit);
      const sentence = human.stderr.trim();
      expect(sentence).toMatch(new RegExp(`^cablepress: ${c.code}: `));
      expect(sentence.split('\n')).toHaveLength(1);
      expect(sentence).toMatch(c.place);
      const json = await cli([...args, '--json'], c.env ? { env: c.env } : {});
      expect(json.code).toBe(c.exit);
      expect(json.stderr).toBe('');
      const body = JSON.parse(json.stdout) as {
        ok: boolean;
        exitCode: number;
        error: { kind: string; code: string; message: string; location: Record<string, unknown>; hint?: string };
      };
      expect(body).toMatchObject({ ok: false, exitCode: c.exit, error: { kind: 'input', code: c.code } });
      expect(body.error.hint, 'says what to do').toMatch(/\w{3,}/);
      expect(sentence).toContain(body.error.message);
      expect(sentence).toContain(body.error.hint!);
      for (const value of Object.values(body.error.location)) expect(sentence).toContain(String(value));
      if (c.code !== 'USAGE' && c.code !== 'SOURCE_DATE_EPOCH') expect(body.error.location.file).toEqual(expect.any(String));
    });
  }
});
