import type { ChartData } from './charts.js';
import { barChartHeight, drawBarChart, drawLadder, ladderHeight } from './draw-charts.js';
import { formatFigure, qualifierWords } from './format.js';
import type { FactSheetModel, FigureGroup, KeyFigure } from './model.js';
import { type Doc, FONT, INK, PAPER, type Struct, type TextStyle, Typesetter } from './pdf.js';

export const S = {
  kicker: { font: FONT.bold, size: 7.5, color: INK.accent },
  h1: { font: FONT.bold, size: 21, color: INK.text, lineGap: 1 },
  subtitle: { font: FONT.regular, size: 9.5, color: INK.muted, lineGap: 1.5 },
  h2: { font: FONT.bold, size: 11, color: INK.accent },
  h3: { font: FONT.bold, size: 8.5, color: INK.text },
  category: { font: FONT.bold, size: 7, color: INK.accent },
  body: { font: FONT.regular, size: 8, color: INK.text, lineGap: 1 },
  bodyBold: { font: FONT.bold, size: 8, color: INK.text, lineGap: 1 },
  small: { font: FONT.regular, size: 7, color: INK.text, lineGap: 0.8 },
  smallBold: { font: FONT.bold, size: 7, color: INK.text, lineGap: 0.8 },
  note: { font: FONT.regular, size: 6.5, color: INK.muted, lineGap: 0.8 },
  th: { font: FONT.bold, size: 6.5, color: INK.muted },
  figure: { font: FONT.bold, size: 13, color: INK.text },
  prefix: { font: FONT.regular, size: 10, color: INK.muted },
  label: { font: FONT.regular, size: 8, color: INK.text, lineGap: 0.5 },
  cite: { font: FONT.regular, size: 6.5, color: INK.muted },
  footer: { font: FONT.regular, size: 6.5, color: INK.faint },
} satisfies Record<string, TextStyle>;

export const MARGIN = { top: 38, bottom: 42, side: 46 };

export type Density = 0 | 1 | 2;
const FIGURE_ROW_PAD = [2.5, 1.5, 0.5] as const;
const FIGURE_SIZE = [13, 13, 12] as const;

function figureStyle(s: Sheet): TextStyle {
  return { ...S.figure, size: FIGURE_SIZE[s.density] };
}
const TABLE_MIN_ROWS = [3, 2, 1] as const;
const GUTTER = 16;

type ScopedOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Column' | 'Row' };

/** Lays blocks out top to bottom, starting a new page when a block does not fit, and builds the structure tree. */
export class Sheet {
  readonly t: Typesetter;
  readonly doc: Doc;
  readonly root: Struct;
  readonly x: number;
  readonly w: number;
  readonly pageHeight: number;
  y = 0;

  /**
   * How tightly to pack: 0 is the normal layout; each step shrinks row padding and the rows tables must show before
   * they may start a new page, so that a sheet that would spill onto a third page fits on two.
   */
  readonly density: Density;

  constructor(doc: Doc, paper: keyof typeof PAPER, density: Density) {
    this.density = density;
    this.doc = doc;
    this.t = new Typesetter(doc);
    const { width, height } = PAPER[paper];
    this.x = MARGIN.side;
    this.w = width - 2 * MARGIN.side;
    this.pageHeight = height;
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    this.newPage();
  }

  get bottom(): number {
    return this.pageHeight - MARGIN.bottom;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Moves to a new page unless `h` points fit below the cursor. */
  need(h: number): void {
    if (this.y + h > this.bottom) this.newPage();
  }

  /** Adds a structure element whose content is drawn by `draw` (called at once). */
  el(parent: Struct, type: string, draw: () => void, options: ScopedOptions = {}): void {
    parent.add(this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions, draw));
  }

  group(parent: Struct, type: string, options: ScopedOptions = {}): Struct {
    const s = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
    parent.add(s);
    return s;
  }

