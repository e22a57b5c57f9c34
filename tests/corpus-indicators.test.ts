import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, readCsv, repoRoot, scratchFolder, type CliResult } from './helpers.js';

const TIP_REPORTS = path.join(repoRoot, 'datasets/tip-reports');

/**
 * Corpus mode and a dataset build compose the same pipeline: a corpus of the ten source cables of `tip-reports` (a
 * dataset built without a recipe, so from the generic TIP recipe) gives the dataset's own tables, indicators included.
 */
describe('cablepress build --corpus over the source cables of tip-reports', () => {
  let out: string;
  let result: CliResult;

  /** Whether the corpus build and the committed dataset have the same bytes at `file`. */
  const sameBytes = async (file: string) => (await readFile(path.join(out, file))).equals(await readFile(path.join(TIP_REPORTS, file)));

  beforeAll(async () => {
    out = path.join(await scratchFolder('corpus-tip'), 'tip-corpus');
    result = await cli(['build', '--corpus', path.join(TIP_REPORTS, 'source'), '--out', out, '--jobs', '2', '--json']);
  });

  it('builds the ten cables', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, cables: 10, failed: 0 });
  });

  it('writes indicator rows: the same as the dataset build, byte for byte', async () => {
    const rows = await readCsv(path.join(out, 'data/indicators.csv'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.find((r) => r.indicator_id === 'la-2007-arrests')).toMatchObject({ cable_id: '08VIENTIANE145', country: 'LA' });
    expect(await sameBytes('data/indicators.csv')).toBe(true);
  });

  it.each(['cables', 'tags', 'quantities', 'organizations', 'organization_mentions', 'events', 'paragraphs'])(
    'writes the %s of the dataset build',
    async (table) => {
      expect(await sameBytes(`data/${table}.csv`)).toBe(true);
    },
  );
});
