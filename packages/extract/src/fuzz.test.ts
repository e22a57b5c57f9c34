import { InputError } from '@cablepress/core';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCable } from './index.js';
import { seedPath } from '../test-support/paths.js';

const seedText = readFileSync(seedPath, 'utf8');

/** Parses, allowing only an InputError, and checks every paragraph still maps into the source. */
function parsesSafely(text: string): void {
  let cable;
  try {
    cable = parseCable(text);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return;
  }
  let bad = 0;
  for (const p of cable.paragraphs) {
    if (p.offsets.length !== p.text.length) bad++;
    for (let i = 0; i < p.offsets.length; i++) if (p.offsets[i]! < 0 || p.offsets[i]! >= text.length) bad++;
  }
  expect(bad).toBe(0);
}

describe('fuzz: parseCable never throws an untyped error', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), parsesSafely), { numRuns: 300, seed: 7 });
  });

  it('on the seed with random slices removed and noise inserted', () => {
    const noise = fc.constantFrom(
      '\n',
      '\r',
      '\u2028',
      '¶',
      'SIPDIS\n',
      '-----\n',
      'UNCLAS ',
      'TAGS: ',
      'REF: A. ',
      '<pre>',
      '&#x000A;',
      '(SBU) ',
      '1. ',
      'XXVII. ',
    );
    fc.assert(
      fc.property(fc.nat(seedText.length), fc.nat(2000), fc.array(fc.tuple(fc.nat(seedText.length), noise), { maxLength: 20 }), (cut, len, inserts) => {
        let text = seedText.slice(0, cut) + seedText.slice(cut + len);
        for (const [at, s] of inserts) text = text.slice(0, at) + s + text.slice(at);
        parsesSafely(text);
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
