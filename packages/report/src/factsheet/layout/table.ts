import { INK, type Struct, type TextStyle } from '../pdf.js';
import type { Sheet } from './sheet.js';
import { S } from './styles.js';

export interface Column {
  head: string;
  width: number;
  align?: 'left' | 'right';
  /** Lines a cell may take before it is cut with an ellipsis; the table's default when absent. */
  maxLines?: number;
}

export interface TableRow {
  /** Cell text, and a suffix such as a citation that is kept when the text is cut. */
  cells: { text: string; suffix?: string; style?: TextStyle }[];
}

export function rowHeights(s: Sheet, columns: readonly Column[], rows: readonly TableRow[], maxLines: number): number[] {
  const { t } = s;
  return rows.map((r) => Math.max(...r.cells.map((c, i) => {
    const w = (columns[i]?.width ?? 0) - 2 * CELL_PAD;
    const style = c.style ?? S.small;
    return t.height(t.fit(c.text, w, style, columns[i]?.maxLines ?? maxLines, c.suffix), w, style);
  })) + 2 * CELL_PAD);
}

const CELL_PAD = 2.5;

/** A table with a header row of TH cells at (x, y); returns its height. */
export function table(s: Sheet, parent: Struct, x0: number, y0: number, columns: readonly Column[], rows: readonly TableRow[], maxLines: number): number {
  const { t, doc } = s;
  const width = columns.reduce((a, c) => a + c.width, 0);
  const heights = rowHeights(s, columns, rows, maxLines);
  const headH = t.lineHeight(S.th) + 4;
  const tbl = s.group(parent, 'Table');
  const head = s.group(tbl, 'TR');
  let x = x0;
  columns.forEach((c) => {
    const cx = x;
    s.el(head, 'TH', () => t.draw(c.head.toUpperCase(), cx + CELL_PAD, y0, c.width - 2 * CELL_PAD, { ...S.th, align: c.align ?? 'left' }, 1), { scope: 'Column' });
    x += c.width;
  });
  let y = y0 + headH;
  const ly = y - 1.5;
  s.artifact(() => doc.save().lineWidth(0.8).strokeColor(INK.text).moveTo(x0, ly).lineTo(x0 + width, ly).stroke().restore());
  rows.forEach((r, ri) => {
    const h = heights[ri] ?? 0;
    const tr = s.group(tbl, 'TR');
    let cx = x0;
    r.cells.forEach((c, i) => {
      const col = columns[i];
      if (!col) return;
      s.text(tr, 'TD', c.text, cx + CELL_PAD, y + CELL_PAD, col.width - 2 * CELL_PAD, { ...(c.style ?? S.small), align: col.align ?? 'left' }, col.maxLines ?? maxLines, c.suffix);
      cx += col.width;
    });
    y += h;
    const by = y;
    s.artifact(() => doc.save().lineWidth(0.4).strokeColor(INK.rule).moveTo(x0, by).lineTo(x0 + width, by).stroke().restore());
  });
  return y - y0;
}
