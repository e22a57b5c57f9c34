import type { Finding } from '@cablepress/core';
import { num, str, type CheckInput } from './types.js';

/** An exchange rate the cable implies by giving an amount and its conversion side by side. */
export interface ImpliedRate {
  cable_id: string;
  /** Currency pair, e.g. THB/USD: units of `from` per one unit of `to`. */
  pair: string;
  rate: number;
  /** Quantity ids of the amount and of its conversion. */
  quantity_ids: [string, string];
  spans: { cable_id: string; char_start: number; char_end: number }[];
}

interface Money {
  id: string;
  cable: string;
  paragraph: string;
  unit: string;
  value: number;
  valueMax: number | null;
  start: number;
  end: number;
}

/**
 * What may stand between an amount and its conversion, once white space and opening brackets are removed:
 * "500 baht (about $14)", "100.000.000 Kip [note: USD 1,086".
 */
const CONVERSION_GAPS = new Set(['', 'note', 'note:', 'i.e.', 'i.e.,', 'or', 'equivalentto', 'approximately', 'about']);

function isConversionGap(gap: string): boolean {
  return gap.length <= 24 && CONVERSION_GAPS.has(gap.replace(/[\s([]/g, '').toLowerCase());
}

function moneyRows(input: CheckInput): Money[] {
  const out: Money[] = [];
  for (const row of input.tables.quantities ?? []) {
    const unit = str(row.unit);
    const value = num(row.value);
    const start = num(row.char_start);
    const end = num(row.char_end);
    if (row.kind !== 'money' || unit === null || value === null || start === null || end === null) continue;
    out.push({
      id: String(row.quantity_id),
      cable: String(row.cable_id),
      paragraph: String(row.paragraph_id),
      unit,
      value,
      valueMax: num(row.value_max),
      start,
      end,
    });
  }
  return out.sort((a, b) => (a.cable === b.cable ? a.start - b.start : a.cable < b.cable ? -1 : 1));
}

const LIST_WORDS = new Set(['', 'and', 'or', 'to']);

/** Amounts of one currency listed together ("BD 2,000 and not more than BD 10,000"): consecutive, close, same unit. */
function runs(money: readonly Money[], sources: ReadonlyMap<string, string>): Money[][] {
  const out: Money[][] = [];
  for (const m of money) {
    const run = out.at(-1);
    const last = run?.at(-1);
    const source = sources.get(m.cable);
    const listed =
      last &&
      source !== undefined &&
      last.cable === m.cable &&
      last.paragraph === m.paragraph &&
      last.unit === m.unit &&
      m.start - last.end <= 12 &&
      LIST_WORDS.has(source.slice(last.end, m.start).replace(/[\s,]/g, '').toLowerCase());
    if (listed) run!.push(m);
    else out.push([m]);
  }
  return out;
}

/**
 * Finds conversions the cable states (amounts followed directly by the same amounts in another currency, in brackets
 * or a note) and the exchange rate each implies. Ranges give a rate for each end; listed amounts ("BD 2,000 and BD
 * 10,000 (approximately USD 5,300 and 26,500)") are paired in order.
 */
export function impliedRates(input: CheckInput): ImpliedRate[] {
  const grouped = runs(moneyRows(input), input.sources);
  const rates: ImpliedRate[] = [];
  for (let i = 0; i + 1 < grouped.length; i++) {
    const left = grouped[i]!;
    const right = grouped[i + 1]!;
    const a0 = left.at(-1)!;
    const b0 = right[0]!;
    if (a0.cable !== b0.cable || a0.paragraph !== b0.paragraph || a0.unit === b0.unit) continue;
    const source = input.sources.get(a0.cable);
    if (source === undefined || b0.start - a0.end > 24 || !isConversionGap(source.slice(a0.end, b0.start))) continue;
    const pairs: [Money, Money][] = left.length === right.length ? left.map((a, k) => [a, right[k]!]) : [[a0, b0]];
    for (const [a, b] of pairs) {
      const spans = [
        { cable_id: a.cable, char_start: a.start, char_end: a.end },
        { cable_id: b.cable, char_start: b.start, char_end: b.end },
      ];
      const [fromQ, toQ] = b.unit === 'USD' || a.value < b.value ? [a, b] : [b, a];
      const pair = `${fromQ.unit}/${toQ.unit}`;
      if (toQ.value > 0) rates.push({ cable_id: a.cable, pair, rate: fromQ.value / toQ.value, quantity_ids: [fromQ.id, toQ.id], spans });
      if (fromQ.valueMax !== null && toQ.valueMax !== null && toQ.valueMax > 0) {
        rates.push({ cable_id: a.cable, pair, rate: fromQ.valueMax / toQ.valueMax, quantity_ids: [fromQ.id, toQ.id], spans });
      }
    }
    i++;
  }
  return rates;
}

/** Relative disagreement above which the rates one cable implies for a currency pair draw a warning. */
export const RATE_TOLERANCE = 0.05;

/** Warns when the rates a cable's conversions imply for one currency pair differ by more than 5 %. */
export function checkConversions(input: CheckInput): Finding[] {
  const byPair = new Map<string, ImpliedRate[]>();
  for (const r of impliedRates(input)) {
    const key = `${r.cable_id} ${r.pair}`;
    byPair.set(key, [...(byPair.get(key) ?? []), r]);
  }
  const findings: Finding[] = [];
  for (const rates of byPair.values()) {
    const low = rates.reduce((m, r) => (r.rate < m.rate ? r : m));
    const high = rates.reduce((m, r) => (r.rate > m.rate ? r : m));
    const spread = (high.rate - low.rate) / low.rate;
    if (spread <= RATE_TOLERANCE) continue;
    const fmt = (r: ImpliedRate) => `${r.rate.toFixed(2)} (${r.quantity_ids.join(' = ')})`;
    findings.push({
      code: 'CONVERSION_RATES_DISAGREE',
      severity: 'warning',
      message: `${low.cable_id}: the conversions the cable states imply ${low.pair} rates from ${fmt(low)} to ${fmt(high)}, ${(spread * 100).toFixed(1)} % apart (more than ${RATE_TOLERANCE * 100} %)`,
      path: ['quantities', low.quantity_ids[0], 'value'],
      spans: [...low.spans, ...high.spans],
    });
  }
  return findings;
}
