import type { Finding } from '@cablepress/core';
import { num, str, type CheckInput } from './types.js';

interface Count {
  id: string;
  cable: string;
  paragraph: string;
  value: number;
  qualifier: string;
  noun: string;
  quote: string;
  years: string;
  start: number;
  end: number;
}

/** Largest relative difference between two values that still reads as the same figure given twice. */
export const SAME_FIGURE_TOLERANCE = 0.1;

function singular(noun: string): string {
  return noun.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '');
}

function years(quote: string): string {
  return [...new Set(quote.match(/\b(?:19|20)\d\d\b/g) ?? [])].sort().join(',');
}

/**
 * The same figure given twice with different values: two counts of the same thing (same counted noun) about the same
 * organization (named in both sentences), in different paragraphs, for the same period (the same years, or none,
 * named in both sentences), whose values differ by no more than 10 %. Each pair of values gives one warning that names
 * every span where the cable states them, e.g. the Lao Bar Association's 80 members in one paragraph and 82 in two
 * others.
 */
export function checkConflictingFigures(input: CheckInput): Finding[] {
  const orgNames = new Map<string, Map<string, Set<string>>>();
  for (const m of input.tables.organization_mentions ?? []) {
    const key = `${String(m.cable_id)} ${String(m.paragraph_id)}`;
    const byOrg = orgNames.get(key) ?? new Map<string, Set<string>>();
    const names = byOrg.get(String(m.org_id)) ?? new Set<string>();
    names.add(String(m.text).replace(/\s+/g, ' '));
    byOrg.set(String(m.org_id), names);
    orgNames.set(key, byOrg);
  }
  const groups = new Map<string, Count[]>();
  for (const row of input.tables.quantities ?? []) {
    const counted = str(row.counted);
    const value = num(row.value);
    const start = num(row.char_start);
    const end = num(row.char_end);
    if (row.kind !== 'count' || counted === null || value === null || start === null || end === null || row.value_max !== null) continue;
    const quote = String(row.quote);
    const byOrg = orgNames.get(`${String(row.cable_id)} ${String(row.paragraph_id)}`);
    if (!byOrg) continue;
    for (const [orgId, names] of byOrg) {
      if (![...names].some((n) => quote.includes(n))) continue;
      const count: Count = {
        id: String(row.quantity_id),
        cable: String(row.cable_id),
        paragraph: String(row.paragraph_id),
        value,
        qualifier: String(row.qualifier),
        noun: singular(counted),
        quote,
        years: years(quote),
        start,
        end,
      };
      const key = `${count.cable} ${orgId} ${count.noun} ${count.years} ${count.qualifier === 'exact'}`;
      groups.set(key, [...(groups.get(key) ?? []), count]);
    }
  }
  const findings: Finding[] = [];
  for (const [key, counts] of groups) {
    const [, orgId] = key.split(' ');
    const byValue = new Map<number, Count[]>();
    for (const c of counts) byValue.set(c.value, [...(byValue.get(c.value) ?? []), c]);
    const values = [...byValue.keys()].sort((x, y) => x - y);
    for (let i = 0; i + 1 < values.length; i++) {
      const low = values[i]!;
      const high = values[i + 1]!;
      if ((high - low) / high > SAME_FIGURE_TOLERANCE) continue;
      const stating = [...byValue.get(low)!, ...byValue.get(high)!].sort((x, y) => x.start - y.start);
      if (new Set(stating.map((c) => c.paragraph)).size < 2) continue;
      const first = stating[0]!;
      const where = (v: number) =>
        stating
          .filter((c) => c.value === v)
          .map((c) => `${c.paragraph} [${c.start}, ${c.end})`)
          .join(', ');
      const [a, b] = first.value === low ? [low, high] : [high, low];
      findings.push({
        code: 'CONFLICTING_FIGURES',
        severity: 'warning',
        message: `${first.cable}: ${orgId} ${first.noun}s given as ${a} (${where(a)}) and as ${b} (${where(b)})`,
        path: ['quantities', first.id, 'value'],
        spans: stating.map((c) => ({ cable_id: c.cable, char_start: c.start, char_end: c.end })),
      });
    }
  }
  return findings;
}
