import { readdirSync, readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { allTables, compileRowCheck, type TableDef } from '@cablepress/validate';
import {
  buildCable,
  cableRows,
  checkTables,
  datasetTables,
  decideTipReports,
  defaultRecipe,
  indicatorInputOf,
  indicatorsOf,
  readSourceCable,
} from './index.js';

const source = (name: string, file: string) => readSourceCable(readFileSync(new URL(`../../../datasets/${name}/source/${file}`, import.meta.url)), file);
const laos = source('laos-tip-2008', '08VIENTIANE145.txt');

describe('one cable', () => {
  it('reads, parses and hashes the seed cable', () => {
    expect(laos.cable.id).toBe('08VIENTIANE145');
    expect(laos.file).toBe('08VIENTIANE145.txt');
    expect(laos.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('builds its rows, checks them, and finds its candidates for the generic TIP recipe (it is a TIP report)', () => {
    const built = buildCable(laos);
    expect(built.rows.cables).toHaveLength(1);
    expect(built.rows.quantities.length).toBeGreaterThan(50);
    expect(built.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(built.findings.map((f) => f.code)).toContain('CONFLICTING_FIGURES');
    expect(built.tipCandidates?.report.prefix).toBe('la-2007');
    expect(buildCable(source('tip-reports', '09SANJOSE127.html')).tipCandidates?.report.prefix).toBe('cr-2008');
  });

  it("decides a cable's candidates, sent as a worker sends them, as the indicators of its cable in a dataset build", () => {
    const built = buildCable(laos);
    const sent = structuredClone(built.tipCandidates!);
    const decided = decideTipReports([sent]);
    expect(decided.indicators.length).toBeGreaterThan(0);
    const input = indicatorInputOf(laos.cable, built.rows);
    expect(decided).toEqual(indicatorsOf([input], null));
    // What a corpus build's main thread keeps of each TIP report until the end: a fraction of the cable's paragraphs and quantities.
    expect(serialize(sent).length).toBeLessThan(serialize(input).length / 4);
  });

  it('refuses rows that break their schema, whatever mode calls the checks', () => {
    const rows = cableRows(laos);
    const broken = { ...rows, cables: [{ ...rows.cables[0]!, cable_id: 145 }] };
    expect(() => checkTables(broken as unknown as typeof rows, [laos])).toThrow(expect.objectContaining({ code: 'TABLE_SCHEMA' }));
  });

  it('checks the rows of real cables with the compiled row check alone (zod parses only the rows it refuses)', () => {
    const sources = readdirSync(new URL('../../../datasets/tip-reports/source/', import.meta.url)).map((file) => source('tip-reports', file));
    let rows = 0;
    for (const built of sources.map((s) => buildCable(s))) {
      for (const table of allTables) {
        const check = compileRowCheck(table as TableDef);
        for (const row of built.rows[table.name] ?? []) {
          expect([table.name, check(row)]).toEqual([table.name, true]);
          rows++;
        }
      }
    }
    expect(rows).toBeGreaterThan(1000);
  });

  it('reports a check error (active markup in a paragraph) as CHECKS_FAILED, naming the file', () => {
    const text = laos.cable.source.replace('trafficking', '<script>alert(1)</script> trafficking');
    const hostile = readSourceCable(new TextEncoder().encode(text), '08VIENTIANE145.txt');
    expect(() => buildCable(hostile, 'cables/08VIENTIANE145.txt')).toThrow(
      expect.objectContaining({ code: 'CHECKS_FAILED', location: { file: 'cables/08VIENTIANE145.txt' } }),
    );
  });
});

describe('many cables', () => {
  const reykjavik = [source('tip-reports', '08REYKJAVIK36.html'), source('tip-reports', '09REYKJAVIK49.html')];

  it('gives a dataset the rows of each cable in order and the indicators of the cables together', () => {
    const tables = datasetTables([laos, ...reykjavik], null);
    expect(tables.cables.map((c) => c.cable_id)).toEqual(['08VIENTIANE145', '08REYKJAVIK36', '09REYKJAVIK49']);
    expect(new Set(tables.indicators.map((i) => i.country))).toEqual(new Set(['LA', 'IS']));
    const alone = indicatorsOf(
      [laos].map((s) => indicatorInputOf(s.cable, cableRows(s))),
      null,
    );
    expect(tables.indicators.filter((i) => i.country === 'LA')).toEqual(alone.indicators);
    expect(tables.indicator_candidates.filter((i) => i.country === 'LA')).toEqual(alone.indicator_candidates);
  });

  it('merges organizations cable by cable: one row per organization, mentions summed', () => {
    const twice = datasetTables([laos, { ...laos }], null);
    const once = datasetTables([laos], null);
    expect(twice.organizations.map((o) => o.org_id)).toEqual(once.organizations.map((o) => o.org_id));
    expect(twice.organizations.map((o) => o.mention_count)).toEqual(once.organizations.map((o) => o.mention_count * 2));
  });

  it('names the generic TIP recipe as the default of a TIP report, and none for another cable', () => {
    expect(defaultRecipe(laos.cable)?.file).toBe('packages/transform/data/tip-recipe.json');
    expect(defaultRecipe({ ...laos.cable, subject: 'CODEL VISIT', title: null, tags: ['OREP'] })).toBeNull();
  });
});
