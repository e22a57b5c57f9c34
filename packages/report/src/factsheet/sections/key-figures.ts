import type { Sheet } from '../layout/sheet.js';
import { FIGURE_ROW_PAD, figureStyle, S } from '../layout/styles.js';
import type { FactSheetModel, FigureGroup, KeyFigure } from '../model.js';
import { INK, type Struct } from '../pdf.js';

function citeLine(f: KeyFigure): string {
  return `(${[f.period, f.citation].filter(Boolean).join(', ')})`;
}

/**
 * Number column width and the gap to the label. Text extraction (pdftotext) joins the number, its qualifier and the
 * label into one line only when the gap stays under about a third of the number's size and the qualifier is at least
 * 10 pt, so these are tuned together with S.figure and S.prefix.
 */
const FIG = { minNumber: 80, maxNumber: 200, gap: 5 };

/** Width of the number column: the widest figure with its qualifier at full size, within bounds. */
function numberColumn(s: Sheet, m: FactSheetModel): number {
  const widths = m.groups.flatMap((g) =>
    g.figures.map(
      (f) => (f.prefix ? s.t.width(`${f.prefix} `, S.prefix) : 0) + s.t.width([f.figure, f.suffix].filter(Boolean).join(' '), figureStyle(s.density)) + 2,
    ),
  );
  return Math.min(FIG.maxNumber, Math.max(FIG.minNumber, ...widths));
}

/**
 * Key figures as a list under category headings: large number (qualifier words before it) and label on one baseline,
 * with the period and the paragraph cited after the label. One column, so that each figure stays with its label.
 */
export function keyFigures(s: Sheet, m: FactSheetModel): void {
  if (m.groups.length === 0) return;
  s.heading(s.root, m.figuresFrom === 'indicators' ? 'Key figures' : 'Figures in the cable');
  const list = s.group(s.root, 'Div');
  const numberW = numberColumn(s, m);
  for (const g of m.groups) figureGroup(s, list, g, numberW);
}

function figureRowHeight(s: Sheet, f: KeyFigure, numberW: number): number {
  const labelW = s.w - numberW - FIG.gap;
  const labelH = s.t.height(s.t.fit(f.label, labelW, S.label, 3, citeLine(f)), labelW, S.label);
  const fig = figureStyle(s.density);
  return Math.max(s.t.lineHeight(fig), labelH + 0.928 * (fig.size - S.label.size)) + FIGURE_ROW_PAD[s.density];
}

function figureGroup(s: Sheet, parent: Struct, g: FigureGroup, numberW: number): void {
  const { t, doc } = s;
  const heights = g.figures.map((f) => figureRowHeight(s, f, numberW));
  const headH = t.lineHeight(S.category) + 3;
  s.need(headH + (heights[0] ?? 0) + 4);
  const sect = s.group(parent, 'Sect');
  s.y += 3;
  if (g.title) {
    s.text(sect, 'H3', g.title.toUpperCase(), s.x, s.y, s.w, S.category, 1);
    const ry = s.y + headH - 1.5;
    const tw = t.width(g.title.toUpperCase(), S.category);
    s.artifact(() =>
      doc
        .save()
        .lineWidth(0.5)
        .strokeColor(INK.mid)
        .moveTo(s.x + tw + 6, ry - 4)
        .lineTo(s.x + s.w, ry - 4)
        .stroke()
        .restore(),
    );
    s.y += headH;
  }
  const list = s.group(sect, 'L');
  g.figures.forEach((f, i) => {
    const h = heights[i] ?? 0;
    s.need(h);
    const top = s.y;
    if (i > 0)
      s.artifact(() =>
        doc
          .save()
          .lineWidth(0.3)
          .strokeColor(INK.rule)
          .moveTo(s.x, top + 0.5)
          .lineTo(s.x + s.w, top + 0.5)
          .stroke()
          .restore(),
      );
    const li = s.group(list, 'LI');
    s.el(li, 'Lbl', () => figureNumber(s, f, s.x, top + 1, numberW));
    const labelX = s.x + numberW + FIG.gap;
    const labelW = s.w - numberW - FIG.gap;
    const baseline = top + 1 + 0.928 * figureStyle(s.density).size;
    s.el(li, 'LBody', () =>
      t.drawWithSuffix(f.label, labelX, baseline - 0.928 * S.label.size, labelW, S.label, 3, citeLine(f), { ...S.label, color: INK.muted }),
    );
    s.y = top + h;
  });
  s.y += 3;
}

/** The figure right-aligned in its column, qualifier words in smaller type before it on the same baseline. */
function figureNumber(s: Sheet, f: KeyFigure, x: number, top: number, w: number): void {
  const { t } = s;
  const prefixW = f.prefix ? t.width(`${f.prefix} `, S.prefix) : 0;
  const full = figureStyle(s.density);
  const fig = t.shrink([f.figure, f.suffix].filter(Boolean).join(' '), w - prefixW - 2, full, 8);
  const fw = t.width(fig.text, fig.style);
  const baseline = top + 0.928 * full.size;
  const fx = x + w - fw;
  if (f.prefix) t.draw(f.prefix, fx - prefixW, baseline - 0.928 * S.prefix.size, prefixW, S.prefix, 1);
  t.draw(fig.text, fx, baseline - 0.928 * fig.style.size, fw + 1, fig.style, 1);
}
