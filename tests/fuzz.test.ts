import { InputError, InternalError, ValidationError } from '@cablepress/core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Cable } from '@cablepress/extract';
import { describe, expect, it } from 'vitest';
import { seedDataset } from './helpers.js';
import fc from 'fast-check';
import { htmlWithMarkup, loadSeeds } from './fuzz/inputs.js';
import { checkProvenance, classify, InvariantError, markupCells, runCase, runPipeline } from './fuzz/pipeline.js';
import { formatSummary, runFuzz } from './fuzz/runner.js';

/** `npm test` runs a fixed sample; `npm run fuzz` sets FUZZ_CASES=10000 (and FUZZ_SEED to explore further). */
const CASES = Number(process.env.FUZZ_CASES ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20080229);
const seedText = readFileSync(path.join(seedDataset, 'source/08VIENTIANE145.txt'), 'utf8');

describe('the fuzz harness', () => {
  it('treats input and validation errors as rejections and anything else as a failure', () => {
    expect(classify(new InputError('NOT_A_CABLE', 'no header'))).toEqual({ kind: 'rejected', code: 'NOT_A_CABLE', message: 'no header' });
    expect(classify(new ValidationError('TABLE_SCHEMA', 'bad row'))).toEqual({ kind: 'rejected', code: 'TABLE_SCHEMA', message: 'bad row' });
    expect(classify(new InternalError('BUG', 'x')).kind).toBe('failure');
    expect(classify(new TypeError('x is undefined')).kind).toBe('failure');
  });

  it('catches a fact row whose text is not the source at its span', () => {
    const { text, cable, tables } = runPipeline({ label: '08VIENTIANE145.txt', text: seedText });
    expect(() => checkProvenance(text, cable, tables)).not.toThrow();
    const row = tables.quantities?.[0] ?? tables.events?.[0];
    expect(row).toBeDefined();
    const broken = { ...tables, quantities: [{ ...row, char_start: Number(row!.char_start) + 1 }] };
    expect(() => checkProvenance(text, cable, broken)).toThrow(InvariantError);
    const moved: Cable = { ...cable, paragraphs: cable.paragraphs.map((p, i) => (i === 1 ? { ...p, span: { start: 0, end: 1 } } : p)) };
    expect(() => checkProvenance(text, moved, tables)).toThrow(/offset .* outside its span/);
  });

  it('builds rows from the untouched seed cable', () => {
    const { outcome } = runCase({ label: '08VIENTIANE145.txt', text: seedText });
    expect(outcome.kind).toBe('rows');
    expect(outcome.kind === 'rows' && outcome.rows).toBeGreaterThan(100);
  });
});

describe(`fuzzing the reader and the pipeline (${CASES} cases, seed ${SEED})`, () => {
  it(
    'lets only typed errors escape, keeps every span true and quotes each paragraph a bounded number of times (time per input: npm run bench:timing)',
    { timeout: Math.max(120_000, CASES * 200) },
    () => {
      const summary = runFuzz({ cases: CASES, seed: SEED });
      console.log(formatSummary(summary));
      expect(summary.cases).toBe(CASES);
      expect(summary.withRows).toBeGreaterThan(0);
      expect(summary.failures.map((f) => `${f.signature} — minimal input ${f.minimal}`)).toEqual([]);
      expect(summary.mostQuoted?.label, 'a dense paragraph was generated').toMatch(/dense-paragraph/);
      expect(summary.bloated).toEqual([]);
    },
  );
});

describe('HTML pages with hostile markup', () => {
  it('never copy a script, an event handler or a javascript: link into a cell: it is dropped, or the build refused', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(htmlWithMarkup(loadSeeds()), (input) => {
        let result;
        try {
          result = runPipeline(input);
        } catch (error) {
          expect(classify(error).kind, String(error)).toBe('rejected');
          return;
        }
        if (result.checkErrors.some((f) => f.code === 'ACTIVE_MARKUP')) return;
        expect(markupCells(result.tables)).toEqual([]);
      }),
      { seed: SEED, numRuns: Math.max(60, Math.round(CASES / 10)) },
    );
  });
});
