import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as extract from './index.js';
import { fixturesDir } from '../test-support/paths.js';

interface Fixture {
  parser: string;
  source: string;
  args?: { year?: number; ownId?: string };
  options?: extract.ParseOptions;
  expected: unknown;
}

/** Runs the parser a fixture names on its input.txt. */
function run(fx: Fixture, input: string): unknown {
  switch (fx.parser) {
    case 'parseTags':
      return extract.parseTags(input);
    case 'parseSubject':
      return extract.parseSubject(input);
    case 'parseReferences':
      return extract.parseReferences(input, fx.args!.year!, fx.args?.ownId);
    case 'parseRecipients':
      return extract.parseRecipients(input);
    case 'parseInfoRecipients':
      return extract.parseInfoRecipients(input);
    case 'parseClassifiedBy':
      return extract.parseClassifiedBy(input);
    case 'parseSignedBy':
      return extract.parseSignedBy(input);
    case 'parseSummary':
      return extract.parseSummary(input);
    case 'parseNondisclosureDeadline':
      return extract.parseNondisclosureDeadline(input);
    case 'canonicalCableId':
      return extract.canonicalCableId(input);
    case 'parseCable':
      return extract.parseCable(input, fx.options);
    default:
      throw new Error(`fixture names an unknown parser: ${fx.parser}`);
  }
}

const cases = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('fixtures: real snippets → expected.json', () => {
  it('covers every field parser', () => {
    const parsers = new Set(cases.map((c) => (JSON.parse(readFileSync(path.join(fixturesDir, c, 'expected.json'), 'utf8')) as Fixture).parser));
    expect([...parsers].sort()).toEqual([
      'canonicalCableId',
      'parseCable',
      'parseClassifiedBy',
      'parseInfoRecipients',
      'parseNondisclosureDeadline',
      'parseRecipients',
      'parseReferences',
      'parseSignedBy',
      'parseSubject',
      'parseSummary',
      'parseTags',
    ]);
  });
  for (const name of cases) {
    it(name, () => {
      const fx = JSON.parse(readFileSync(path.join(fixturesDir, name, 'expected.json'), 'utf8')) as Fixture;
      const input = readFileSync(path.join(fixturesDir, name, 'input.txt'), 'utf8');
      const actual = run(fx, input);
      if (fx.parser === 'parseCable') expect(actual).toMatchObject(fx.expected as object);
      else expect(actual).toEqual(fx.expected);
    });
  }
});
