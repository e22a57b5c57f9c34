import type { z } from 'zod';
import type { TableDef } from './table.js';

/** A row check compiled from a table's zod schema: true only for rows the strict schema accepts. */
export type RowCheck = (row: unknown) => boolean;

/** What the zod definition of a column holds, as far as the compiler reads it. */
interface Def {
  type: string;
  innerType?: z.ZodType;
  format?: string;
  pattern?: RegExp;
  entries?: Record<string, string | number>;
  checks?: { _zod: { def: CheckDef } }[];
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Values the generated code refers to (patterns, enum sets), by position. */
type Constants = unknown[];

function constant(constants: Constants, value: unknown): string {
  constants.push(value);
  return `c[${constants.length - 1}]`;
}

function unsupported(where: string, what: string): Error {
  return new Error(`compileRowCheck: ${where} uses ${what}, which the compiled row check does not read; teach it in row-check.ts`);
}

/**
 * The string formats whose zod check is their pattern and nothing else: the ISO formats of the columns and
 * `.regex()`. Others (`startsWith`, `email`, ...) are refused rather than trusted to be their pattern alone.
 */
const PATTERN_FORMATS = new Set(['date', 'datetime', 'regex']);

function patternTest(format: string | undefined, pattern: RegExp | undefined, v: string, constants: Constants, where: string): string {
  if (!pattern || !PATTERN_FORMATS.has(format ?? '')) throw unsupported(where, `the string format ${format}`);
  if (pattern.global || pattern.sticky) throw unsupported(where, `a pattern with the ${pattern.flags} flags`);
  return `${constant(constants, pattern)}.test(${v})`;
}

/** The condition, in JavaScript over the value `v`, that zod's string checks put on a string. */
function stringChecks(def: Def, v: string, constants: Constants, where: string): string[] {
  const parts = [`typeof ${v} === 'string'`];
  if (def.format !== undefined) parts.push(patternTest(def.format, def.pattern, v, constants, where));
  for (const { _zod } of def.checks ?? []) {
    const check = _zod.def;
    if (check.check === 'min_length') parts.push(`${v}.length >= ${check.minimum!}`);
    else if (check.check === 'max_length') parts.push(`${v}.length <= ${check.maximum!}`);
    else if (check.check === 'string_format') parts.push(patternTest(check.format, check.pattern, v, constants, where));
    else throw unsupported(where, `the string check ${check.check}`);
  }
  return parts;
}

/** The same for zod's number checks (zod refuses NaN and the infinities for every number). */
function numberChecks(def: Def, v: string, where: string): string[] {
  const parts = [`typeof ${v} === 'number'`, `Number.isFinite(${v})`];
  if (def.format === 'int32') parts.push(`Number.isInteger(${v})`, `${v} >= -2147483648`, `${v} <= 2147483647`);
  else if (def.format !== undefined) throw unsupported(where, `the number format ${def.format}`);
  for (const { _zod } of def.checks ?? []) {
    const check = _zod.def;
    if (check.check === 'number_format' && check.format === def.format) continue;
    if (check.check === 'greater_than') parts.push(`${v} ${check.inclusive ? '>=' : '>'} ${check.value!}`);
    else if (check.check === 'less_than') parts.push(`${v} ${check.inclusive ? '<=' : '<'} ${check.value!}`);
    else throw unsupported(where, `the number check ${check.check}`);
  }
  return parts;
}

/** The condition zod's schema of one column puts on its value `v`. */
function columnCondition(schema: z.ZodType, v: string, constants: Constants, where: string): string {
  const def = defOf(schema);
  switch (def.type) {
    case 'nullable':
      return `(${v} === null || ${columnCondition(def.innerType!, v, constants, where)})`;
    case 'string':
      return stringChecks(def, v, constants, where).join(' && ');
    case 'number':
      return numberChecks(def, v, where).join(' && ');
    case 'boolean':
      if (def.checks?.length) throw unsupported(where, 'a boolean check');
      return `typeof ${v} === 'boolean'`;
    case 'enum':
      if (def.checks?.length) throw unsupported(where, 'an enum check');
      return `${constant(constants, new Set(Object.values(def.entries!)))}.has(${v})`;
    default:
      throw unsupported(where, `a column of zod type ${def.type}`);
  }
}

const compiled = new WeakMap<TableDef, RowCheck>();

/**
 * A check of one row, compiled once per table from its zod schema into straight-line code: true only when the row
 * is a plain object holding exactly the table's columns, each of the type, format, range or enumeration its schema
 * gives. It says "valid" only for rows zod's strict parse accepts (`rows.test.ts` holds the two to the same verdict
 * on real rows and on every kind of bad cell), so `checkRows` runs zod, for its messages, only on the rows it refuses:
 * zod's parse of every row was most of the time the checks of a build took (bench/RESULTS.md). Throws for a schema
 * construct it does not read, so a new kind of column cannot be checked less than its schema says.
 */
export function compileRowCheck(table: TableDef): RowCheck {
  let check = compiled.get(table);
  if (check) return check;
  const shape = (table.row as z.ZodObject).shape as Record<string, z.ZodType>;
  const constants: Constants = [];
  const names = Object.keys(shape);
  const conditions = names.map((name, i) => {
    const v = `v${i}`;
    return `const ${v} = r[${JSON.stringify(name)}];\n  if (!(${columnCondition(shape[name]!, v, constants, `${table.name}.${name}`)})) return false;`;
  });
  const body = [
    "if (typeof r !== 'object' || r === null) return false;",
    'const proto = Object.getPrototypeOf(r);',
    'if (proto !== Object.prototype && proto !== null) return false;',
    ...conditions,
    `return Object.keys(r).length === ${names.length};`,
  ].join('\n  ');
  // Generated code, as zod generates its own object parsers: one function per table, no closure per column.
  check = new Function('c', `return function check${table.name.replace(/\W/g, '_')}(r) {\n  ${body}\n};`)(constants) as RowCheck;
  compiled.set(table, check);
  return check;
}