  /** Decoration that is not content (rules, panels): marked as an artifact so screen readers skip it. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  text(parent: Struct, type: string, text: string, x: number, y: number, w: number, style: TextStyle, maxLines = 99, suffix = ''): number {
    let h = 0;
    this.el(parent, type, () => {
      h = this.t.draw(text, x, y, w, style, maxLines, suffix);
    });
    return h;
  }

  /** An H2 with a rule under it; moves to a new page unless `keep` points of what follows fit under it too. */
  heading(parent: Struct, text: string, space = 10, keep = 60): void {
    const h = this.t.height(text, this.w, S.h2);
    this.need(space + h + 8 + keep);
    this.y += space;
    this.text(parent, 'H2', text, this.x, this.y, this.w, S.h2, 1);
    this.y += h + 2;
    const ry = this.y;
    this.artifact(() => this.doc.save().lineWidth(0.8).strokeColor(INK.accent).moveTo(this.x, ry).lineTo(this.x + this.w, ry).stroke().restore());
    this.y += 6;
  }
}

function header(s: Sheet, m: FactSheetModel): void {
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

/** The cable's own warning about its numbers (the cables' own, when quotes come from several), and a pointer to the cross-check notes. */
export function caveatBox(s: Sheet, m: Pick<FactSheetModel, 'caveats' | 'notes'>, lead = 'The cable warns:'): void {
  if (m.caveats.length === 0 && m.notes.length === 0) return;
  const { t, doc } = s;
  const pad = 7;
  const innerW = s.w - 2 * pad - 4;
  const quotes = m.caveats.map((q) => `“${q.text}” (${q.citation})`).join(' ');
  const text = [
    quotes ? `${lead} ${quotes}` : '',
    'Figures here are as the cable reports them, not checked against other sources'
      + (m.notes.length > 0 ? '; where the cable contradicts itself, see Sources and notes.' : '.'),
  ].filter(Boolean).join(' ');
  const headH = t.lineHeight(S.bodyBold);
  const bodyH = t.height(t.fit(text, innerW, S.body, 5), innerW, S.body);
  const total = pad + headH + 1 + bodyH + pad;
  s.need(total);
  const top = s.y;
  s.artifact(() => doc.save().rect(s.x, top, s.w, total).fill(INK.panel).rect(s.x, top, 3, total).fill(INK.accent).restore());
  const box = s.group(s.root, 'Div');
  s.text(box, 'P', 'Handle these numbers with care', s.x + pad + 4, top + pad, innerW, S.bodyBold, 1);
  s.text(box, 'P', text, s.x + pad + 4, top + pad + headH + 1, innerW, S.body, 5);
  s.y = top + total + 4;
}

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
  const widths = m.groups.flatMap((g) => g.figures.map((f) =>
    (f.prefix ? s.t.width(`${f.prefix} `, S.prefix) : 0) + s.t.width([f.figure, f.suffix].filter(Boolean).join(' '), figureStyle(s)) + 2));
  return Math.min(FIG.maxNumber, Math.max(FIG.minNumber, ...widths));
}

/**
 * Key figures as a list under category headings: large number (qualifier words before it) and label on one baseline,
 * with the period and the paragraph cited after the label. One column, so that each figure stays with its label.
 */
function keyFigures(s: Sheet, m: FactSheetModel): void {
  if (m.groups.length === 0) return;
  s.heading(s.root, m.figuresFrom === 'indicators' ? 'Key figures' : 'Figures in the cable');
  const list = s.group(s.root, 'Div');
  const numberW = numberColumn(s, m);
  for (const g of m.groups) figureGroup(s, list, g, numberW);
}

