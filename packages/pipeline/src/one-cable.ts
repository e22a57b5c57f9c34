import { ValidationError, type Finding } from '@cablepress/core';
import type { Cable } from '@cablepress/extract';
import { cableCandidates, isTipReport, type CableCandidates } from '@cablepress/transform';
import { cableRows, type CableRows } from './cable.js';
import { checkTables, errorsOf } from './checks.js';
import { indicatorInputOf } from './indicators.js';
import { parserFindings, type SourceCable } from './source.js';

/** One cable taken through the pipeline: its rows, checked, and what its dataset's indicators need of it. */
export interface BuiltCable {
  cable: Cable;
  rows: CableRows;
  /** The parser's warnings, then the findings of the checks (warnings only: an error throws). */
  findings: Finding[];
  /**
   * When the cable is a TIP report, its candidates for the generic TIP recipe's indicators, decided once its report's
   * cables are together (`decideTipReports`); null otherwise. A few KB, where the cable's rows are tens.
   */
  tipCandidates: CableCandidates | null;
}

/** Throws CHECKS_FAILED when findings hold an error; `file` is the place the error names. */
export function failOnErrors(findings: readonly Finding[], file: string): void {
  const errors = errorsOf(findings);
  if (errors.length === 0) return;
  const shown = errors
    .slice(0, 3)
    .map((f) => f.message)
    .join('; ');
  throw new ValidationError('CHECKS_FAILED', `${errors.length} check(s) failed: ${shown}`, [...findings], { file });
}

/**
 * Takes one parsed cable to its checked rows, with the same checks as a dataset build (schemas, then the
 * cross-checks): what a corpus build does with each of its cables. A check error throws CHECKS_FAILED.
 */
export function buildCable(source: SourceCable, file: string = source.file): BuiltCable {
  const rows = cableRows(source);
  const findings = [...parserFindings([source]), ...checkTables(rows, [source])];
  failOnErrors(findings, file);
  return { cable: source.cable, rows, findings, tipCandidates: isTipReport(source.cable) ? cableCandidates(indicatorInputOf(source.cable, rows)) : null };
}
