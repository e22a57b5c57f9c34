import type { ChartData } from './charts.js';
import { barChartHeight, drawBarChart, drawLadder, ladderHeight } from './draw-charts.js';
import { formatFigure, qualifierWords } from './format.js';
import type { FactSheetModel, FigureGroup, KeyFigure } from './model.js';
import { type Doc, FONT, INK, PAPER, type Struct, type TextStyle, Typesetter } from './pdf.js';

const S = {
  kicker: { font: FONT.bold, size: 7.5, color: INK.accent },
  h1: { font: FONT.bold, size: 21, color: INK.text, lineGap: 1 },
  subtitle: { font: FONT.regular, size: 9.5, color: INK.muted, lineGap: 1.5 },
  h2: { font: FONT.bold, size: 11, color: INK.accent },
  h3: { font: FONT.bold, size: 8.5, color: INK.text },
  category: { font: FONT.bold, size: 7.5, color: INK.accent },
  body: { font: FONT.regular, size: 8, color: INK.text, lineGap: 1 },
  bodyBold: { font: FONT.bold, size: 8, color: INK.text, lineGap: 1 },
  small: { font: FONT.regular, size: 7, color: INK.text, lineGap: 0.8 },
  smallBold: { font: FONT.bold, size: 7, color: INK.text, lineGap: 0.8 },
  note: { font: FONT.regular, size: 6.5, color: INK.muted, lineGap: 0.8 },
  th: { font: FONT.bold, size: 6.5, color: INK.muted },
  figure: { font: FONT.bold, size: 16, color: INK.text },
  prefix: { font: FONT.regular, size: 7, color: INK.muted },
  label: { font: FONT.regular, size: 7.5, color: INK.text, lineGap: 0.5 },
  cite: { font: FONT.regular, size: 6.5, color: INK.muted },
  footer: { font: FONT.regular, size: 6.5, color: INK.faint },
} satisfies Record<string, TextStyle>;

const MARGIN = { top: 42, bottom: 46, side: 46 };
const GUTTER = 16;

type ScopedOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Column' | 'Row' };

/** Lays blocks out top to bottom, starting a new page when a block does not fit, and builds the structure tree. */
class Sheet {
  readonly t: Typesetter;
  readonly doc: Doc;
  readonly root: Struct;
  readonly x: number;
  readonly w: number;
  readonly pageHeight: number;
  y = 0;

