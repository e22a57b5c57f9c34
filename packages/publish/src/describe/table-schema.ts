import type { Code, Finding } from '@cablepress/core';
import { z } from 'zod';
import { fieldsOf, type FieldType, type TableDef } from '@cablepress/validate';
import { emptyIsValue } from '../encode/cells.js';

/** A field of a Frictionless Table Schema (v2) as cablepress writes it. */
export interface SchemaField {
  name: string;
  type: FieldType;
  description: string;
  constraints: { required: boolean; enum?: string[]; minimum?: number; minLength?: number };
  /** Field-level missing values: `[]` for required text columns, where an empty cell is an empty string. */
  missingValues?: string[];
}

export interface ForeignKeyDescriptor {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

/** A Frictionless Table Schema (v2). */
export interface TableSchema {
  $schema?: string;
  fields: SchemaField[];
  primaryKey: string[];
  /** Left out when the table has none: the v2 profile wants at least one item when the property is present. */
  foreignKeys?: ForeignKeyDescriptor[];
  missingValues: string[];
}

export const TABLE_SCHEMA_PROFILE = 'https://datapackage.org/profiles/2.0/tableschema.json';

interface JsonNode {
  minimum?: number;
  minLength?: number;
  anyOf?: JsonNode[];
}

/** The Frictionless Table Schema of a table, generated from its zod row schema. */
export function tableSchemaOf(table: TableDef): TableSchema {
  const json = z.toJSONSchema(table.row) as { properties: Record<string, JsonNode> };
  const fields = fieldsOf(table).map((f): SchemaField => {
    const node = json.properties[f.name] ?? {};
    const inner = node.anyOf?.find((n) => n.minimum !== undefined || n.minLength !== undefined) ?? node;
    const constraints: SchemaField['constraints'] = { required: !f.nullable };
    if (f.enum) constraints.enum = [...f.enum];
    if (inner.minimum !== undefined && inner.minimum > Number.MIN_SAFE_INTEGER) constraints.minimum = inner.minimum;
    if (inner.minLength !== undefined) constraints.minLength = inner.minLength;
    return {
      name: f.name,
      type: f.type,
      description: f.description,
      constraints,
      ...(emptyIsValue(f) ? { missingValues: [] } : {}),
    };
  });
  return {
    $schema: TABLE_SCHEMA_PROFILE,
    fields,
    primaryKey: [...table.primaryKey],
    ...(table.foreignKeys.length > 0
      ? {
          foreignKeys: table.foreignKeys.map((fk) => ({
            fields: [...fk.fields],
            reference: { resource: fk.reference.resource, fields: [...fk.reference.fields] },
          })),
        }
      : {}),
    missingValues: [''],
  };
}

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Reads one CSV cell as its declared type; returns undefined when the text is not a value of that type. */
export function readCell(type: FieldType, text: string): string | number | boolean | undefined {
  switch (type) {
    case 'string':
      return text;
    case 'integer':
      return INTEGER.test(text) ? Number(text) : undefined;
    case 'number':
      return NUMBER.test(text) ? Number(text) : undefined;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'date':
      return DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text)
        ? text
        : undefined;
    case 'datetime':
      return DATETIME.test(text) && !Number.isNaN(Date.parse(text)) ? text : undefined;
  }
}

/** A CSV table read against its Table Schema: typed rows (null for missing values) and the problems found. */
export interface CheckedTable {
  rows: Record<string, unknown>[];
  findings: Finding[];
}

/** Checks CSV rows (header first) against a Table Schema: header, types, required, enum, minimum, minLength, primary key. */
export function checkCsvRows(resource: string, schema: TableSchema, csv: string[][]): CheckedTable {
  const findings: Finding[] = [];
  const error = (code: Code, message: string, path: (string | number)[]) =>
    findings.push({ code, severity: 'error', message: `${resource}: ${message}`, path: [resource, ...path] });
  const [header = [], ...body] = csv;
  const names = schema.fields.map((f) => f.name);
  if (header.join(',') !== names.join(',')) {
    error('CSV_HEADER', `header is "${header.join(',')}", schema expects "${names.join(',')}"`, [0]);
    return { rows: [], findings };
  }
  const rows: Record<string, unknown>[] = [];
  const keys = new Set<string>();
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.length !== names.length) {
      error('CSV_ROW_WIDTH', `row ${line} has ${cells.length} cells, expected ${names.length}`, [line]);
      return;
    }
    const row: Record<string, unknown> = {};
    schema.fields.forEach((field, c) => {
      const text = cells[c]!;
      const missing = field.missingValues ?? schema.missingValues;
      if (missing.includes(text)) {
        row[field.name] = null;
        if (field.constraints.required) error('CELL_REQUIRED', `row ${line}, ${field.name}: value is required`, [line, field.name]);
        return;
      }
      const value = readCell(field.type, text);
      if (value === undefined) {
        error('CELL_TYPE', `row ${line}, ${field.name}: "${text}" is not a ${field.type}`, [line, field.name]);
        return;
      }
      row[field.name] = value;
      const { enum: allowed, minimum, minLength } = field.constraints;
      if (allowed && !allowed.includes(text)) {
        error('CELL_ENUM', `row ${line}, ${field.name}: "${text}" is not one of ${allowed.join(', ')}`, [line, field.name]);
      }
      if (minimum !== undefined && typeof value === 'number' && value < minimum) {
        error('CELL_MINIMUM', `row ${line}, ${field.name}: ${text} is below the minimum ${minimum}`, [line, field.name]);
      }
      if (minLength !== undefined && text.length < minLength) {
        error('CELL_MIN_LENGTH', `row ${line}, ${field.name}: "${text}" is shorter than ${minLength}`, [line, field.name]);
      }
    });
    const key = JSON.stringify(schema.primaryKey.map((k) => row[k]));
    if (schema.primaryKey.length > 0 && keys.has(key)) {
      error('PRIMARY_KEY_DUPLICATE', `row ${line}: duplicate primary key (${schema.primaryKey.join(', ')}) = ${key}`, [line]);
    }
    keys.add(key);
    rows.push(row);
  });
  return { rows, findings };
}
