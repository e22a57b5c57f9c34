import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bench, describe } from 'vitest';
import { parseCable } from './index.js';
import { corpusDir, seedPath } from '../test-support/paths.js';

const seed = readFileSync(seedPath, 'utf8');
const sanaa = readFileSync(path.join(corpusDir, '10SANAA295.html'), 'utf8');
const body = seed.slice(seed.indexOf('1. (SBU)'), seed.indexOf('Share this cable'));
const big = seed.replace(body, body.repeat(40));
const n = 1_000_000;
const hostile: Record<string, string> = {
  'spaces on one line': `UNCLAS VIENTIANE 000145\n${' '.repeat(n)}x`,
  'short lines': `SUBJECT: X\n${'A.\n'.repeat(n / 3)}`,
  'unclosed tags': `<html><pre>${'<a'.repeat(n / 2)}</pre>`,
  'REF bullets': `TAGS: X\nREF: ${'A. B. '.repeat(n / 6)}`,
};

/** Throughput in MB/s = size in MB / (mean time in s): vitest prints the mean time per call. */
describe(`parseCable (seed ${(seed.length / 1e3).toFixed(0)} kB, Sanaa page ${(sanaa.length / 1e3).toFixed(0)} kB, big ${(big.length / 1e6).toFixed(1)} MB)`, () => {
  bench('seed 08VIENTIANE145 (PlusD text)', () => {
    parseCable(seed);
  });
  bench('10SANAA295 (WikiLeaks HTML)', () => {
    parseCable(sanaa);
  });
  bench(
    'seed body x40 (2.6 MB)',
    () => {
      parseCable(big);
    },
    { iterations: 5 },
  );
});

describe('hostile input, 1 MB each', () => {
  for (const [name, text] of Object.entries(hostile)) {
    bench(
      name,
      () => {
        try {
          parseCable(text);
        } catch {
          // InputError is an accepted outcome here
        }
      },
      { iterations: 3 },
    );
  }
});
