import type { ChartData } from '../charts.js';
import { barChartHeight, drawBarChart } from '../draw-charts.js';
import { formatFigure, qualifierWords } from '../format.js';
import type { Sheet } from '../layout/sheet.js';
import { GUTTER, S } from '../layout/styles.js';
import { INK, type Struct } from '../pdf.js';

function chartAlt(c: ChartData): string {
  const parts = c.groups.map((g) => {
    const bars = g.bars.map((b) => `${b.label}: ${[qualifierWords(b.indicator.qualifier), formatFigure(b.indicator)].filter(Boolean).join(' ')}`);
    return (g.label ? `${g.label}: ` : '') + bars.join('; ');
  });
  return `${c.spec.kind === 'funnel' ? 'Funnel chart' : 'Bar chart'}, ${c.spec.title}. ${parts.join('. ')}.`;
}

function chartSources(c: ChartData): string {
  const cites = [...new Set(c.groups.flatMap((g) => g.bars.map((b) => b.indicator.citation)))];
  const periods = [...new Set(c.groups.flatMap((g) => g.bars.map((b) => b.indicator.period)).filter(Boolean))];
  return `Source: cable ${cites.join(', ')}${periods.length === 1 ? `; ${periods[0]}` : ''}.`;
}

function chartTitleHeight(s: Sheet, c: ChartData, w: number): number {
  return s.t.height(s.t.fit(c.spec.title, w, S.h3, 2), w, S.h3);
}

/** Height of a chart under a title band of `titleH` points: bars, then its source line. */
function chartBlockHeight(s: Sheet, c: ChartData, titleH: number): number {
  return titleH + 6 + barChartHeight(c) + 4 + s.t.lineHeight(S.note) * 2;
}

function drawChartBlock(s: Sheet, parent: Struct, c: ChartData, x: number, y: number, w: number, titleH: number): void {
  const { t } = s;
  s.text(parent, 'H3', c.spec.title, x, y, w, S.h3, 2);
  let cy = y + titleH + 6;
  s.el(
    parent,
    'Figure',
    () => {
      cy += drawBarChart(t, c, x, cy, w);
    },
    { alt: chartAlt(c) },
  );
  s.text(parent, 'P', chartSources(c), x, cy + 4, w, S.note, 2);
}

/** Charts side by side, up to three to a row, their bars starting on one line under the tallest title. */
export function charts(s: Sheet, list: readonly ChartData[]): void {
  if (list.length === 0) return;
  const gap = GUTTER * 1.25;
  const perRow = list.length >= 3 ? 3 : 2;
  const w = (s.w - gap * (perRow - 1)) / perRow;
  for (let i = 0; i < list.length; i += perRow) {
    const row = list.slice(i, i + perRow);
    const titleH = Math.max(...row.map((c) => chartTitleHeight(s, c, w)));
    const h = Math.max(...row.map((c) => chartBlockHeight(s, c, titleH)));
    s.need(h + 8);
    const top = s.y;
    const sect = s.group(s.root, 'Sect');
    row.forEach((c, j) => {
      const x = s.x + j * (w + gap);
      drawChartBlock(s, sect, c, x, top, w, titleH);
      if (j > 0)
        s.artifact(() =>
          s.doc
            .save()
            .lineWidth(0.5)
            .strokeColor(INK.rule)
            .moveTo(x - gap / 2, top)
            .lineTo(x - gap / 2, top + h)
            .stroke()
            .restore(),
        );
    });
    s.y = top + h + 8;
  }
}
