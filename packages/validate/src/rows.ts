import { type Finding, ValidationError } from '@cablepress/core';
import type { z } from 'zod';
import { compileRowCheck } from './row-check.js';
import type { TableDef } from './table.js';

const strictSchemas = new WeakMap<TableDef, z.ZodObject>();

/** The table's row schema refusing unknown columns, built once per table (building it per row costs more than checking). */
function strictRow(table: TableDef): z.ZodObject {
  let schema = strictSchemas.get(table);
  if (!schema) {
    schema = (table.row as z.ZodObject).strict();
    strictSchemas.set(table, schema);
  }
  return schema;
}

/**
 * The primary key of a row, for finding duplicates: the value itself for a one-column key (the schema has fixed its
 * type), else the JSON of the values.
 */
function keyOf(table: TableDef, row: Record<string, unknown>): unknown {
  return table.primaryKey.length === 1 ? row[table.primaryKey[0]!] : JSON.stringify(table.primaryKey.map((k) => row[k]));
}

/**
 * Checks rows against their table schema and primary key; returns every problem found. Each row goes through the
 * check compiled from the schema (`compileRowCheck`); zod parses only the rows it refuses, to say why.
 */
export function checkRows(table: TableDef, rows: readonly unknown[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<unknown>();
  const fits = compileRowCheck(table);
  rows.forEach((row, index) => {
    if (!fits(row)) {
      const result = strictRow(table).safeParse(row);
      if (!result.success) {
        for (const issue of result.error.issues) {
          findings.push({
            code: 'ROW_SCHEMA',
            severity: 'error',
            message: `${table.name} row ${index + 1}: ${issue.path.join('.') || 'row'}: ${issue.message}`,
            path: [table.name, index, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
          });
        }
        return;
      }
    }
    const key = keyOf(table, row as Record<string, unknown>);
    if (seen.has(key)) {
      const shown = JSON.stringify(table.primaryKey.map((k) => (row as Record<string, unknown>)[k]));
      findings.push({
        code: 'PRIMARY_KEY_DUPLICATE',
        severity: 'error',
        message: `${table.name} row ${index + 1}: duplicate primary key (${table.primaryKey.join(', ')}) = ${shown}`,
        path: [table.name, index],
      });
    }
    seen.add(key);
  });
  return findings;
}

/** Throws a ValidationError listing the first problems when rows do not fit their schema. */
export function assertRows(table: TableDef, rows: readonly unknown[]): void {
  const findings = checkRows(table, rows);
  if (findings.length > 0) {
    const shown = findings
      .slice(0, 5)
      .map((f) => f.message)
      .join('; ');
    throw new ValidationError('TABLE_SCHEMA', `table ${table.name} breaks its schema (${findings.length} problem(s)): ${shown}`, findings, {
      field: table.name,
    });
  }
}
