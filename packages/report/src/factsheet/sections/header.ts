import type { Sheet } from '../layout/sheet.js';
import { S } from '../layout/styles.js';
import type { FactSheetModel } from '../model.js';
import { INK } from '../pdf.js';

/** Kicker, title, subtitle and the cable's identity. */
export function header(s: Sheet, m: FactSheetModel): void {
  const { t } = s;
  s.text(s.root, 'P', m.kicker.replace(/^Fact sheet/, 'FACT SHEET'), s.x, s.y, s.w, S.kicker, 1);
  s.y += t.lineHeight(S.kicker) + 6;
  s.y += s.text(s.root, 'H1', m.title, s.x, s.y, s.w, S.h1, 2) + 4;
  s.y += s.text(s.root, 'P', m.subtitle, s.x, s.y, s.w, S.subtitle, 3) + 10;
  metaTable(s, m);
}

/** Identity of the cable as a small table: four facts across, then subject and tags on their own rows. */
function metaTable(s: Sheet, m: FactSheetModel): void {
  const { t, doc } = s;
  const pad = 7;
  const across = m.meta.slice(0, 4);
  const rows = m.meta.slice(4);
  const colW = [0.2, 0.22, 0.22, 0.36].map((f) => f * (s.w - 2 * pad));
  const labelH = t.lineHeight(S.th);
  const valueH = Math.max(...across.map((c, i) => t.height(t.fit(c.value, (colW[i] ?? 0) - 8, S.body, 2), (colW[i] ?? 0) - 8, S.body)));
  const rowLabelW = 62;
  const rowStyle = (i: number) => (i === rows.length - 1 && rows.length > 1 ? S.small : S.body);
  const rowHs = rows.map((r, i) => t.height(t.fit(r.value, s.w - 2 * pad - rowLabelW, rowStyle(i), 3), s.w - 2 * pad - rowLabelW, rowStyle(i)));
  const total = pad + labelH + 2 + valueH + 6 + rowHs.reduce((a, h) => a + h + 4, 0) + pad - 4;
  const top = s.y;
  s.artifact(() => doc.save().rect(s.x, top, s.w, total).fill(INK.panel).restore());
  const table = s.group(s.root, 'Table');
  let y = top + pad;
  const headRow = s.group(table, 'TR');
  let x = s.x + pad;
  across.forEach((c, i) => {
    const cx = x;
    s.el(headRow, 'TH', () => t.draw(c.label.toUpperCase(), cx, y, (colW[i] ?? 0) - 8, S.th, 1), { scope: 'Column' });
    x += colW[i] ?? 0;
  });
  y += labelH + 2;
  const valueRow = s.group(table, 'TR');
  x = s.x + pad;
  across.forEach((c, i) => {
    s.text(valueRow, 'TD', c.value, x, y, (colW[i] ?? 0) - 8, i === 0 ? S.bodyBold : S.body, 2);
    x += colW[i] ?? 0;
  });
  y += valueH + 6;
  rows.forEach((r, i) => {
    const tr = s.group(table, 'TR');
    s.el(tr, 'TH', () => t.draw(r.label.toUpperCase(), s.x + pad, y + 1.2, rowLabelW - 6, S.th, 1), { scope: 'Row' });
    s.text(tr, 'TD', r.value, s.x + pad + rowLabelW, y, s.w - 2 * pad - rowLabelW, rowStyle(i), 3);
    y += (rowHs[i] ?? 0) + 4;
  });
  s.y = top + total + 10;
}
