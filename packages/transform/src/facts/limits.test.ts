import { InputError } from '@cablepress/core';
import { parseCable } from '@cablepress/extract';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedCable } from '../../../../tests/test-utils.js';
import { extractFacts } from './extract.js';
import { MAX_FACTS } from './limits.js';

const seedText = readFileSync(seedCable, 'utf8');
const at = seedText.indexOf('\n1. (SBU)');

/** The seed with a first paragraph of `count` figures, each a sentence of its own ("Police found 7 victims."). */
function withFigures(count: number): ReturnType<typeof parseCable> {
  const paragraph = `1. (U) ${'Police found 7 victims. '.repeat(count)}\n`;
  return parseCable(`${seedText.slice(0, at + 1)}${paragraph}${seedText.slice(at + 1)}`, { source: 'figures.txt' });
}

describe('the facts of one cable are bounded (a 16 MB file of figures gave millions of rows, issue 26)', () => {
  it(`refuses a cable of more than ${MAX_FACTS} fact rows with INPUT_TOO_MANY_FACTS as soon as it has them`, () => {
    const cable = withFigures(MAX_FACTS + 1);
    let error: unknown;
    try {
      extractFacts(
        cable,
        cable.paragraphs.map((p) => `p${p.seq}`),
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('INPUT_TOO_MANY_FACTS');
    expect((error as InputError).location).toEqual({ file: 'figures.txt' });
    expect((error as InputError).message).toMatch(/^the cable 08VIENTIANE145 gives more than 50,000 facts /);
  });

  it('reads the facts of a cable below the cap', () => {
    const cable = withFigures(1000);
    const facts = extractFacts(
      cable,
      cable.paragraphs.map((p) => `p${p.seq}`),
    );
    expect(facts.quantities.filter((q) => q.paragraph_id === 'p1')).toHaveLength(1000);
  });
});
