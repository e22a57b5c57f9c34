import type { Finding } from '@cablepress/core';
import { num, str, type CheckInput } from './types.js';

/** Words before a share that say it completes a whole: "the remaining 22 %", "the remaining 2/3s". */
const REMAINDER = /\b(remaining|remainder|rest|balance|others?)\b[^.;]{0,24}$/i;

interface Share {
  id: string;
  cable: string;
  paragraph: string;
  value: number;
  start: number;
  end: number;
}

/**
 * Shares that claim to make a whole must add up to it: a percentage or fraction introduced as "the remaining ..." closes
 * a group with the shares of the same kind just before it in the paragraph (55 % ... 23 % ... the remaining 22 %), and
 * the group must sum to 100 % (or 1). A group that does not is a warning: the cable's own figures disagree.
 */
export function checkShareSums(input: CheckInput): Finding[] {
  const groups = new Map<string, Share[]>();
  for (const row of input.tables.quantities ?? []) {
    if (row.kind !== 'percent' && row.kind !== 'fraction') continue;
    const value = num(row.value);
    const start = num(row.char_start);
    const end = num(row.char_end);
    if (value === null || start === null || end === null || row.value_max !== null) continue;
    const key = `${String(row.cable_id)} ${String(row.paragraph_id)} ${String(row.kind)}`;
    const share = { id: String(row.quantity_id), cable: String(row.cable_id), paragraph: String(row.paragraph_id), value, start, end };
    groups.set(key, [...(groups.get(key) ?? []), share]);
  }
  const findings: Finding[] = [];
  for (const [key, shares] of groups) {
    const kind = key.split(' ')[2];
    shares.sort((a, b) => a.start - b.start);
    let from = 0;
    shares.forEach((s, i) => {
      const source = input.sources.get(s.cable);
      if (source === undefined || i === from) return;
      const before = source.slice(Math.max(0, s.start - 40), s.start).replace(/\s+/g, ' ');
      if (!REMAINDER.test(before)) return;
      const group = shares.slice(from, i + 1);
      from = i + 1;
      const whole = kind === 'percent' ? 100 : 1;
      const sum = group.reduce((t, g) => t + g.value, 0);
      if (Math.abs(sum - whole) <= whole * 0.005) return;
      findings.push({
        code: 'SHARES_DO_NOT_SUM',
        severity: 'warning',
        message: `${s.cable} ${s.paragraph}: ${group.map((g) => g.value).join(' + ')} = ${Number(sum.toFixed(4))}, but "${str(source.slice(s.start, s.end))}" is given as the remainder of a whole (${whole})`,
        path: ['quantities', s.id, 'value'],
        spans: group.map((g) => ({ cable_id: g.cable, char_start: g.start, char_end: g.end })),
      });
    });
  }
  return findings;
}
