import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, InternalError, type Cable } from '@cablepress/extract';
import { ValidationError } from '@cablepress/validate';
import { describe, expect, it } from 'vitest';
import { seedDataset } from './helpers.js';
import { attackString, auditRegexes, plantAttack, type AuditedRegex } from './fuzz/regex-audit.js';
import fc from 'fast-check';
import { htmlWithMarkup, loadSeeds } from './fuzz/inputs.js';
import { checkProvenance, classify, InvariantError, markupCells, runCase, runPipeline } from './fuzz/pipeline.js';
import { formatSummary, MS_PER_10KB, per10KB, runFuzz } from './fuzz/runner.js';

/** `npm test` runs a fixed sample; `npm run fuzz` sets FUZZ_CASES=10000 (and FUZZ_SEED to explore further). */
const CASES = Number(process.env.FUZZ_CASES ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20080229);
const seedText = readFileSync(path.join(seedDataset, 'source/08VIENTIANE145.txt'), 'utf8');
/** The seed's metadata, header and first two paragraphs: every reader runs on it, in a tenth of the time. */
const seedHead = seedText.slice(0, seedText.indexOf('\n3. (SBU)'));

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
  it('lets only typed errors escape, keeps every span true, stays within 50 ms per 10 KB and quotes each paragraph a bounded number of times', { timeout: Math.max(120_000, CASES * 200) }, () => {
    const summary = runFuzz({ cases: CASES, seed: SEED });
    console.log(formatSummary(summary));
    expect(summary.cases).toBe(CASES);
    expect(summary.withRows).toBeGreaterThan(0);
    expect(summary.failures.map((f) => `${f.signature} — minimal input ${f.minimal}`)).toEqual([]);
    expect(summary.slow).toEqual([]);
    expect(summary.mostQuoted?.label, 'a dense paragraph was generated').toMatch(/dense-paragraph/);
    expect(summary.bloated).toEqual([]);
  });
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

describe('regular expressions in packages/*/src', () => {
  let cached: AuditedRegex[] | undefined;
  const audited = (): AuditedRegex[] => (cached ??= auditRegexes());

  it('none can backtrack exponentially', { timeout: 300_000 }, () => {
    const audit = audited();
    expect(audit.length).toBeGreaterThan(50);
    const report = audit.filter((r) => r.verdict !== 'safe').map((r) => `${r.verdict}${r.degree ? ` (degree ${r.degree})` : ''}  ${r.file}:${r.line}  /${r.source}/${r.flags}`);
    console.log(`regex audit: ${audit.length} expressions, ${report.length} not proven linear:\n${report.join('\n')}`);
    expect(audit.filter((r) => r.verdict === 'exponential').map((r) => `${r.file}:${r.line} /${r.source}/`)).toEqual([]);
  });

  it('no attack string of a polynomial expression, planted in a real cable, slows the pipeline past the bound', { timeout: 300_000 }, () => {
    const vulnerable = audited().filter((r) => r.attack);
    const slow: string[] = [];
    for (const r of vulnerable) {
      const attack = attackString(r.attack!, 10_000);
      for (const { place, text } of plantAttack(seedHead, attack)) {
        const input = { label: `08VIENTIANE145.txt + ${r.file}:${r.line} attack in ${place}`, text };
        const bytes = Buffer.byteLength(text, 'utf8');
        let best = Infinity;
        for (let run = 0; run < 3 && per10KB(best, bytes) > MS_PER_10KB; run++) {
          const { outcome, ms } = runCase(input);
          if (outcome.kind === 'failure') throw outcome.error;
          best = Math.min(best, ms);
        }
        if (per10KB(best, bytes) > MS_PER_10KB) slow.push(`${per10KB(best, bytes).toFixed(0)} ms/10KB: ${input.label}`);
      }
    }
    expect(slow).toEqual([]);
  });
});
