import type { Sheet } from '../layout/sheet.js';
import { S } from '../layout/styles.js';
import type { FactSheetModel } from '../model.js';
import { INK } from '../pdf.js';

const MAX_NOTES = 4;

function sourceNotes(m: FactSheetModel): string[] {
  const shown = m.notes.slice(0, MAX_NOTES);
  const more = m.notes.length - shown.length;
  return [
    ...shown,
    ...(more > 0 ? [`${more} more cross-check ${more === 1 ? 'warning is' : 'warnings are'} listed in the dataset's validation.json.`] : []),
    ...m.definitions,
    m.citationNote,
  ];
}

const SOURCE_LABEL_W = 70;
const SOURCE_PAD = 6;

function sourceRowHeights(s: Sheet, m: FactSheetModel): number[] {
  const w = s.w - 2 * SOURCE_PAD - SOURCE_LABEL_W;
  return m.sources.map((r) => s.t.height(s.t.fit(r.value, w, S.small, 2), w, S.small) + 2);
}

export function sourcesHeight(s: Sheet, m: FactSheetModel): number {
  const { t } = s;
  const rowsH = sourceRowHeights(s, m).reduce((a, h) => a + h, 0);
  const notesH = sourceNotes(m).reduce((a, n, i) => a + t.height(t.fit(`${i + 1}. ${n}`, s.w, S.note, 2), s.w, S.note) + 2, 0);
  return 10 + t.lineHeight(S.h2) + 8 + 2 * SOURCE_PAD + rowsH + 6 + notesH;
}

/** Where the figures come from, in a box (cable and its original, file, its SHA-256, dataset and its page, licence), then the numbered notes. */
export function sources(s: Sheet, m: FactSheetModel): void {
  const total = sourcesHeight(s, m);
  s.need(total);
  s.heading(s.root, 'Sources and notes', 10, total - (10 + s.t.lineHeight(S.h2) + 8));
  const { t, doc } = s;
  const sect = s.group(s.root, 'Sect');
  const heights = sourceRowHeights(s, m);
  const top = s.y;
  const boxH = 2 * SOURCE_PAD + heights.reduce((a, h) => a + h, 0) - 2;
  s.artifact(() => doc.save().rect(s.x, top, s.w, boxH).fill(INK.panel).restore());
  const tbl = s.group(sect, 'Table');
  let y = top + SOURCE_PAD;
  m.sources.forEach((r, i) => {
    const tr = s.group(tbl, 'TR');
    const ry = y;
    s.el(tr, 'TH', () => t.draw(r.label, s.x + SOURCE_PAD, ry, SOURCE_LABEL_W - 6, S.smallBold, 1), { scope: 'Row' });
    const [vx, vw] = [s.x + SOURCE_PAD + SOURCE_LABEL_W, s.w - 2 * SOURCE_PAD - SOURCE_LABEL_W];
    if (r.link) s.link(s.group(tr, 'TD'), r.value, r.link, vx, ry, vw, S.small, 2);
    else s.text(tr, 'TD', r.value, vx, ry, vw, S.small, 2);
    y += heights[i] ?? 0;
  });
  s.y = top + boxH + 6;
  const list = s.group(sect, 'L');
  sourceNotes(m).forEach((n, i) => {
    const li = s.group(list, 'LI');
    s.y += s.text(li, 'LBody', `${i + 1}. ${n}`, s.x, s.y, s.w, S.note, 2) + 2;
  });
}
