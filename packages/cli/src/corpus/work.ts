import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CablepressError, decodeCableBytes, parseCable } from '@cablepress/extract';
import { extractFacts, transformCable } from '@cablepress/transform';
import { allTables, assertRows, runChecks, type TableDef } from '@cablepress/validate';

/**
 * How far a worker takes each cable: `parse` reads and parses it; `transform` also builds its core and fact rows;
 * `build` checks every row against its schema, runs the cross-checks and sends the rows back to be written. The
 * first two exist for the benchmark.
 */
export type Stage = 'parse' | 'transform' | 'build';

/** Rows of every table except indicators, which need a recipe. */
export type CableRows = Record<string, Record<string, unknown>[]>;

export interface CableDone {
  ok: true;
  cableId: string;
  bytes: number;
  /** Parser warnings and cross-check warnings, by code (for the `build` stage; parser warnings only before). */
  warnings: Record<string, number>;
  /** Present for the `build` stage. */
  rows?: CableRows;
}

export interface CableFailed {
  ok: false;
  bytes: number;
  code: string;
  message: string;
}

export type CableResult = CableDone | CableFailed;

const tables = new Map<string, TableDef>(allTables.map((t) => [t.name, t as TableDef]));

function countCodes(findings: readonly { code: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
  return counts;
}

function failure(error: unknown, bytes: number): CableFailed {
  if (error instanceof CablepressError) return { ok: false, bytes, code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, bytes, code: 'INTERNAL', message: `cablepress could not process this file (a bug; please report it): ${message}` };
}

/**
 * Reads one cable file and takes it through extract and transform; never throws, a problem becomes a failure.
 * The read is synchronous: it runs in a worker thread, where blocking costs nothing and saves the round trips
 * of an asynchronous read through the libuv thread pool.
 */
export function processCable(file: string, label: string, stage: Stage): CableResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, bytes: 0, code: 'SOURCE_UNREADABLE', message: `the file cannot be read (${code}).` };
  }
  return processCableBytes(bytes, label, stage);
}

/** `processCable` on bytes already read. */
export function processCableBytes(bytes: Uint8Array, label: string, stage: Stage): CableResult {
  try {
    const cable = parseCable(decodeCableBytes(bytes, label), { source: label });
    if (stage === 'parse') return { ok: true, cableId: cable.id, bytes: bytes.length, warnings: countCodes(cable.warnings) };
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const core = transformCable(cable, { file: label, sha256 });
    const facts = extractFacts(cable, core.paragraphs.map((p) => p.paragraph_id));
    const rows: CableRows = { ...core, ...facts };
    if (stage === 'transform') return { ok: true, cableId: cable.id, bytes: bytes.length, warnings: countCodes(cable.warnings) };
    for (const [name, tableRows] of Object.entries(rows)) assertRows(tables.get(name)!, tableRows);
    const findings = runChecks({ tables: rows, sources: new Map([[cable.id, cable.source]]) });
    const errors = findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      const shown = errors.slice(0, 3).map((f) => f.message).join('; ');
      return { ok: false, bytes: bytes.length, code: 'CHECKS_FAILED', message: `${errors.length} cross-check(s) failed: ${shown}` };
    }
    return { ok: true, cableId: cable.id, bytes: bytes.length, warnings: countCodes([...cable.warnings, ...findings]), rows };
  } catch (error) {
    return failure(error, bytes.length);
  }
}