function figureRowHeight(s: Sheet, f: KeyFigure, numberW: number): number {
  const labelW = s.w - numberW - FIG.gap;
  const labelH = s.t.height(s.t.fit(f.label, labelW, S.label, 3, citeLine(f)), labelW, S.label);
  const fig = figureStyle(s);
  return Math.max(s.t.lineHeight(fig), labelH + (0.928 * (fig.size - S.label.size))) + FIGURE_ROW_PAD[s.density];
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
    s.artifact(() => doc.save().lineWidth(0.5).strokeColor(INK.mid).moveTo(s.x + tw + 6, ry - 4).lineTo(s.x + s.w, ry - 4).stroke().restore());
    s.y += headH;
  }
  const list = s.group(sect, 'L');
  g.figures.forEach((f, i) => {
    const h = heights[i] ?? 0;
    s.need(h);
    const top = s.y;
    if (i > 0) s.artifact(() => doc.save().lineWidth(0.3).strokeColor(INK.rule).moveTo(s.x, top + 0.5).lineTo(s.x + s.w, top + 0.5).stroke().restore());
    const li = s.group(list, 'LI');
    s.el(li, 'Lbl', () => figureNumber(s, f, s.x, top + 1, numberW));
    const labelX = s.x + numberW + FIG.gap;
    const labelW = s.w - numberW - FIG.gap;
    const baseline = top + 1 + 0.928 * figureStyle(s).size;
    s.el(li, 'LBody', () => {
      const cite = citeLine(f);
      const label = t.fit(f.label, labelW, S.label, 3, cite).slice(0, -cite.length);
      t.use(S.label);
      doc.text(label, labelX, baseline - 0.928 * S.label.size, { width: labelW, lineGap: S.label.lineGap, continued: true });
      t.use({ ...S.label, color: INK.muted });
      doc.text(cite);
    });
    s.y = top + h;
  });
  s.y += 3;
}

/** The figure right-aligned in its column, qualifier words in smaller type before it on the same baseline. */
function figureNumber(s: Sheet, f: KeyFigure, x: number, top: number, w: number): void {
  const { t } = s;
  const prefixW = f.prefix ? t.width(`${f.prefix} `, S.prefix) : 0;
  const full = figureStyle(s);
  const fig = t.shrink([f.figure, f.suffix].filter(Boolean).join(' '), w - prefixW - 2, full, 8);
  const fw = t.width(fig.text, fig.style);
  const baseline = top + 0.928 * full.size;
  const fx = x + w - fw;
  if (f.prefix) t.draw(f.prefix, fx - prefixW, baseline - 0.928 * S.prefix.size, prefixW, S.prefix, 1);
  t.draw(fig.text, fx, baseline - 0.928 * fig.style.size, fw + 1, fig.style, 1);
}

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
  s.el(parent, 'Figure', () => {
    cy += drawBarChart(t, c, x, cy, w);
  }, { alt: chartAlt(c) });
  s.text(parent, 'P', chartSources(c), x, cy + 4, w, S.note, 2);
}

/** Charts side by side, up to three to a row, their bars starting on one line under the tallest title. */
function charts(s: Sheet, list: readonly ChartData[]): void {
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
      if (j > 0) s.artifact(() => s.doc.save().lineWidth(0.5).strokeColor(INK.rule).moveTo(x - gap / 2, top).lineTo(x - gap / 2, top + h).stroke().restore());
    });
    s.y = top + h + 8;
  }
}

