import { ValidationError } from '@cablepress/core';
import Papa from 'papaparse';
import { fieldsOf, type TableDef } from '@cablepress/validate';
import { cellText } from './cells.js';

/**
 * A table as CSV: header row, columns in schema order, CRLF line ends, null as an empty field.
 * Cells that start with = + - @ are written as they are (see the README on formula injection).
 */
export function tableToCsv(table: TableDef, rows: readonly Record<string, unknown>[]): string {
  const fields = fieldsOf(table);
  const data = rows.map((row, index) =>
    fields.map((field) => {
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
      return cellText(field.type, value);
    }),
  );
  const csv = Papa.unparse({ fields: fields.map((f) => f.name), data }, { newline: '\r\n', quotes: false, header: true });
  return data.length === 0 ? csv.replace(/(\r\n)?$/, '\r\n') : `${csv}\r\n`;
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
