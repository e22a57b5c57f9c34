import fc from 'fast-check';
import { fuzzInput, loadSeeds, sizeOf, type FuzzInput } from './inputs.js';
import { runCase, type CaseResult } from './pipeline.js';

/** The time bound: 50 ms per 10 KB of input, inputs under 10 KB counted as 10 KB. */
export const MS_PER_10KB = 50;
/**
 * The growth bound: the facts of a paragraph quote at most this many characters per character of the paragraph (real
 * cables reach 8; without the quote caps one dense sentence of figures reaches hundreds).
 */
export const QUOTE_GROWTH = 40;
const BATCH = 100;
/** Rejections of rows the pipeline itself made: allowed (typed), but worth a look. */
const SUSPICIOUS = new Set(['TABLE_SCHEMA', 'CHECKS_FAILED', 'ARROW_INT32_RANGE', 'CSV_AMBIGUOUS_EMPTY']);

export interface Failure {
  /** What broke, without offsets or sizes, so that one bug is listed once. */
  signature: string;
  count: number;
  /** The first case that showed it, then shrunk while it still fails the same way. */
  label: string;
  minimal: string;
  stack: string;
}

export interface SlowCase {
  label: string;
  bytes: number;
  ms: number;
  msPer10KB: number;
}

export interface FuzzSummary {
  seed: number;
  cases: number;
  withRows: number;
  rejected: Record<string, number>;
  /** The first input rejected with each code that points at data the pipeline made (schema or check errors). */
  suspicious: Record<string, { label: string; message: string }>;
  failures: Failure[];
  failureCount: number;
  slow: SlowCase[];
  slowest: SlowCase[];
  /** The case whose fact quotes grew most per character of input, and the cases past QUOTE_GROWTH. */
  mostQuoted: GrowthCase | null;
  bloated: GrowthCase[];
  totalBytes: number;
  totalMs: number;
}

export interface GrowthCase {
  label: string;
  growth: number;
}

export const per10KB = (ms: number, bytes: number): number => ms / Math.max(1, bytes / 10_240);

