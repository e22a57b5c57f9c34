import type { BarStyle, ChartBar, ChartData } from './charts.js';
import { formatFigure, qualifierWords } from './format.js';
import type { PenaltyTier } from './model.js';
import { type Doc, FONT, INK, type TextStyle, type Typesetter } from './pdf.js';

const LABEL: TextStyle = { font: FONT.regular, size: 7.5, color: INK.text };
const GROUP: TextStyle = { font: FONT.bold, size: 7, color: INK.muted };
const VALUE: TextStyle = { font: FONT.bold, size: 8, color: INK.text };
const AXIS: TextStyle = { font: FONT.regular, size: 6.5, color: INK.muted };
const HEAD: TextStyle = { font: FONT.bold, size: 6.5, color: INK.muted };

const BAR_H = 15;
const BAR_GAP = 6;

/** Fills a bar so that it reads in greyscale: dark, mid and light fills, or diagonal hatching. */
export function fillBar(doc: Doc, x: number, y: number, w: number, h: number, style: BarStyle): void {
  if (w <= 0) return;
  doc.save();
  if (style === 'hatched') {
    doc.rect(x, y, w, h).fill(INK.white);
    doc.save();
    doc.rect(x, y, w, h).clip();
    doc.lineWidth(1.1).strokeColor(INK.accent);
    for (let d = -h; d < w + h; d += 4.5)
      doc
        .moveTo(x + d, y + h)
        .lineTo(x + d + h, y)
        .stroke();
    doc.restore();
    doc
      .lineWidth(0.8)
      .strokeColor(INK.accent)
      .rect(x + 0.4, y + 0.4, w - 0.8, h - 0.8)
      .stroke();
  } else {
    const colour = style === 'solid' ? INK.accent : style === 'medium' ? INK.mid : INK.light;
    doc.rect(x, y, w, h).fill(colour);
    if (style === 'light')
      doc
        .lineWidth(0.8)
        .strokeColor(INK.accent)
        .rect(x + 0.4, y + 0.4, w - 0.8, h - 0.8)
        .stroke();
  }
  doc.restore();
}

const PREFIX: TextStyle = { font: FONT.regular, size: 6.5, color: INK.text };

/** Width of a bar's value: qualifier words in small type, then the figure in bold. */
function valueWidth(t: Typesetter, bar: ChartBar): number {
  const q = qualifierWords(bar.indicator.qualifier);
  return (q ? t.width(`${q} `, PREFIX) : 0) + t.width(formatFigure(bar.indicator), VALUE);
}

function drawValue(t: Typesetter, bar: ChartBar, x: number, y: number, onDark: boolean): void {
  const q = qualifierWords(bar.indicator.qualifier);
  const colour = onDark ? INK.white : INK.text;
  let cx = x;
  if (q) {
    const qw = t.width(`${q} `, PREFIX);
    t.draw(q, cx, y + (VALUE.size - PREFIX.size) * 0.928, qw, { ...PREFIX, color: colour }, 1);
    cx += qw;
  }
  const text = formatFigure(bar.indicator);
  t.draw(text, cx, y, t.width(text, VALUE) + 1, { ...VALUE, color: colour }, 1);
}

/** Height a bar chart needs. */
export function barChartHeight(chart: ChartData): number {
  const bars = chart.groups.reduce((n, g) => n + g.bars.length, 0);
  const labels = chart.groups.filter((g) => g.label).length;
  const separators = chart.spec.kind === 'funnel' ? chart.groups.length - 1 : 0;
  return bars * (BAR_H + BAR_GAP) + labels * 13 + separators * 8 - BAR_GAP;
}

const barMax = (b: ChartBar) => b.indicator.value_max ?? b.indicator.value;

/**
 * Horizontal bars on one linear scale from zero, labels on the left and values at the bar end (inside the longest bar
 * when there is room). A funnel centres its bars so the narrowing reads at a glance; later groups sit below a rule.
 */
export function drawBarChart(t: Typesetter, chart: ChartData, x: number, y: number, w: number): number {
  const doc = t.doc;
  const bars = chart.groups.flatMap((g) => g.bars);
  const funnel = chart.spec.kind === 'funnel';
  const labelW = Math.min(Math.max(...bars.map((b) => t.width(b.label, LABEL))) + 4, w * 0.4);
  const max = Math.max(...bars.map(barMax));
  const longest = bars.find((b) => barMax(b) === max);
  const outside = Math.max(0, ...bars.filter((b) => funnel || b !== longest).map((b) => valueWidth(t, b) + 4));
  let plotW = w - labelW - 6 - (funnel ? 0 : outside);
  if (!funnel && longest && valueWidth(t, longest) + 8 > plotW) plotW = w - labelW - 6 - Math.max(outside, valueWidth(t, longest) + 4);
  const plotX = x + labelW + 6;
  let cy = y;
  chart.groups.forEach((group, gi) => {
    if (funnel && gi > 0) {
      doc
        .save()
        .lineWidth(0.6)
        .strokeColor(INK.rule)
        .dash(2, { space: 2 })
        .moveTo(x, cy + 1)
        .lineTo(x + w, cy + 1)
        .stroke()
        .undash()
        .restore();
      cy += 8;
    }
    if (group.label) {
      t.draw(group.label, x, cy, w, GROUP, 1);
      cy += 13;
    }
    for (const bar of group.bars) {
      const bw = Math.max(1.5, (barMax(bar) / max) * plotW);
      const bx = funnel ? plotX + (plotW - bw) / 2 : plotX;
      const twoLines = t.height(t.fit(bar.label, labelW, LABEL, 2), labelW, LABEL) > t.lineHeight(LABEL) + 0.5;
      const ly = cy + (BAR_H - (twoLines ? 2 : 1) * t.lineHeight(LABEL)) / 2 + 0.5;
      t.draw(bar.label, x, ly, labelW, LABEL, 2);
      fillBar(doc, bx, cy, bw, BAR_H, bar.style);
      const vw = valueWidth(t, bar);
      const vy = cy + (BAR_H - t.lineHeight(VALUE)) / 2 + 0.5;
      const dark = bar.style === 'solid' || bar.style === 'medium';
      const inside = vw + 8 <= bw && (funnel || bar === longest || bx + bw + 4 + vw > x + w);
      if (inside && funnel) {
        if (!dark)
          doc
            .save()
            .rect(bx + (bw - vw) / 2 - 3, vy - 1, vw + 6, t.lineHeight(VALUE) + 1)
            .fill(INK.white)
            .restore();
        drawValue(t, bar, bx + (bw - vw) / 2, vy, dark);
      } else if (inside) {
        if (bar.style === 'hatched')
          doc
            .save()
            .rect(bx + bw - vw - 7, vy - 1, vw + 5, t.lineHeight(VALUE) + 1)
            .fill(INK.white)
            .restore();
        drawValue(t, bar, bx + bw - vw - 4, vy, dark);
      } else {
        drawValue(t, bar, Math.min(bx + bw + 4, x + w - vw), vy, false);
      }
      cy += BAR_H + BAR_GAP;
    }
  });
  return cy - BAR_GAP - y;
}

