import type { Finding } from '@cablepress/core';
import { allTables, assertRows, runChecks, type TableDef } from '@cablepress/validate';
import type { SourceCable } from './source.js';

const tableDefs = new Map<string, TableDef>(allTables.map((t) => [t.name, t as TableDef]));

/**
 * The checks every build runs on the rows of one cable or of a whole dataset: each table's rows against its schema
 * and primary key (a `ValidationError` TABLE_SCHEMA), then the cross-checks of `@cablepress/validate` against the
 * cables' sources, as findings (errors and warnings).
 */
export function checkTables(tables: Readonly<Record<string, readonly Record<string, unknown>[]>>, sources: readonly Pick<SourceCable, 'cable'>[]): Finding[] {
  for (const [name, rows] of Object.entries(tables)) assertRows(tableDefs.get(name)!, rows);
  return runChecks({ tables, sources: new Map(sources.map(({ cable }) => [cable.id, cable.source])) });
}

/** The errors among findings. */
export function errorsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}