  constructor(doc: Doc, paper: keyof typeof PAPER) {
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

  text(parent: Struct, type: string, text: string, x: number, y: number, w: number, style: TextStyle, maxLines = 99): number {
    let h = 0;
    this.el(parent, type, () => {
      h = this.t.draw(text, x, y, w, style, maxLines);
    });
    return h;
  }

  heading(parent: Struct, text: string, space = 10): void {
    const h = this.t.height(text, this.w, S.h2);
    this.need(space + h + 60);
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
  s.text(s.root, 'P', m.kicker.toUpperCase(), s.x, s.y, s.w, S.kicker, 1);
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
  const rowHs = rows.map((r) => t.height(t.fit(r.value, s.w - 2 * pad - rowLabelW, S.body, 3), s.w - 2 * pad - rowLabelW, S.body));
  const total = pad + labelH + 2 + valueH + 6 + rowHs.reduce((a, h) => a + h + 4, 0) + pad - 4;
  const top = s.y;
  s.artifact(() => doc.save().rect(s.x, top, s.w, total).fill(INK.panel).restore());
  const table = s.group(s.root, 'Table');
  let y = top + pad;
  const headRow = s.group(table, 'TR');
  let x = s.x + pad;
  across.forEach((c, i) => {
    s.text(headRow, 'TH', c.label.toUpperCase(), x, y, (colW[i] ?? 0) - 8, S.th, 1);
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
    s.text(tr, 'TD', r.value, s.x + pad + rowLabelW, y, s.w - 2 * pad - rowLabelW, S.body, 3);
    y += (rowHs[i] ?? 0) + 4;
  });
  s.y = top + total + 10;
}

/** The cable's own warning about its numbers, and a pointer to the cross-check notes. */
function caveatBox(s: Sheet, m: FactSheetModel): void {
  if (m.caveats.length === 0 && m.notes.length === 0) return;
  const { t, doc } = s;
  const pad = 8;
  const innerW = s.w - 2 * pad - 4;
  const lines = [
    ...m.caveats.map((q) => `“${q.text}” (${q.citation})`),
    'Figures are given as the cable reports them; they were not checked against other sources.'
      + (m.notes.length > 0 ? ` Where the cable contradicts itself, see the notes at the end.` : ''),
  ];
  const headH = t.lineHeight(S.bodyBold);
  const hs = lines.map((l) => t.height(t.fit(l, innerW, S.body, 3), innerW, S.body));
  const total = pad + headH + 2 + hs.reduce((a, h) => a + h + 2, 0) + pad - 2;
  s.need(total);
  const top = s.y;
  s.artifact(() => doc.save().rect(s.x, top, s.w, total).fill(INK.panel).rect(s.x, top, 3, total).fill(INK.accent).restore());
  const box = s.group(s.root, 'Div');
  let y = top + pad;
  s.text(box, 'P', 'Handle these numbers with care', s.x + pad + 4, y, innerW, S.bodyBold, 1);
  y += headH + 2;
  lines.forEach((l, i) => {
    s.text(box, 'P', l, s.x + pad + 4, y, innerW, S.body, 3);
    y += (hs[i] ?? 0) + 2;
  });
  s.y = top + total + 4;
}

interface TileLayout {
  prefixH: number;
  figureH: number;
  labelH: number;
  citeH: number;
}

function tileMetrics(s: Sheet, f: KeyFigure, w: number): TileLayout {
  const { t } = s;
  return {
    prefixH: f.prefix ? t.lineHeight(S.prefix) : 0,
    figureH: t.lineHeight(S.figure),
    labelH: t.height(t.fit(f.label, w, S.label, 3), w, S.label),
    citeH: t.lineHeight(S.cite),
  };
}

function citeLine(f: KeyFigure): string {
  return [f.period, f.citation].filter(Boolean).join(' · ');
}

/** Key figures as large numbers with short labels, one row of tiles per category (prosecution, protection, ...). */
function keyFigures(s: Sheet, m: FactSheetModel): void {
  if (m.groups.length === 0) return;
  s.heading(s.root, m.figuresFrom === 'indicators' ? 'Key figures' : 'Figures in the cable');
  const cols = s.w > 480 ? 5 : 4;
  const gap = 10;
  const tileW = (s.w - gap * (cols - 1)) / cols;
  for (const g of m.groups) figureGroup(s, g, cols, tileW, gap);
}

function figureGroup(s: Sheet, g: FigureGroup, cols: number, tileW: number, gap: number): void {
  const { t, doc } = s;
  const rows: KeyFigure[][] = [];
  for (let i = 0; i < g.figures.length; i += cols) rows.push(g.figures.slice(i, i + cols));
  const rowHeights = rows.map((row) => {
    const ms = row.map((f) => tileMetrics(s, f, tileW - 6));
    const prefix = Math.max(...ms.map((x) => x.prefixH));
    return prefix + Math.max(...ms.map((x) => x.figureH)) + Math.max(...ms.map((x) => x.labelH)) + 2 + Math.max(...ms.map((x) => x.citeH));
  });
  const catH = t.lineHeight(S.category) + 4;
  s.need(catH + (rowHeights[0] ?? 0) + 6);
  const sect = s.group(s.root, 'Sect');
  const cy = s.y;
  s.text(sect, 'H3', g.title.toUpperCase(), s.x, cy, s.w, S.category, 1);
  s.y += catH;
  rows.forEach((row, ri) => {
    const rh = rowHeights[ri] ?? 0;
    s.need(rh + 6);
    const ms = row.map((f) => tileMetrics(s, f, tileW - 6));
    const prefix = Math.max(...ms.map((x) => x.prefixH));
    const labelH = Math.max(...ms.map((x) => x.labelH));
    const top = s.y;
    row.forEach((f, i) => {
      const x = s.x + i * (tileW + gap);
      s.artifact(() => doc.save().rect(x, top, 1.5, rh).fill(INK.light).restore());
      s.el(sect, 'P', () => {
        const ix = x + 6;
        const iw = tileW - 6;
        if (f.prefix) t.draw(f.prefix, ix, top, iw, S.prefix, 1);
        const fig = t.shrink([f.figure, f.suffix].filter(Boolean).join(' '), iw, S.figure, 9);
        const fy = top + prefix + (t.lineHeight(S.figure) - t.lineHeight(fig.style)) * 0.7;
        t.draw(fig.text, ix, fy, iw, fig.style, 1);
        t.draw(f.label, ix, top + prefix + t.lineHeight(S.figure), iw, S.label, 3);
        t.draw(citeLine(f), ix, top + prefix + t.lineHeight(S.figure) + labelH + 2, iw, S.cite, 1);
      });
    });
    s.y = top + rh + 8;
  });
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

function chartBlockHeight(s: Sheet, c: ChartData, w: number): number {
  return s.t.height(c.spec.title, w, S.h3) + 6 + barChartHeight(c) + 2 + s.t.lineHeight(S.note) * 2;
}

function drawChartBlock(s: Sheet, parent: Struct, c: ChartData, x: number, y: number, w: number): void {
  const { t } = s;
  const titleH = s.text(parent, 'H3', c.spec.title, x, y, w, S.h3, 2);
  let cy = y + titleH + 6;
  s.el(parent, 'Figure', () => {
    cy += drawBarChart(t, c, x, cy, w);
  }, { alt: chartAlt(c) });
  s.text(parent, 'P', chartSources(c), x, cy + 2, w, S.note, 2);
}

/** Charts two to a row. */
function charts(s: Sheet, list: readonly ChartData[]): void {
  if (list.length === 0) return;
  const w = (s.w - GUTTER * 1.5) / 2;
  for (let i = 0; i < list.length; i += 2) {
    const row = list.slice(i, i + 2);
    const h = Math.max(...row.map((c) => chartBlockHeight(s, c, w)));
    s.need(h + 8);
    const top = s.y;
    const sect = s.group(s.root, 'Sect');
    row.forEach((c, j) => drawChartBlock(s, sect, c, s.x + j * (w + GUTTER * 1.5), top, w));
    if (row.length === 2) {
      const rx = s.x + w + GUTTER * 0.75;
      s.artifact(() => s.doc.save().lineWidth(0.5).strokeColor(INK.rule).moveTo(rx, top).lineTo(rx, top + h).stroke().restore());
    }
    s.y = top + h + 8;
  }
}

function law(s: Sheet, m: FactSheetModel): void {
  const { law: l } = m;
  if (!l.provision && l.others.length === 0) return;
  s.heading(s.root, 'What the law says');
  const sect = s.group(s.root, 'Sect');
  if (l.provision && l.tiers.length > 0) {
    const intro = `${l.provision.name} (${l.provision.citation}) sets ${l.tiers.length === 1 ? 'one penalty' : `${l.tiers.length} penalty tiers`}, as quoted in the cable:`;
    s.need(ladderHeight(l.tiers) + 30);
    s.y += s.text(sect, 'P', intro, s.x, s.y, s.w, S.body, 2) + 6;
    const alt = `Penalty ladder of ${l.provision.name}. ${l.tiers.map((tr) => `Tier ${tr.tier}, ${tr.condition}: prison ${tr.prison}; fine ${tr.fine}`).join('. ')}.`;
    s.el(sect, 'Figure', () => {
      s.y += drawLadder(s.t, l.tiers, s.x, s.y, s.w);
    }, { alt });
    s.y += 6;
  }
  if (l.others.length > 0) {
    const lead = l.provision ? 'The cable also cites:' : 'Laws the cable cites:';
    const items = l.others.slice(0, 6);
    const colW = (s.w - GUTTER) / 2;
    const per = Math.ceil(items.length / 2);
    const heights = items.map((o) => s.t.height(s.t.fit(`${o.name} · ${o.citation}`, colW - 10, S.small, 2), colW - 10, S.small));
    const colH = (from: number, to: number) => heights.slice(from, to).reduce((a, h) => a + h + 2, 0);
    s.need(s.t.lineHeight(S.small) + 4 + Math.max(colH(0, per), colH(per, items.length)));
    s.y += s.text(sect, 'P', lead, s.x, s.y, s.w, S.smallBold, 1) + 3;
    const list = s.group(sect, 'L');
    const top = s.y;
    let bottom = top;
    items.forEach((o, i) => {
      const col = i < per ? 0 : 1;
      const x = s.x + col * (colW + GUTTER);
      const y = top + (col === 0 ? colH(0, i) : colH(per, i));
      const li = s.group(list, 'LI');
      s.el(li, 'Lbl', () => s.t.draw('•', x, y, 8, S.small, 1));
      s.text(li, 'LBody', `${o.name} · ${o.citation}`, x + 10, y, colW - 10, S.small, 2);
      bottom = Math.max(bottom, y + (heights[i] ?? 0) + 2);
    });
    s.y = bottom + 2;
  }
}

interface Column {
  head: string;
  width: number;
  align?: 'left' | 'right';
}

/** A table with a header row of TH cells; rows are cut to `maxLines` lines per cell and stop at the page end. */
function table(s: Sheet, parent: Struct, columns: readonly Column[], rows: readonly { cells: { text: string; style?: TextStyle }[] }[], maxLines: number): number {
  const { t, doc } = s;
  const pad = 3;
  const headH = t.lineHeight(S.th) + 4;
  const heights = rows.map((r) => Math.max(...r.cells.map((c, i) => {
    const w = (columns[i]?.width ?? 0) - 2 * pad;
    const style = c.style ?? S.small;
    return t.height(t.fit(c.text, w, style, maxLines), w, style);
  })) + 2 * pad);
  s.need(headH + (heights[0] ?? 0));
  const tbl = s.group(parent, 'Table');
  const head = s.group(tbl, 'TR');
  let x = s.x;
  const hy = s.y;
  columns.forEach((c) => {
    s.el(head, 'TH', () => t.draw(c.head.toUpperCase(), x + pad, hy, c.width - 2 * pad, { ...S.th, align: c.align ?? 'left' }, 1), { scope: 'Column' });
    x += c.width;
  });
  s.y += headH;
  const ly = s.y - 1.5;
  s.artifact(() => doc.save().lineWidth(0.8).strokeColor(INK.text).moveTo(s.x, ly).lineTo(s.x + s.w, ly).stroke().restore());
  let drawn = 0;
  rows.forEach((r, ri) => {
    const h = heights[ri] ?? 0;
    if (s.y + h > s.bottom) return;
    const tr = s.group(tbl, 'TR');
    let cx = s.x;
    const y = s.y;
    r.cells.forEach((c, i) => {
      const col = columns[i];
      if (!col) return;
      s.text(tr, 'TD', c.text, cx + pad, y + pad, col.width - 2 * pad, { ...(c.style ?? S.small), align: col.align ?? 'left' }, maxLines);
      cx += col.width;
    });
    s.y += h;
    const by = s.y;
    s.artifact(() => doc.save().lineWidth(0.4).strokeColor(INK.rule).moveTo(s.x, by).lineTo(s.x + s.w, by).stroke().restore());
    drawn++;
  });
  return drawn;
}

function timeline(s: Sheet, m: FactSheetModel): void {
  if (m.timeline.length === 0) return;
  s.heading(s.root, 'Timeline');
  const sect = s.group(s.root, 'Sect');
  const dateW = 62;
  const citeW = 62;
  table(s, sect, [
    { head: 'Date', width: dateW },
    { head: 'What the cable says', width: s.w - dateW - citeW },
    { head: 'Source', width: citeW, align: 'right' },
  ], m.timeline.map((e) => ({ cells: [{ text: e.date, style: S.smallBold }, { text: e.text }, { text: e.citation, style: { ...S.small, color: INK.muted } }] })), 2);
}

function organizations(s: Sheet, m: FactSheetModel): void {
  if (m.organizations.length === 0) return;
  s.heading(s.root, 'Who is involved');
  const sect = s.group(s.root, 'Sect');
  const nameW = 150;
  const countW = 50;
  table(s, sect, [
    { head: 'Organisation', width: nameW },
    { head: 'Role, in the cable’s words', width: s.w - nameW - countW },
    { head: 'Mentions', width: countW, align: 'right' },
  ], m.organizations.map((o) => ({
    cells: [
      { text: `${o.name}${o.acronym && o.acronym !== o.name ? ` (${o.acronym})` : ''}`, style: S.smallBold },
      { text: o.role ? `${o.role.text} (${o.role.citation})` : `${o.type}.` },
      { text: String(o.mentions) },
    ],
  })), 2);
}

function sources(s: Sheet, m: FactSheetModel): void {
  s.heading(s.root, 'Sources and notes');
  const { t } = s;
  const sect = s.group(s.root, 'Sect');
  const labelW = 70;
  const rows = m.sources.map((r) => ({ ...r, h: t.height(t.fit(r.value, s.w - labelW, S.small, 2), s.w - labelW, S.small) }));
  const notes = [
    ...m.notes,
    'Key figures are chosen in the dataset recipe and located in the cable text; each cites the paragraph it comes from (¶ numbers, or section and letter of the TIP questionnaire).',
  ];
  const noteHs = notes.map((n, i) => t.height(t.fit(`${i + 1}. ${n}`, s.w, S.note, 2), s.w, S.note));
  s.need(rows.reduce((a, r) => a + r.h + 2, 0) + noteHs.reduce((a, h) => a + h + 2, 0) + 8);
  const tbl = s.group(sect, 'Table');
  for (const r of rows) {
    const tr = s.group(tbl, 'TR');
    const y = s.y;
    s.el(tr, 'TH', () => t.draw(r.label, s.x, y, labelW - 6, S.smallBold, 1), { scope: 'Row' });
    s.text(tr, 'TD', r.value, s.x + labelW, y, s.w - labelW, S.small, 2);
    s.y += r.h + 2;
  }
  s.y += 6;
  const list = s.group(sect, 'L');
  notes.forEach((n, i) => {
    const li = s.group(list, 'LI');
    s.y += s.text(li, 'LBody', `${i + 1}. ${n}`, s.x, s.y, s.w, S.note, 2) + 2;
  });
}

function footers(s: Sheet, m: FactSheetModel): void {
  const { doc, t } = s;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = s.pageHeight - MARGIN.bottom + 16;
    const right = `Page ${i + 1} of ${range.count}`;
    const rw = t.width(right, S.footer) + 1;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.save().lineWidth(0.4).strokeColor(INK.rule).moveTo(s.x, y - 5).lineTo(s.x + s.w, y - 5).stroke().restore();
    t.draw(`${m.cableId} · ${m.kicker} · made with cablepress from a cable published by WikiLeaks`, s.x, y, s.w - rw - 10, S.footer, 1);
    t.draw(right, s.x + s.w - rw, y, rw, S.footer, 1);
    doc.endMarkedContent();
  }
}

/** Draws the fact sheet into `doc` (a fresh document from createDoc). */
export function renderModel(doc: Doc, m: FactSheetModel, paper: keyof typeof PAPER): void {
  const s = new Sheet(doc, paper);
  header(s, m);
  caveatBox(s, m);
  keyFigures(s, m);
  charts(s, m.charts);
  law(s, m);
  timeline(s, m);
  organizations(s, m);
  sources(s, m);
  footers(s, m);
  s.root.end();
}