function signatureOf(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown: ${typeof error}`;
  const frame = (error.stack ?? '').split('\n').find((l) => /packages\/[a-z]+\/src\//.test(l)) ?? '';
  const where = /packages\/([a-z]+\/src\/[^:)]+)/.exec(frame)?.[1] ?? 'unknown';
  return `${error.name}: ${error.message
    .replace(/\d+/g, '#')
    .replace(/"[^"]*"/g, '"…"')
    .slice(0, 160)} @ ${where}`;
}

function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? String(error)).split('\n').slice(0, 8).join('\n') : String(error);
}

/** Removes chunks of the input (halving the chunk size) while the case still fails with the same signature. */
export function minimize(input: FuzzInput, signature: string, budget = 400): FuzzInput {
  const fails = (candidate: FuzzInput): boolean => {
    const { outcome } = runCase(candidate);
    return outcome.kind === 'failure' && signatureOf(outcome.error) === signature;
  };
  let tries = 0;
  let current = input;
  const length = (x: FuzzInput) => ('bytes' in x ? x.bytes.length : x.text.length);
  const without = (x: FuzzInput, start: number, end: number): FuzzInput =>
    'bytes' in x
      ? { label: x.label, bytes: new Uint8Array([...x.bytes.subarray(0, start), ...x.bytes.subarray(end)]) }
      : { label: x.label, text: x.text.slice(0, start) + x.text.slice(end) };
  for (let chunk = Math.max(1, Math.floor(length(current) / 2)); chunk >= 1 && tries < budget; chunk = Math.floor(chunk / 2)) {
    for (let start = 0; start < length(current) && tries < budget;) {
      const candidate = without(current, start, start + chunk);
      tries++;
      if (fails(candidate)) current = candidate;
      else start += chunk;
    }
  }
  return current;
}

function show(input: FuzzInput): string {
  const body = 'bytes' in input ? `bytes ${Buffer.from(input.bytes).toString('hex').slice(0, 400)}` : JSON.stringify(input.text.slice(0, 400));
  return `${sizeOf(input)} bytes: ${body}`;
}

/** Runs `cases` generated inputs (fixed seed) through the pipeline; collects failures, rejections and timings. */
export function runFuzz(options: { cases: number; seed: number; onProgress?: (done: number) => void }): FuzzSummary {
  const arb = fuzzInput(loadSeeds());
  const summary: FuzzSummary = {
    seed: options.seed,
    cases: 0,
    withRows: 0,
    rejected: {},
    suspicious: {},
    failures: [],
    failureCount: 0,
    slow: [],
    slowest: [],
    mostQuoted: null,
    bloated: [],
    totalBytes: 0,
    totalMs: 0,
  };
  const bySignature = new Map<string, Failure>();
  for (let batch = 0; summary.cases < options.cases; batch++) {
    const inputs = fc.sample(arb, { seed: options.seed + batch, numRuns: Math.min(BATCH, options.cases - summary.cases) });
    for (const input of inputs) {
      const bytes = sizeOf(input);
      let result: CaseResult = runCase(input);
      for (let retry = 0; retry < 2 && per10KB(result.ms, bytes) > MS_PER_10KB; retry++) {
        const again = runCase(input);
        if (again.ms < result.ms) result = again;
      }
      summary.cases++;
      summary.totalBytes += bytes;
      summary.totalMs += result.ms;
      const timing: SlowCase = { label: input.label, bytes, ms: Math.round(result.ms * 10) / 10, msPer10KB: Math.round(per10KB(result.ms, bytes) * 10) / 10 };
      summary.slowest = [...summary.slowest, timing].sort((a, b) => b.msPer10KB - a.msPer10KB).slice(0, 5);
      if (timing.msPer10KB > MS_PER_10KB) summary.slow.push(timing);
      const { outcome } = result;
      if (outcome.kind === 'rows') {
        summary.withRows++;
        const growth: GrowthCase = { label: input.label, growth: Math.round(outcome.quoteGrowth * 10) / 10 };
        if (!summary.mostQuoted || growth.growth > summary.mostQuoted.growth) summary.mostQuoted = growth;
        if (growth.growth > QUOTE_GROWTH) summary.bloated.push(growth);
      } else if (outcome.kind === 'rejected') {
        summary.rejected[outcome.code] = (summary.rejected[outcome.code] ?? 0) + 1;
        if (SUSPICIOUS.has(outcome.code)) summary.suspicious[outcome.code] ??= { label: input.label, message: outcome.message.slice(0, 300) };
      } else {
        summary.failureCount++;
        const signature = signatureOf(outcome.error);
        const known = bySignature.get(signature);
        if (known) known.count++;
        else {
          const failure: Failure = { signature, count: 1, label: input.label, minimal: show(minimize(input, signature)), stack: stackOf(outcome.error) };
          bySignature.set(signature, failure);
          summary.failures.push(failure);
        }
      }
    }
    options.onProgress?.(summary.cases);
  }
  return summary;
}

/** The summary as a person reads it. */
export function formatSummary(s: FuzzSummary): string {
  const lines = [
    `fuzz: ${s.cases} cases (seed ${s.seed}), ${s.withRows} built rows, ${s.cases - s.withRows - s.failureCount} rejected with a typed error, ${s.failureCount} failures, ${s.slow.length} slow`,
    `rejections: ${
      Object.entries(s.rejected)
        .sort((a, b) => b[1] - a[1])
        .map(([code, n]) => `${code} ${n}`)
        .join(', ') || 'none'
    }`,
    `time: ${(s.totalMs / 1000).toFixed(1)} s for ${(s.totalBytes / 1e6).toFixed(1)} MB; slowest case ${s.slowest[0]?.msPer10KB ?? 0} ms/10KB (bound ${MS_PER_10KB})`,
    ...s.slowest.map((c) => `  ${c.msPer10KB} ms/10KB  ${c.ms} ms  ${c.bytes} bytes  ${c.label}`),
    `quotes: at most ${s.mostQuoted?.growth ?? 0} characters per character of a paragraph (bound ${QUOTE_GROWTH})${s.mostQuoted ? `: ${s.mostQuoted.label}` : ''}`,
    ...Object.entries(s.suspicious).map(([code, e]) => `first ${code}: ${e.label}: ${e.message}`),
  ];
  for (const f of s.failures)
    lines.push('', `FAILURE x${f.count}: ${f.signature}`, `  first seen: ${f.label}`, `  minimal input: ${f.minimal}`, f.stack.replace(/^/gm, '    '));
  for (const c of s.slow) lines.push(`SLOW: ${c.msPer10KB} ms/10KB (${c.ms} ms, ${c.bytes} bytes): ${c.label}`);
  for (const c of s.bloated) lines.push(`BLOATED: quotes ${c.growth} times the paragraph: ${c.label}`);
  return lines.join('\n');
}
