import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDataset } from './helpers.js';
import { runCase } from './fuzz/pipeline.js';
import { attackString, auditRegexes, plantAttack, type AuditedRegex } from './fuzz/regex-audit.js';

// A file of its own: its worker waits on recheck for most of its run, so it should hold no more than this file needs.

/** The seed's metadata, header and first two paragraphs: every reader runs on it, in a tenth of the time. */
const seedHead = readFileSync(path.join(seedDataset, 'source/08VIENTIANE145.txt'), 'utf8').split('\n3. (SBU)')[0]!;

describe('regular expressions in packages/*/src', () => {
  let cached: AuditedRegex[] | undefined;
  const audited = (): AuditedRegex[] => (cached ??= auditRegexes());

  it('none can backtrack exponentially', { timeout: 300_000 }, () => {
    const audit = audited();
    expect(audit.length).toBeGreaterThan(50);
    const report = audit
      .filter((r) => r.verdict !== 'safe')
      .map((r) => `${r.verdict}${r.degree ? ` (degree ${r.degree})` : ''}  ${r.file}:${r.line}  /${r.source}/${r.flags}`);
    console.log(`regex audit: ${audit.length} expressions, ${report.length} not proven linear:\n${report.join('\n')}`);
    expect(audit.filter((r) => r.verdict === 'exponential').map((r) => `${r.file}:${r.line} /${r.source}/`)).toEqual([]);
  });

  it(
    'the attack string of every polynomial expression, planted in a real cable, builds rows or is refused with a typed error (its time: npm run bench:timing)',
    { timeout: 300_000 },
    () => {
      const vulnerable = audited().filter((r) => r.attack);
      const failures: string[] = [];
      for (const r of vulnerable) {
        for (const { place, text } of plantAttack(seedHead, attackString(r.attack!, 10_000))) {
          const { outcome } = runCase({ label: `08VIENTIANE145.txt + ${r.file}:${r.line} attack in ${place}`, text });
          if (outcome.kind === 'failure') failures.push(`${r.file}:${r.line} attack in ${place}: ${String(outcome.error)}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );
});