const SMALL_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function law(s: Sheet, m: FactSheetModel): void {
  const { law: l } = m;
  if (!l.provision && l.others.length === 0) return;
  s.heading(s.root, 'What the law says');
  const sect = s.group(s.root, 'Sect');
  if (l.provision && l.tiers.length > 0) {
    const n = l.tiers.length;
    const count = `${SMALL_NUMBERS[n] ?? n} penalty ${n === 1 ? 'tier' : 'tiers'}`;
    const intro = `${l.provision.name} sets ${count}, as the cable quotes it (${l.provision.citation}):`;
    s.need(ladderHeight(l.tiers) + 30);
    s.y += s.text(sect, 'P', intro, s.x, s.y, s.w, S.body, 2) + 6;
    const alt = `Penalty ladder of ${l.provision.name}. ${l.tiers.map((tr) => `Tier ${tr.tier}, ${tr.condition}: prison ${tr.prison}; fine ${tr.fine}`).join('. ')}.`;
    s.el(sect, 'Figure', () => {
      s.y += drawLadder(s.t, l.tiers, s.x, s.y, s.w, l.provision?.citation ?? '');
    }, { alt });
    s.y += 6;
  }
  if (l.others.length > 0) {
    const lead = l.provision ? 'The cable also cites' : 'The cable cites';
    const text = `${lead}: ${l.others.map((o) => `${o.name} (${o.citation})`).join('; ')}.`;
    const h = s.t.height(s.t.fit(text, s.w, S.small, 4), s.w, S.small);
    s.need(h + 4);
    s.y += s.text(sect, 'P', text, s.x, s.y, s.w, S.small, 4) + 2;
  }
}

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

function rowHeights(s: Sheet, columns: readonly Column[], rows: readonly TableRow[], maxLines: number): number[] {
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

function timelineTable(m: FactSheetModel, w: number): { columns: Column[]; rows: TableRow[] } {
  const dateW = 64;
  const citeW = 70;
  return {
    columns: [
      { head: 'Date', width: dateW },
      { head: 'What the cable says', width: w - dateW - citeW },
      { head: 'Where', width: citeW, align: 'right', maxLines: 4 },
    ],
    rows: m.timeline.map((e) => ({ cells: [{ text: e.date, style: S.smallBold }, { text: e.text }, { text: e.citation, style: { ...S.small, color: INK.muted } }] })),
  };
}

function organizationTable(m: FactSheetModel, w: number): { columns: Column[]; rows: TableRow[] } {
  const nameW = 150;
  const countW = 50;
  return {
    columns: [
      { head: 'Organisation', width: nameW },
      { head: 'Role, in the cable’s words', width: w - nameW - countW },
      { head: 'Mentions', width: countW, align: 'right' },
    ],
    rows: m.organizations.map((o) => ({
      cells: [
        { text: o.acronym && o.acronym !== o.name ? `${o.name} (${o.acronym})` : o.name, style: S.smallBold },
        o.role
          ? { text: o.role.text, suffix: `(${o.role.citation})` }
          : { text: 'Named in the cable; no sentence describes its role.', style: { ...S.small, color: INK.muted } },
        { text: String(o.mentions) },
      ],
    })),
  };
}

const TABLE_LINES = 2;

/** `n` items spread evenly over a list in order, first and last included, so a cut timeline still spans its period. */
function spread<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  if (n <= 1) return items.slice(0, n);
  return Array.from({ length: n }, (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))]!);
}

/** Height of a titled table showing its first `n` rows. */
function tableBlockHeight(s: Sheet, heights: readonly number[], n: number): number {
  return 10 + s.t.lineHeight(S.h2) + 8 + s.t.lineHeight(S.th) + 4 + heights.slice(0, n).reduce((a, h) => a + h, 0);
}

/**
 * Timeline, then organisations, cut to the rows that fit above `reserve` points at the page end: each gets a few rows
 * (else both start a new page), then rows are added to each in turn while they fit.
 */
