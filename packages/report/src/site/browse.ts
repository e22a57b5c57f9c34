import { rowKey } from './highlights.js';
import { escapeHtml as e, jsonForScript } from './html.js';
import type { SiteRow, SiteTable } from './read-dataset.js';

/** Rows shown before the page script runs (and by a reader without it); the script then pages through all of them. */
const STATIC_ROWS = 5;
const NUMERIC = new Set(['integer', 'number', 'year']);

/** What the page script browses: every row of the table, as the CSV has it, with the key of each row. */
export interface BrowseData {
  columns: string[];
  /** Per column: sorted and filtered as numbers. */
  numeric: boolean[];
  /** Per row: its key (`<table>/<id>`), the anchor of its highlight; absent when the table has no highlights. */
  keys?: string[];
  rows: (string | null)[][];
}

export function browseData(table: SiteTable, keyed: boolean): BrowseData {
  const fields = table.resource.schema.fields;
  return {
    columns: fields.map((f) => f.name),
    numeric: fields.map((f) => NUMERIC.has(f.type)),
    ...(keyed ? { keys: table.rows.map((row) => rowKey(table, row)) } : {}),
    rows: table.rows.map((row) => fields.map((f) => row[f.name] ?? null)),
  };
}

function cell(value: string | null): string {
  return value === null ? '<span class="empty">null</span>' : `<div class="c">${e(value)}</div>`;
}

function staticRow(table: SiteTable, row: SiteRow, keyed: boolean): string {
  const key = rowKey(table, row);
  const cells = table.resource.schema.fields.map((f, i) => {
    const value = row[f.name] ?? null;
    const td = NUMERIC.has(f.type) ? '<td class="num">' : '<td>';
    return i === 0 && keyed && value !== null ? `${td}<a href="#${e(key)}">${cell(value)}</a></td>` : `${td}${cell(value)}</td>`;
  });
  return `<tr${keyed ? ` id="row-${e(key)}"` : ''}>${cells.join('')}</tr>`;
}

/**
 * A table to browse in full: search in every column, a filter on one column (text, or a comparison such as `>10` on
 * a numeric column), sort by any column, and pages of rows. The first rows are in the page itself; the page script
 * reads every row from the JSON block beside it and takes over.
 */
export function browsableTable(table: SiteTable, keyed: boolean): string {
  const name = table.resource.name;
  const fields = table.resource.schema.fields;
  const shown = table.rows.slice(0, STATIC_ROWS).map((row) => staticRow(table, row, keyed));
  const total = table.rows.length;
  const status = total <= STATIC_ROWS ? `${total === 1 ? 'The only row' : `All ${total} rows`}` : `First ${STATIC_ROWS} of ${total} rows`;
  const options = fields.map((f) => `<option value="${e(f.name)}">${e(f.name)}</option>`).join('');
  return [
    `<div class="browse" data-table="${e(name)}">`,
    `<div class="controls" hidden><label>Search <input type="search" data-role="search" autocomplete="off"></label>`
      + `<label>Filter <select data-role="fcol"><option value="">column…</option>${options}</select></label>`
      + `<label>is <input type="text" data-role="fval" autocomplete="off" placeholder="text, or >10, <5, =3"></label></div>`,
    `<p class="status" data-role="status" aria-live="polite">${status}${keyed ? '; the first cell links to the highlight' : ''}.</p>`,
    `<div class="scroll rows" tabindex="0" role="region" aria-label="Rows of ${e(name)}"><table><thead><tr>${fields.map((f) => `<th scope="col">${e(f.name)}</th>`).join('')}</tr></thead><tbody>${shown.join('\n')}</tbody></table></div>`,
    `<div class="pager" hidden><button type="button" data-role="prev">Previous</button> <span data-role="page"></span> <button type="button" data-role="next">Next</button></div>`,
    `<script type="application/json" data-role="rows">${jsonForScript(browseData(table, keyed))}</script>`,
    '</div>',
  ].join('\n');
}
