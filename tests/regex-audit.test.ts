import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDataset } from './helpers.js';
import { runCase } from './fuzz/pipeline.js';
import { attackString, auditRegexes, plantAttack, type AuditedRegex } from './fuzz/regex-audit.js';
import { MS_PER_10KB, per10KB } from './fuzz/runner.js';

// A file of its own: its worker waits on recheck for most of its run, so it should hold no more than this file needs.

/** The seed's metadata, header and first two paragraphs: every reader runs on it, in a tenth of the time. */
const seedHead = readFileSync(path.join(seedDataset, 'source/08VIENTIANE145.txt'), 'utf8').split('\n3. (SBU)')[0]!;

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
