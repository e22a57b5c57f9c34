import type { Finding } from '@cablepress/core';
import { checkConflictingFigures } from './conflicts.js';
import { checkConversions } from './conversions.js';
import { checkHeaderAgreement } from './header.js';
import { checkActiveMarkup } from './markup.js';
import { checkShareSums } from './percentages.js';
import { checkProvenance } from './provenance.js';
import type { CheckInput } from './types.js';

export { checkConflictingFigures, SAME_FIGURE_TOLERANCE } from './conflicts.js';
export { checkConversions, impliedRates, RATE_TOLERANCE, type ImpliedRate } from './conversions.js';
export { checkHeaderAgreement } from './header.js';
export { checkActiveMarkup } from './markup.js';
export { checkShareSums } from './percentages.js';
export { checkProvenance, PROVENANCE_TABLES } from './provenance.js';
export type { CheckInput, TableRows } from './types.js';

/**
 * Runs every cross-check over the dataset's tables and the cables' sources: provenance (errors), stated conversions,
 * shares that must make a whole, figures given twice with different values, and header/body agreement (warnings);
 * active HTML in any cell (error).
 */
export function runChecks(input: CheckInput): Finding[] {
  return [
    ...checkProvenance(input),
    ...checkConversions(input),
    ...checkShareSums(input),
    ...checkConflictingFigures(input),
    ...checkHeaderAgreement(input),
    ...checkActiveMarkup(input),
  ];
}

/** Counts of findings, for validation.json and the CLI. */
export interface FindingsSummary {
  /** True when there is no error (warnings do not fail a build). */
  ok: boolean;
  errors: number;
  warnings: number;
  /** Number of findings per code, codes in alphabetical order. */
  by_code: Record<string, { severity: Finding['severity']; count: number }>;
}

export function summariseFindings(findings: readonly Finding[]): FindingsSummary {
  const byCode = new Map<string, { severity: Finding['severity']; count: number }>();
  for (const f of findings) {
    const entry = byCode.get(f.code) ?? { severity: f.severity, count: 0 };
    entry.count++;
    if (f.severity === 'error') entry.severity = 'error';
    byCode.set(f.code, entry);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    ok: errors === 0,
    errors,
    warnings: findings.length - errors,
    by_code: Object.fromEntries([...byCode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}
