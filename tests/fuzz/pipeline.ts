import { CablepressError, type Finding } from '@cablepress/core';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { decodeCableBytes, looksLikeHtml, parseCable, spanText, type Cable } from '@cablepress/extract';
import { extractFacts, transformCable } from '@cablepress/transform';
import { allTables, assertRows, runChecks, type TableDef } from '@cablepress/validate';
import type { FuzzInput } from './inputs.js';

/** A broken invariant: the reason a case fails, as opposed to a typed rejection of bad input. */
export class InvariantError extends Error {
  override name = 'InvariantError';
}

export type Tables = Record<string, readonly Record<string, unknown>[]>;

/** The in-process pipeline of `cablepress build`: read, transform, extract facts, row schemas and cross-checks (no files written). */
export function runPipeline(input: FuzzInput): { text: string; cable: Cable; tables: Tables; checkErrors: Finding[] } {
  const file = input.label.split(' ')[0] ?? 'fuzz.txt';
  const text = 'bytes' in input ? decodeCableBytes(input.bytes, file) : input.text;
  const cable = parseCable(text, { format: 'auto', source: file });
  const sha256 = createHash('sha256')
    .update('bytes' in input ? input.bytes : text)
    .digest('hex');
  const core = transformCable(cable, { file, sha256 });
  const facts = extractFacts(
    cable,
    core.paragraphs.map((p) => p.paragraph_id),
  );
  const tables: Tables = { ...core, ...facts };
  for (const table of allTables as readonly TableDef[]) {
    const rows = tables[table.name];
    if (rows) assertRows(table, rows);
  }
  const checkErrors = runChecks({ tables, sources: new Map([[cable.id, cable.source]]), cables: [cable] }).filter((f) => f.severity === 'error');
  return { text, cable, tables, checkErrors };
}

function fail(message: string): never {
  throw new InvariantError(message);
}

const isSpanOk = (start: unknown, end: unknown, length: number): boolean =>
  Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) <= (end as number) && (end as number) <= length;

/**
 * The provenance invariant: every fact row's text is exactly the source at [char_start, char_end) as spanText reads it
 * (the slice itself, with tags dropped and character references decoded for an HTML page); paragraph
 * spans lie inside the source, in order, without overlapping; every other span of the cable lies inside the source.
 */
export function checkProvenance(decoded: string, cable: Cable, tables: Tables): void {
  const source = cable.source;
  if (source !== decoded) fail('cable.source is not the decoded input');
  const html = looksLikeHtml(source);
  for (const [name, rows] of Object.entries(tables)) {
    if (name === 'paragraphs') continue;
    rows.forEach((row, i) => {
      if (!('char_start' in row) || !('char_end' in row)) return;
      const { char_start: start, char_end: end, text } = row;
      if (!isSpanOk(start, end, source.length)) fail(`${name} row ${i + 1}: span [${String(start)}, ${String(end)}) outside the source (${source.length})`);
      const read = typeof text === 'string' ? spanText(source, start as number, end as number, html) : null;
      if (read !== null && read !== text) {
        fail(
          `${name} row ${i + 1}: text ${JSON.stringify(String(text).slice(0, 60))} is not source[${String(start)}, ${String(end)}) = ${JSON.stringify(read.slice(0, 60))}`,
        );
      }
    });
  }
  let previousEnd = 0;
  (tables.paragraphs ?? []).forEach((p, i) => {
    if (!isSpanOk(p.char_start, p.char_end, source.length))
      fail(`paragraphs row ${i + 1}: span [${String(p.char_start)}, ${String(p.char_end)}) outside the source (${source.length})`);
    if ((p.char_start as number) < previousEnd)
      fail(`paragraphs row ${i + 1}: starts at ${String(p.char_start)}, before the previous paragraph ends (${previousEnd})`);
    previousEnd = p.char_end as number;
  });
  for (const p of cable.paragraphs) {
    for (let k = 0; k < p.offsets.length; k++) {
      const at = p.offsets[k]!;
      if (at < p.span.start || at >= p.span.end)
        fail(`paragraph ${p.seq}: offset ${at} of character ${k} lies outside its span [${p.span.start}, ${p.span.end})`);
    }
  }
  for (const [field, span] of Object.entries(cable.fieldSpans)) {
    if (!isSpanOk(span.start, span.end, source.length)) fail(`fieldSpans.${field} [${span.start}, ${span.end}) outside the source (${source.length})`);
  }
  for (const w of cable.warnings) {
    if (w.span && !isSpanOk(w.span.start, w.span.end, source.length)) fail(`warning ${w.code}: span [${w.span.start}, ${w.span.end}) outside the source`);
  }
}

export type Outcome =
  { kind: 'rows'; rows: number; quoteGrowth: number } | { kind: 'rejected'; code: string; message: string } | { kind: 'failure'; error: unknown };

/** Only input and validation errors may escape: anything else, or a broken invariant, is a failure. */
export function classify(error: unknown): Outcome {
  if (error instanceof CablepressError && (error.kind === 'input' || error.kind === 'validation'))
    return { kind: 'rejected', code: error.code, message: error.message };
  return { kind: 'failure', error };
}

export interface CaseResult {
  outcome: Outcome;
  ms: number;
}

/** Runs one case through the pipeline and checks every invariant, timing the pipeline alone. */
export function runCase(input: FuzzInput): CaseResult {
  const start = performance.now();
  let result: ReturnType<typeof runPipeline>;
  try {
    result = runPipeline(input);
  } catch (error) {
    return { outcome: classify(error), ms: performance.now() - start };
  }
  const ms = performance.now() - start;
  try {
    checkProvenance(result.text, result.cable, result.tables);
  } catch (error) {
    return { outcome: { kind: 'failure', error }, ms };
  }
  if (result.checkErrors.length > 0) return { outcome: { kind: 'rejected', code: 'CHECKS_FAILED', message: result.checkErrors[0]!.message }, ms };
  return { outcome: { kind: 'rows', rows: Object.values(result.tables).reduce((n, rows) => n + rows.length, 0), quoteGrowth: quoteGrowth(result.tables) }, ms };
}

/**
 * How much the fact quotes repeat the input: the largest ratio, over the paragraphs, of the characters all facts of a
 * paragraph quote to the characters of the paragraph (every fact quotes its sentence, so a dense paragraph multiplies).
 */
export function quoteGrowth(tables: Tables): number {
  const quoted = new Map<unknown, number>();
  for (const rows of Object.values(tables)) {
    for (const row of rows) if (typeof row.quote === 'string') quoted.set(row.paragraph_id, (quoted.get(row.paragraph_id) ?? 0) + row.quote.length);
  }
  let growth = 0;
  for (const p of tables.paragraphs ?? []) growth = Math.max(growth, (quoted.get(p.paragraph_id) ?? 0) / Math.max(1, String(p.text).length));
  return growth;
}

/** Markup that must never reach a published cell when the input is an HTML page. */
export const MARKUP_IN_OUTPUT = /<script|<\/script|\bon(?:error|load|click|mouseover)\s*=|javascript:|alert\(|INJECTED/i;

/** The string cells of every table that contain markup from the page, as "table.column: value". */
export function markupCells(tables: Tables): string[] {
  const found: string[] = [];
  for (const [name, rows] of Object.entries(tables)) {
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'string' && MARKUP_IN_OUTPUT.test(value)) found.push(`${name}.${column}: ${value.slice(0, 120)}`);
      }
    }
  }
  return found;
}
