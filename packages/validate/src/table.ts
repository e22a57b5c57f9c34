import { z } from 'zod';

/** The logical type of a column, shared by every output format (Frictionless, Arrow, Parquet, codebook). */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime';

export interface FieldDef {
  name: string;
  type: FieldType;
  nullable: boolean;
  description: string;
  /** Allowed values when the column is an enumeration. */
  enum?: readonly string[];
}

export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

/** A published table: its zod row schema is the single source of truth for everything else. */
export interface TableDef<S extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  row: S;
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

export type Row<T extends TableDef> = z.infer<T['row']>;

export function defineTable<S extends z.ZodObject>(def: TableDef<S>): TableDef<S> {
  return def;
}

/** Column helpers: every column carries its description, so the codebook can never drift from the schema.
 * Integers are 32-bit, as in the Arrow and Parquet files. */
export const col = {
  id: (description: string) => z.string().min(1).meta({ description }),
  string: (description: string) => z.string().meta({ description }),
  /** Null, or a non-empty string: in CSV an empty cell is null, so an empty string could not survive a round trip. */
  nullableString: (description: string) => z.string().min(1).nullable().meta({ description }),
  int: (description: string) => z.int32().meta({ description }),
  nonNegativeInt: (description: string) => z.int32().min(0).meta({ description }),
  nullableInt: (description: string) => z.int32().nullable().meta({ description }),
  number: (description: string) => z.number().meta({ description }),
  nullableNumber: (description: string) => z.number().nullable().meta({ description }),
  boolean: (description: string) => z.boolean().meta({ description }),
  nullableBoolean: (description: string) => z.boolean().nullable().meta({ description }),
  date: (description: string) => z.iso.date().meta({ description }),
  nullableDate: (description: string) => z.iso.date().nullable().meta({ description }),
  datetime: (description: string) => z.iso.datetime().meta({ description }),
  nullableDatetime: (description: string) => z.iso.datetime().nullable().meta({ description }),
  enum: <const T extends readonly [string, ...string[]]>(values: T, description: string) => z.enum(values).meta({ description }),
  nullableEnum: <const T extends readonly [string, ...string[]]>(values: T, description: string) => z.enum(values).nullable().meta({ description }),
};

interface JsonSchemaNode {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: JsonSchemaNode[];
  description?: string;
}

function fieldType(node: JsonSchemaNode): { type: FieldType; nullable: boolean; values?: string[] } {
  if (node.anyOf) {
    const parts = node.anyOf.filter((p) => p.type !== 'null');
    const inner = fieldType(parts[0] ?? {});
    return { ...inner, nullable: parts.length < node.anyOf.length || inner.nullable };
  }
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  const nullable = types.includes('null');
  const base = types.find((t) => t !== 'null');
  if (node.enum) return { type: 'string', nullable, values: node.enum.filter((v): v is string => typeof v === 'string') };
  if (base === 'integer') return { type: 'integer', nullable };
  if (base === 'number') return { type: 'number', nullable };
  if (base === 'boolean') return { type: 'boolean', nullable };
  if (base === 'string' && node.format === 'date') return { type: 'date', nullable };
  if (base === 'string' && node.format === 'date-time') return { type: 'datetime', nullable };
  if (base === 'string') return { type: 'string', nullable };
  throw new Error(`unsupported column schema ${JSON.stringify(node)}`);
}

const fieldCache = new WeakMap<TableDef, FieldDef[]>();

/** The columns of a table, in order, derived from its zod schema (computed once per table). */
export function fieldsOf(table: TableDef): FieldDef[] {
  let fields = fieldCache.get(table);
  if (!fields) {
    fields = deriveFields(table);
    fieldCache.set(table, fields);
  }
  return fields.map((f) => ({ ...f }));
}

function deriveFields(table: TableDef): FieldDef[] {
  const json = z.toJSONSchema(table.row) as { properties: Record<string, JsonSchemaNode> };
  return Object.entries(json.properties).map(([name, node]) => {
    const { type, nullable, values } = fieldType(node);
    const description = node.description ?? node.anyOf?.find((p) => p.description)?.description;
    if (!description) throw new Error(`column ${table.name}.${name} has no description`);
    return { name, type, nullable, description, ...(values ? { enum: values } : {}) };
  });
}
