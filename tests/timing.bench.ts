import { performance } from 'node:perf_hooks';
import { bench, describe } from 'vitest';
import { runCase } from './fuzz/pipeline.js';
import { attackString, auditRegexes, plantAttack } from './fuzz/regex-audit.js';
import { formatSummary, MS_PER_10KB, per10KB, runFuzz } from './fuzz/runner.js';
import { seedText } from './hostile-helpers.js';

/**
 * How long hostile input takes, in ms per 10 KB of input, against the bound the reader is designed for (MS_PER_10KB).
 * Figures only: `npm run bench:timing` prints them and nothing here passes or fails on time, since a busy machine is
 * not a bug. `npm test` checks the same inputs for what they build (tests/fuzz.test.ts, tests/hostile.test.ts,
 * tests/regex-audit.test.ts).
 */
const CASES = Number(process.env.FUZZ_CASES ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20080229);
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

/** One input's best time of three, as a printed line with its ms per 10 KB and whether it is past the bound. */
function timed(label: string, text: string): string {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    runCase({ label, text });
    best = Math.min(best, performance.now() - start);
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  const rate = per10KB(best, bytes);
  return `${rate.toFixed(1).padStart(7)} ms/10KB ${best.toFixed(0).padStart(6)} ms ${String(bytes).padStart(8)} bytes  ${label}${rate > MS_PER_10KB ? `  PAST THE BOUND (${MS_PER_10KB})` : ''}`;
}

describe('time per input of hostile cables', () => {
  bench(
    `${CASES} generated inputs (seed ${SEED}) through the reader and the pipeline`,
    () => {
      console.log(formatSummary(runFuzz({ cases: CASES, seed: SEED })));
    },
    once,
  );

  bench(
    'a 1 MB single line, alone and inside the seed cable',
    () => {
      const line = 'TRAFFICKING (SBU) 1. A '.repeat(Math.ceil(1_000_000 / 23));
      const at = seedText.indexOf('\n1. (SBU)');
      console.log([timed('one line alone', line), timed('one line inside the seed', `${seedText.slice(0, at)}\n${line}${seedText.slice(at)}`)].join('\n'));
    },
    once,
  );

  bench(
    'the attack string of every polynomial regular expression, planted in the seed cable',
    () => {
      const head = seedText.split('\n3. (SBU)')[0]!;
      const lines = auditRegexes()
        .filter((r) => r.attack)
        .flatMap((r) => plantAttack(head, attackString(r.attack!, 10_000)).map(({ place, text }) => timed(`${r.file}:${r.line} attack in ${place}`, text)));
      console.log(lines.sort().reverse().join('\n'));
    },
    once,
  );
});