function timelineAndOrganizations(s: Sheet, m: FactSheetModel, reserve: number): void {
  const blocks = [
    m.timeline.length > 0 ? { title: 'Timeline', spread: true, ...timelineTable(m, s.w) } : null,
    m.organizations.length > 0 ? { title: 'Who is involved', spread: false, ...organizationTable(m, s.w) } : null,
  ].filter((b) => b !== null);
  if (blocks.length === 0) return;
  const heights = blocks.map((b) => rowHeights(s, b.columns, b.rows, TABLE_LINES));
  const counts = heights.map((hs) => Math.min(TABLE_MIN_ROWS[s.density], hs.length));
  const total = () => heights.reduce((a, hs, i) => a + tableBlockHeight(s, hs, counts[i] ?? 0), 0);
  if (s.y + total() > s.bottom - reserve) s.newPage();
  const space = s.bottom - reserve - s.y;
  for (let grew = true; grew;) {
    grew = false;
    heights.forEach((hs, i) => {
      const n = counts[i] ?? 0;
      if (n >= hs.length) return;
      counts[i] = n + 1;
      if (total() <= space) grew = true;
      else counts[i] = n;
    });
  }
  blocks.forEach((b, i) => {
    const n = counts[i] ?? 0;
    s.heading(s.root, b.title, 10, s.t.lineHeight(S.th) + 4 + (heights[i]?.[0] ?? 0));
    const sect = s.group(s.root, 'Sect');
    s.y += table(s, sect, s.x, s.y, b.columns, b.spread ? spread(b.rows, n) : b.rows.slice(0, n), TABLE_LINES);
  });
}

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

function sourcesHeight(s: Sheet, m: FactSheetModel): number {
  const { t } = s;
  const rowsH = sourceRowHeights(s, m).reduce((a, h) => a + h, 0);
  const notesH = sourceNotes(m).reduce((a, n, i) => a + t.height(t.fit(`${i + 1}. ${n}`, s.w, S.note, 2), s.w, S.note) + 2, 0);
  return 10 + t.lineHeight(S.h2) + 8 + 2 * SOURCE_PAD + rowsH + 6 + notesH;
}

/** Where the figures come from, in a box (cable, file, its SHA-256, dataset), then the numbered notes. */
function sources(s: Sheet, m: FactSheetModel): void {
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
    s.text(tr, 'TD', r.value, s.x + SOURCE_PAD + SOURCE_LABEL_W, ry, s.w - 2 * SOURCE_PAD - SOURCE_LABEL_W, S.small, 2);
    y += heights[i] ?? 0;
  });
  s.y = top + boxH + 6;
  const list = s.group(sect, 'L');
  sourceNotes(m).forEach((n, i) => {
    const li = s.group(list, 'LI');
    s.y += s.text(li, 'LBody', `${i + 1}. ${n}`, s.x, s.y, s.w, S.note, 2) + 2;
  });
}

/** The running footer of every page: `text` on the left, "Page i of n" on the right, both as pagination artifacts. */
export function drawFooters(s: Sheet, text: string): void {
  const { doc, t } = s;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = s.pageHeight - MARGIN.bottom + 12;
    const right = `Page ${i + 1} of ${range.count}`;
    const rw = t.width(right, S.footer) + 1;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.save().lineWidth(0.4).strokeColor(INK.rule).moveTo(s.x, y - 5).lineTo(s.x + s.w, y - 5).stroke().restore();
    t.draw(text, s.x, y, s.w - rw - 10, S.footer, 1);
    t.draw(right, s.x + s.w - rw, y, rw, S.footer, 1);
    doc.endMarkedContent();
  }
}

function footers(s: Sheet, m: FactSheetModel): void {
  drawFooters(s, `${m.cableId} · ${m.kicker} · made with cablepress from a cable published by WikiLeaks`);
}

export interface Layout {
  pages: number;
  /** Page (from 1) on which the key figures end. */
  figuresEndPage: number;
}

/** Draws the fact sheet into `doc` (a fresh document from createDoc). */
export function renderModel(doc: Doc, m: FactSheetModel, paper: keyof typeof PAPER, density: Density = 0): Layout {
  const s = new Sheet(doc, paper, density);
  header(s, m);
  caveatBox(s, m);
  keyFigures(s, m);
  const figuresEndPage = doc.bufferedPageRange().count;
  charts(s, m.charts);
  law(s, m);
  timelineAndOrganizations(s, m, sourcesHeight(s, m));
  sources(s, m);
  footers(s, m);
  s.root.end();
  return { pages: doc.bufferedPageRange().count, figuresEndPage };
}