const LADDER_ROW = 27;

export function ladderHeight(tiers: readonly PenaltyTier[]): number {
  return 14 + tiers.length * LADDER_ROW + 12;
}

/**
 * Penalty tiers as a ladder: one row per tier, prison terms as ranges on a years axis (life and death beyond its end),
 * the condition on the left and the fine on the right.
 */
export function drawLadder(t: Typesetter, tiers: readonly PenaltyTier[], x: number, y: number, w: number, citedAbove: string): number {
  const doc = t.doc;
  const condW = w * 0.34;
  const fineW = w * 0.27;
  const plotX = x + condW + 10;
  const endW = 64;
  const plotW = w - condW - fineW - 20 - endW;
  const fineX = x + w - fineW;
  const maxYears = Math.max(5, ...tiers.map((r) => r.prisonMax ?? r.prisonMin ?? 0));
  const top = Math.ceil(maxYears / 5) * 5;
  const sx = (years: number) => plotX + (years / top) * plotW;

  t.draw('When it applies', x, y, condW, HEAD, 1);
  t.draw('Prison term (years)', plotX, y, plotW + endW, HEAD, 1);
  t.draw('Fine', fineX, y, fineW, HEAD, 1);
  const rowsY = y + 14;
  const axisY = rowsY + tiers.length * LADDER_ROW;

  doc.save().lineWidth(0.5).strokeColor(INK.rule);
  for (let v = 0; v <= top; v += 5) doc.moveTo(sx(v), rowsY).lineTo(sx(v), axisY).stroke();
  doc.restore();

  tiers.forEach((tier, i) => {
    const ry = rowsY + i * LADDER_ROW;
    if (i > 0)
      doc
        .save()
        .lineWidth(0.4)
        .strokeColor(INK.rule)
        .moveTo(x, ry)
        .lineTo(x + w, ry)
        .stroke()
        .restore();
    const label = `${tier.tier}. ${tier.condition}`;
    t.draw(label, x, ry + 2.5, condW, { ...LABEL, size: 7 }, 3);
    const barY = ry + (LADDER_ROW - 12) / 2;
    if (tier.prisonMin !== null || tier.prisonMax !== null) {
      const from = sx(tier.prisonMin ?? 0);
      const to = sx(tier.prisonMax ?? tier.prisonMin ?? 0);
      fillBar(doc, from, barY, Math.max(2, to - from), 12, i === 0 ? 'light' : 'medium');
    }
    if (tier.life || tier.death) {
      fillBar(doc, sx(0), barY, sx(top) - sx(0), 12, 'solid');
      doc
        .save()
        .fillColor(INK.accent)
        .moveTo(sx(top), barY - 2)
        .lineTo(sx(top) + 7, barY + 6)
        .lineTo(sx(top), barY + 14)
        .fill()
        .restore();
    }
    const rangeText = tier.prison;
    const inside = tier.life || tier.death;
    if (inside) {
      t.draw(rangeText, sx(0) + 4, barY + 1.5, plotW - 6, { ...VALUE, color: INK.white, size: 7.5 }, 1);
    } else {
      const to = sx(tier.prisonMax ?? tier.prisonMin ?? 0);
      const tw = t.width(rangeText, { ...VALUE, size: 7.5 });
      const tx = to + 4 + tw <= plotX + plotW + endW ? to + 4 : sx(tier.prisonMin ?? 0) - tw - 4;
      t.draw(rangeText, tx, barY + 1.5, tw + 1, { ...VALUE, size: 7.5 }, 1);
    }
    const fine = tier.citation && tier.citation !== citedAbove ? `${tier.fine} (${tier.citation})` : tier.fine;
    t.draw(fine, fineX, ry + 2.5, fineW, { ...LABEL, size: 7 }, 3);
  });

  for (let v = 0; v <= top; v += 5) {
    const label = String(v);
    const lw = t.width(label, AXIS);
    t.draw(label, sx(v) - lw / 2, axisY + 2, lw + 1, AXIS, 1);
  }
  return axisY + 12 - y;
}
