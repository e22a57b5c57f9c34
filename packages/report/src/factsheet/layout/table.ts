import { INK, type Struct, type TextStyle } from '../pdf.js';
import type { Sheet } from './sheet.js';
import { S } from './styles.js';

export interface Column {
  head: string;
  width: number;
  align?: 'left' | 'right';
  /** Lines a cell may take before it is cut with an ellipsis; the table's default when absent. */
  maxLines?: number;
  /** Lines under the header in small muted type, never upper-cased (e.g. the year and cables of a column). */
  sub?: readonly string[];
}

export interface TableCell {
  /** Cell text, and a suffix such as a citation that is kept when the text is cut. */
  text: string;
  suffix?: string;
  style?: TextStyle;
  /** A line in small muted type under the text (e.g. where a figure comes from), never cut. */
  note?: string;
  /** The text is a link to this URL. */
  link?: string;
}

export interface TableRow {
  cells: TableCell[];
  /** A heading row: never left as the last row of a page. */
  keepWithNext?: boolean;
}

const NOTE_GAP = 1;

function cellHeight(s: Sheet, c: TableCell, w: number, maxLines: number): number {
  const style = c.style ?? S.small;
  const h = s.t.height(s.t.fit(c.text, w, style, maxLines, c.suffix), w, style);
  return c.note ? h + NOTE_GAP + s.t.height(c.note, w, S.note) : h;
}

export function rowHeights(s: Sheet, columns: readonly Column[], rows: readonly TableRow[], maxLines: number): number[] {
  return rows.map(
    (r) => Math.max(...r.cells.map((c, i) => cellHeight(s, c, (columns[i]?.width ?? 0) - 2 * CELL_PAD, columns[i]?.maxLines ?? maxLines))) + 2 * CELL_PAD,
  );
}

/** Height of the header row: the column names, and the tallest second line under them. */
export function headHeight(s: Sheet, columns: readonly Column[]): number {
  const subs = columns.map((c) => (c.sub ? NOTE_GAP + c.sub.length * s.t.lineHeight(S.note) : 0));
  return s.t.lineHeight(S.th) + Math.max(0, ...subs) + 4;
}

const CELL_PAD = 2.5;

/** A table with a header row of TH cells at (x, y); returns its height. */
export function table(s: Sheet, parent: Struct, x0: number, y0: number, columns: readonly Column[], rows: readonly TableRow[], maxLines: number): number {
  const { t, doc } = s;
  const width = columns.reduce((a, c) => a + c.width, 0);
  const heights = rowHeights(s, columns, rows, maxLines);
  const headH = headHeight(s, columns);
  const tbl = s.group(parent, 'Table');
  const head = s.group(tbl, 'TR');
  let x = x0;
  columns.forEach((c) => {
    const cx = x;
    const w = c.width - 2 * CELL_PAD;
    s.el(
      head,
      'TH',
      () => {
        t.draw(c.head.toUpperCase(), cx + CELL_PAD, y0, w, { ...S.th, align: c.align ?? 'left' }, 1);
        (c.sub ?? []).forEach((line, i) =>
          t.draw(line, cx + CELL_PAD, y0 + t.lineHeight(S.th) + NOTE_GAP + i * t.lineHeight(S.note), w, { ...S.note, align: c.align ?? 'left' }, 1),
        );
      },
      { scope: 'Column' },
    );
    x += c.width;
  });
  let y = y0 + headH;
  const ly = y - 1.5;
  s.artifact(() =>
    doc
      .save()
      .lineWidth(0.8)
      .strokeColor(INK.text)
      .moveTo(x0, ly)
      .lineTo(x0 + width, ly)
      .stroke()
      .restore(),
  );
  rows.forEach((r, ri) => {
    const h = heights[ri] ?? 0;
    const tr = s.group(tbl, 'TR');
    let cx = x0;
    r.cells.forEach((c, i) => {
      const col = columns[i];
      if (!col) return;
      const [x, w, align] = [cx + CELL_PAD, col.width - 2 * CELL_PAD, col.align ?? 'left'];
      s.el(tr, 'TD', () => {
        const style = { ...(c.style ?? S.small), align, ...(c.link ? { color: INK.accent } : {}) };
        const h = t.draw(c.text, x, y + CELL_PAD, w, style, col.maxLines ?? maxLines, c.suffix, c.link);
        if (c.note) t.draw(c.note, x, y + CELL_PAD + h + NOTE_GAP, w, { ...S.note, align });
      });
      cx += col.width;
    });
    y += h;
    const by = y;
    s.artifact(() =>
      doc
        .save()
        .lineWidth(0.4)
        .strokeColor(INK.rule)
        .moveTo(x0, by)
        .lineTo(x0 + width, by)
        .stroke()
        .restore(),
    );
  });
  return y - y0;
}

/**
 * A table that may run over several pages: as many rows as fit go on each page, under a repeated header row (at
 * least one row a page; a heading row goes with the row after it). Starts at the sheet's cursor and leaves it under the last row.
 */
export function pagedTable(s: Sheet, parent: Struct, columns: readonly Column[], rows: readonly TableRow[], maxLines: number): void {
  const heights = rowHeights(s, columns, rows, maxLines);
  const headH = headHeight(s, columns);
  for (let i = 0; i < rows.length;) {
    s.need(headH + (heights[i] ?? 0));
    let n = 0;
    for (let h = headH; i + n < rows.length && (n === 0 || s.y + h + (heights[i + n] ?? 0) <= s.bottom); n++) h += heights[i + n] ?? 0;
    if (n > 1 && i + n < rows.length && rows[i + n - 1]?.keepWithNext) n--;
    s.y += table(s, parent, s.x, s.y, columns, rows.slice(i, i + n), maxLines);
    i += n;
  }
}
