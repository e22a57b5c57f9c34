import { escapeHtml } from './html.js';
import type { PublishedDataset, SiteRow, SiteTable } from './published.js';

/** The deep-link key of a row: `<table>/<primary key values>`, also the id of its highlight. */
export function rowKey(table: SiteTable, row: SiteRow): string {
  const parts = table.primaryKey.map((f) => encodeURIComponent(row[f] ?? ''));
  return `${table.resource.name}/${parts.join('/')}`;
}

/** A table whose rows are spans of the cable text: it has `paragraph_id`, `text`, `char_start` and `char_end` (the paragraphs table itself is the text). */
export function isSpanTable(table: SiteTable): boolean {
  const names = new Set(table.resource.schema.fields.map((f) => f.name));
  return ['paragraph_id', 'text', 'char_start', 'char_end'].every((n) => names.has(n)) && !table.primaryKey.includes('paragraph_id');
}

/**
 * A table without spans whose rows point at one span row through a single-field foreign key (indicators → quantities):
 * its rows are highlighted around the span they point at. Returns the key field and the span table.
 */
export function spanReference(table: SiteTable, tables: Map<string, SiteTable>): { field: string; target: SiteTable } | null {
  if (isSpanTable(table)) return null;
  for (const fk of table.resource.schema.foreignKeys ?? []) {
    const fields = Array.isArray(fk.fields) ? fk.fields : [fk.fields];
    const target = tables.get(fk.reference.resource);
    if (fields.length === 1 && target && isSpanTable(target) && target.primaryKey.length === 1) return { field: fields[0]!, target };
  }
  return null;
}

export interface Highlight {
  key: string;
  table: string;
  /** Position of the table among the highlighted tables: picks its style. */
  style: number;
  start: number;
  end: number;
  /** Rows that wrap another row's span (indicators) are not focusable; the row they wrap is. */
  focusable: boolean;
}

/** The highlighted tables in descriptor order: span tables, then tables that point at spans. */
export function highlightTables(dataset: PublishedDataset): SiteTable[] {
  const all = [...dataset.tables.values()];
  return [...all.filter(isSpanTable), ...all.filter((t) => spanReference(t, dataset.tables) !== null)];
}

/** Every highlight of one cable, by paragraph id. */
export function highlightsByParagraph(dataset: PublishedDataset, cableId: string): Map<string, Highlight[]> {
  const out = new Map<string, Highlight[]>();
  const add = (paragraphId: string | null, h: Highlight) => {
    if (!paragraphId || !(h.end > h.start)) return;
    const list = out.get(paragraphId) ?? [];
    list.push(h);
    out.set(paragraphId, list);
  };
  highlightTables(dataset).forEach((table, style) => {
    const reference = spanReference(table, dataset.tables);
    const targets = reference ? new Map(reference.target.rows.map((r) => [r[reference.target.primaryKey[0]!], r])) : null;
    for (const row of table.rows) {
      if (row.cable_id !== undefined && row.cable_id !== cableId) continue;
      const spanRow = reference && targets ? targets.get(row[reference.field] ?? '') : row;
      if (!spanRow || spanRow.cable_id !== cableId) continue;
      add(spanRow.paragraph_id ?? null, {
        key: rowKey(table, row), table: table.resource.name, style,
        start: Number(spanRow.char_start), end: Number(spanRow.char_end), focusable: reference === null,
      });
    }
  });
  return out;
}

/** Outer spans first: by start, then the longer span, then wrapping rows (indicators) before the rows they wrap. */
function byNesting(a: Highlight, b: Highlight): number {
  return a.start - b.start || b.end - a.end || Number(a.focusable) - Number(b.focusable) || a.key.localeCompare(b.key);
}

function openMark(h: Highlight): string {
  const focus = h.focusable ? ' tabindex="0"' : '';
  return `<mark class="hl hl-${h.style}" id="${escapeHtml(h.key)}" data-key="${escapeHtml(h.key)}"${focus}>`;
}

/** The source text between two offsets as a reader sees it (for an HTML page: tags dropped, references decoded). */
export type SourceSlice = (start: number, end: number) => string;

/**
 * The paragraph at [start, end) of the source as escaped HTML with nested `<mark>`s; the text between marks comes from
 * `slice`, so each mark holds exactly its row's text. A span outside the paragraph, or one that crosses the end of an
 * enclosing span and so cannot nest, is left out and returned in `skipped`; the others are in `placed`.
 */
export function markParagraph(start: number, end: number, highlights: readonly Highlight[], slice: SourceSlice): { html: string; placed: Highlight[]; skipped: Highlight[] } {
  const sorted = [...highlights].sort(byNesting);
  const open: Highlight[] = [];
  const placed: Highlight[] = [];
  const skipped: Highlight[] = [];
  let html = '';
  let cursor = start;
  const emitTo = (pos: number) => {
    if (pos > cursor) html += escapeHtml(slice(cursor, pos));
    cursor = Math.max(cursor, pos);
  };
  const closeUntil = (pos: number) => {
    while (open.length > 0 && open[open.length - 1]!.end <= pos) {
      emitTo(open.pop()!.end);
      html += '</mark>';
    }
  };
  for (const h of sorted) {
    if (h.start < start || h.end > end) {
      skipped.push(h);
      continue;
    }
    closeUntil(h.start);
    const parent = open[open.length - 1];
    if (parent && h.end > parent.end) {
      skipped.push(h);
      continue;
    }
    emitTo(h.start);
    html += openMark(h);
    open.push(h);
    placed.push(h);
  }
  closeUntil(Number.POSITIVE_INFINITY);
  emitTo(end);
  return { html, placed, skipped };
}
