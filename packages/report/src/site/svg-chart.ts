import { escapeHtml as e } from './html.js';

/** One bar: its label, its value (the bar's length) and the figure printed after it. */
export interface SvgBar {
  label: string;
  value: number;
  text: string;
}

/** A chart: a title, groups of bars (a group's label is printed above it), and where its figures come from. */
export interface SvgChart {
  id: string;
  title: string;
  groups: readonly { label?: string; bars: readonly SvgBar[] }[];
  source: string;
}

const WIDTH = 560;
const LABEL_W = 180;
const TEXT_W = 140;
const ROW = 24;
const BAR = 15;
const GROUP = 20;

/** A label cut to fit its column, whole words first (the full label stays in the chart's description). */
function shortLabel(label: string, max = 32): string {
  if (label.length <= max) return label;
  const cut = label.slice(0, max).replace(/\s+\S*$/, '');
  return `${cut || label.slice(0, max)}…`;
}

/**
 * A horizontal bar chart as inline SVG: one scale for all bars, the figure after each bar, a title and a text
 * description for screen readers. Colours are attributes (no style), so the page's Content-Security-Policy holds.
 */
export function barChartSvg(chart: SvgChart): string {
  const max = Math.max(...chart.groups.flatMap((g) => g.bars.map((b) => b.value)), 0) || 1;
  const scale = (WIDTH - LABEL_W - TEXT_W) / max;
  const parts: string[] = [];
  let y = 4;
  for (const g of chart.groups) {
    if (g.label) {
      parts.push(`<text x="0" y="${y + 14}" font-weight="700" font-size="13">${e(g.label)}</text>`);
      y += GROUP;
    }
    for (const b of g.bars) {
      const w = Math.max(1, Math.round(b.value * scale));
      parts.push(
        `<text x="${LABEL_W - 8}" y="${y + 12}" text-anchor="end" font-size="13">${e(shortLabel(b.label))}</text>`,
        `<rect x="${LABEL_W}" y="${y}" width="${w}" height="${BAR}" fill="#0072b2"></rect>`,
        `<text x="${LABEL_W + w + 6}" y="${y + 12}" font-size="13" font-weight="700">${e(b.text)}</text>`,
      );
      y += ROW;
    }
  }
  const height = y + 2;
  const described = chart.groups.map((g) => `${g.label ? `${g.label}: ` : ''}${g.bars.map((b) => `${b.label}, ${b.text}`).join('; ')}`).join('. ');
  return [
    `<figure class="chart" id="chart-${e(chart.id)}">`,
    `<figcaption>${e(chart.title)}</figcaption>`,
    `<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="chart-${e(chart.id)}-t chart-${e(chart.id)}-d" fill="#1b1b1b">`,
    `<title id="chart-${e(chart.id)}-t">${e(chart.title)}</title><desc id="chart-${e(chart.id)}-d">${e(described)}.</desc>`,
    `<line x1="${LABEL_W}" y1="0" x2="${LABEL_W}" y2="${height}" stroke="#767676" stroke-width="1"></line>`,
    ...parts,
    '</svg>',
    `<p class="src">${e(chart.source)}</p>`,
    '</figure>',
  ].join('\n');
}
