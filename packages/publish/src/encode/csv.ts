import { ValidationError } from '@cablepress/core';
import Papa from 'papaparse';
import { fieldsOf, type TableDef } from '@cablepress/validate';
import { cellText } from './cells.js';

/** A cell needs quotes when it holds a quote, comma, line break or byte order mark, or starts or ends with a space (papaparse's rule). */
const NEEDS_QUOTES = /[\r\n",\ufeff]|^ | $/;

/** One CSV field: quoted, with its quotes doubled, when it needs quotes; as it is otherwise. */
function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The CSV lines of some rows, each ended by CRLF, without a header: columns in schema order, null as an empty field.
 * The same bytes papaparse's `unparse` writes (quotes only where needed), at a fraction of its cost: it runs for every
 * row of a corpus build (papaparse's serializer took 4 % of the build's CPU; this takes under 1 %, bench/RESULTS.md).
 */
export function csvLines(table: TableDef, rows: readonly Record<string, unknown>[]): string {
  const fields = fieldsOf(table);
  let out = '';
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!;
      const value = row[field.name];
      if (value === '' && field.nullable && field.type === 'string') {
        throw new ValidationError(
          'CSV_AMBIGUOUS_EMPTY',
          `${table.name} row ${index + 1}: ${field.name} is an empty string in a nullable column; CSV cannot tell it from null`,
          [],
          { field: `${table.name}.${field.name}` },
          'store null instead of an empty string in nullable text columns',
        );
      }
      if (f > 0) out += ',';
      out += csvField(cellText(field.type, value));
    }
    out += '\r\n';
  }
  return out;
}

/**
 * A table as CSV: header row, columns in schema order, CRLF line ends, null as an empty field.
 * Cells that start with = + - @ are written as they are (see the README on formula injection).
 */
export function tableToCsv(table: TableDef, rows: readonly Record<string, unknown>[]): string {
  const header = fieldsOf(table)
    .map((f) => csvField(f.name))
    .join(',');
  return `${header}\r\n${csvLines(table, rows)}`;
}

/** Parses CSV text into rows of strings: never converts types, so ids like "000145" stay text. */
export function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: ',', quoteChar: '"', dynamicTyping: false, skipEmptyLines: false, newline: '\r\n' });
  const rows = result.data;
  if (rows.length > 0 && rows[rows.length - 1]!.length === 1 && rows[rows.length - 1]![0] === '') rows.pop();
  if (result.errors.length > 0) {
    const first = result.errors[0]!;
    throw new ValidationError('CSV_PARSE', `CSV does not parse: ${first.message} (row ${(first.row ?? 0) + 1})`);
  }
  return rows;
}
