import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as extract from './index.js';

/**
 * cablemap's own test cases (the development half, vendored from heuer/cablemap with their README) run against
 * the field parsers. Each field must pass at least as many cases as cablemap itself does and at least as many
 * as it passed when this floor was last raised, so that a regression fails.
 */
const suiteDir = fileURLToPath(new URL('./fixtures/cablemap-suite/', import.meta.url));

interface Case {
  id: string;
  input: string;
  args: Record<string, unknown>;
  expected: unknown;
  input_source: string;
  match: string;
  variant?: string;
  excluded?: string;
  cablemap_passes: boolean | null;
}

type Field = (c: Case) => { actual: unknown; expected: unknown };

const fold = (s: unknown): unknown => (typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : s);
const recipients = (list: extract.Recipient[]): unknown =>
  list.map((r) => ({ route: r.route, name: r.name, precedence: r.precedence, mcn: r.mcn, excluded: r.excluded ?? [] }));
const distinct = (ids: (string | null)[]): string[] => [...new Set(ids.filter((x): x is string => x !== null))];
/** cablemap's canonical signer form: upper case, one name per word. */
const canonicalSigners = (names: string[]): string[] => names.flatMap((n) => n.toUpperCase().split(/\s+/)).filter(Boolean);

/** How each field is read and compared (the suite's README). */
const FIELDS: Record<string, Field> = {
  tags: (c) => ({ actual: extract.parseTags(c.input, { canonicalize: c.args.canonicalize !== false }), expected: c.expected }),
  subject: (c) => ({ actual: fold(extract.parseSubject(c.input, { clean: c.args.clean !== false })), expected: fold(c.expected) }),
  references: (c) => {
    const refs = extract.parseReferences(c.input, c.args.year as number, (c.args.reference_id as string | null) ?? undefined);
    const expected =
      c.variant === 'references_ng'
        ? distinct((c.expected as { kind: string; value: string }[]).filter((r) => r.kind === 'cable').map((r) => r.value))
        : c.expected;
    return { actual: distinct(refs.filter((r) => r.kind === 'cable').map((r) => r.canonicalId)), expected };
  },
  recipients: (c) => ({ actual: recipients(extract.parseRecipients(c.input)), expected: c.expected }),
  info_recipients: (c) => ({ actual: recipients(extract.parseInfoRecipients(c.input)), expected: c.expected }),
  cable_ids: (c) =>
    c.match === 'c14n_equal'
      ? { actual: extract.canonicalCableId(c.input), expected: extract.canonicalCableId(c.expected as string) }
      : { actual: extract.canonicalCableId(c.input), expected: c.expected },
  summary: (c) => ({ actual: fold(extract.parseSummary(c.input)), expected: fold(c.expected) }),
  signers: (c) => {
    const names = extract.parseSignedBy(c.input);
    return { actual: c.args.canonicalize ? canonicalSigners(names) : names, expected: c.expected };
  },
  nondisclosure_deadline: (c) => ({ actual: extract.parseNondisclosureDeadline(c.input), expected: c.expected }),
  classified_by: (c) => ({ actual: extract.parseClassifiedBy(c.input), expected: c.expected }),
};

/** Cases the parser must pass, per field, at least (raised as the parser improves; never lowered). */
const FLOOR: Record<string, number> = {
  tags: 30,
  subject: 31,
  references: 70,
  recipients: 2,
  info_recipients: 4,
  cable_ids: 131,
  summary: 15,
  signers: 24,
  nondisclosure_deadline: 5,
  classified_by: 35,
};

/** Cases with their text in the suite, less those the README marks as cablemap's conventions. */
function runnable(field: string): Case[] {
  const suite = JSON.parse(readFileSync(`${suiteDir}${field}.json`, 'utf8')) as { cases: Case[] };
  return suite.cases.filter((c) => c.input_source !== 'cable_by_id' && !c.excluded);
}

describe('cablemap suite, development half', () => {
  it('has a reader for every field file', () => {
    const files = readdirSync(suiteDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual(Object.keys(FIELDS).sort());
  });
  for (const [field, read] of Object.entries(FIELDS)) {
    it(`${field}: at or above cablemap`, () => {
      const cases = runnable(field);
      const failed: string[] = [];
      for (const c of cases) {
        const { actual, expected } = read(c);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) failed.push(`${c.id}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
      }
      const passed = cases.length - failed.length;
      const cablemap = cases.filter((c) => c.cablemap_passes).length;
      console.log(`${field}: ${passed}/${cases.length} (cablemap ${cablemap}, floor ${FLOOR[field]})${failed.length ? `\n  ${failed.join('\n  ')}` : ''}`);
      expect(passed).toBeGreaterThanOrEqual(Math.max(cablemap, FLOOR[field]!));
    });
  }
});
