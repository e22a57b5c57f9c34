import type { IndicatorRow } from '@cablepress/validate';
import { formatDate, formatFigure, qualifierWords } from './format.js';
import { caveats, countryOf, definitionNotes, shortCitation, type Quote } from './model.js';
import { collect, createDoc, INK, type PAPER } from './pdf.js';
import { caveatBox, type Column, drawFooters, S, Sheet, table, type TableRow } from './render.js';
import type { FactSheetInput } from './types.js';

/** The 3P framework headings, in the order the TIP report uses. */
const CATEGORY_ORDER = ['prosecution', 'protection', 'prevention', 'context'] as const;

/** One TIP report of the dataset: a country and reporting year, with the cables it was sent in and its key figures. */
export interface ReportColumn {
  country: string;
  year: number | null;
  cables: string[];
  figures: IndicatorRow[];
}

/** What the comparison sheet prints, derived from the tables; no layout. */
export interface ComparisonModel {
  kicker: string;
  title: string;
  subtitle: string;
  reports: ReportColumn[];
  caveats: Quote[];
  notes: string[];
  sources: { cable: string; country: string; date: string; sha256: string }[];
}

/** The longest caveat quoted (characters): three of them and the box's own words fit its five lines. */
const CAVEAT_MAX = 200;

/** The reports of a dataset of several cables, by country and reporting year, from its indicators table. */
export function buildComparison(input: FactSheetInput): ComparisonModel {
  const { tables, dataset } = input;
  const countryName = new Map(tables.cables.map((c) => [c.cable_id, countryOf(c, tables.tags.filter((t) => t.cable_id === c.cable_id)) ?? c.cable_id]));
  const reports = new Map<string, ReportColumn>();
  for (const i of tables.indicators) {
    const key = `${i.country ?? i.cable_id}-${i.reporting_year ?? ''}`;
    const report = reports.get(key) ?? { country: countryName.get(i.cable_id) ?? i.cable_id, year: i.reporting_year, cables: [], figures: [] };
    if (!report.cables.includes(i.cable_id)) report.cables.push(i.cable_id);
    report.figures.push(i);
    reports.set(key, report);
  }
  const ordered = [...reports.values()].sort((a, b) => (a.country === b.country ? (a.year ?? 0) - (b.year ?? 0) : a.country < b.country ? -1 : 1));
  for (const r of ordered) r.figures.sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category));
  const years = ordered.map((r) => r.year).filter((y): y is number => y !== null);
  const span = years.length > 0 ? `reporting years ${Math.min(...years)}\u2013${Math.max(...years)}` : 'TIP reports';
  const countries = [...new Set(ordered.map((r) => r.country))];
  const cited = new Set(tables.indicators.map((i) => i.cable_id));
  const quotes = tables.cables
    .filter((c) => cited.has(c.cable_id))
    .flatMap((c) => caveats(tables.paragraphs.filter((p) => p.cable_id === c.cable_id).sort((a, b) => a.seq - b.seq), 1)
      .map((q) => ({ text: q.text, citation: `${c.cable_id} ${q.citation}` })));
  return {
    kicker: `FACT SHEET \u00b7 ${dataset.name} v${dataset.version}`,
    title: `Trafficking in persons: ${countries.length} countries compared, ${span}`,
    subtitle: `Key figures of ${ordered.length} annual TIP reports that U.S. embassies sent in ${tables.cables.length} cables, as WikiLeaks published them. `
      + 'Each figure is the host government\u2019s for the whole country and reporting period, as its sentence shows (see the notes), cited to its cable and paragraph. '
      + 'The reporting year is the year a report covers; a figure\u2019s own period, when its sentence names one, is given beside it.',
    reports: ordered,
    caveats: quotes.filter((q) => q.text.length <= CAVEAT_MAX).slice(0, 3),
    notes: [...definitionNotes(tables.indicators), ...input.findings.filter((f) => f.severity === 'warning').map((f) => f.message)],
    sources: tables.cables.map((c) => ({ cable: c.cable_id, country: countryName.get(c.cable_id) ?? '', date: c.created ? formatDate(c.created) : 'not stated', sha256: c.source_sha256 })),
  };
}

function figureText(i: IndicatorRow): string {
  const q = qualifierWords(i.qualifier);
  return `${q ? `${q} ` : ''}${formatFigure(i)}`;
}

/** Longer than any real section heading and question key; a run-on sentence taken for a heading is still cut. */
const WHOLE_CITATION_MAX = 64;

/** One report as a small table: indicator, figure (with its period when it differs from the reporting year), cable and paragraph. */
function reportBlock(s: Sheet, r: ReportColumn, x: number, y: number, w: number): number {
  const head = `${r.country}${r.year === null ? '' : `, reporting year ${r.year}`}`;
  const headH = s.t.height(head, w, S.h3);
  s.text(s.root, 'H3', head, x, y, w, S.h3, 2);
  const figW = 72;
  const citeW = 92;
  // a section heading such as "INVESTIGATION AND PROSECUTION OF TRAFFICKERS E" is the whole citation: it is kept whole
  const columns: Column[] = [
    { head: 'Indicator', width: w - figW - citeW, maxLines: 3 },
    { head: 'Figure', width: figW, align: 'right' },
    { head: 'Where', width: citeW, align: 'right', maxLines: 4 },
  ];
  const rows: TableRow[] = r.figures.map((i) => ({
    cells: [
      { text: i.label },
      { text: `${figureText(i)}${i.period !== null && i.period !== String(r.year) ? ` (${i.period})` : ''}`, style: S.smallBold },
      { text: `${i.cable_id} ${shortCitation(i.citation, WHOLE_CITATION_MAX)}`, style: { ...S.small, color: INK.muted } },
    ],
  }));
  return headH + 3 + table(s, s.root, x, y + headH + 3, columns, rows, 2);
}

/** Lays the report blocks out in two columns, each pair side by side, starting a new page when a pair does not fit. */
function reportBlocks(s: Sheet, reports: readonly ReportColumn[]): void {
  const gutter = 14;
  const w = (s.w - gutter) / 2;
  for (let k = 0; k < reports.length; k += 2) {
    const pair = reports.slice(k, k + 2);
    const estimate = Math.max(...pair.map((r) => 30 + r.figures.length * 20));
    s.need(estimate);
    const heights = pair.map((r, j) => reportBlock(s, r, s.x + j * (w + gutter), s.y, w));
    s.y += Math.max(...heights) + 12;
  }
}

function sourcesTable(s: Sheet, m: ComparisonModel): void {
  s.heading(s.root, 'Sources and notes');
  const columns: Column[] = [
    { head: 'Cable', width: 80 }, { head: 'Country', width: 70 }, { head: 'Date', width: 70 }, { head: 'SHA-256 of the source file', width: s.w - 220 },
  ];
  const rows: TableRow[] = m.sources.map((c) => ({ cells: [{ text: c.cable, style: S.smallBold }, { text: c.country }, { text: c.date }, { text: c.sha256, style: { ...S.small, size: 6.5 } }] }));
  s.need(20 + rows.length * 12);
  s.y += table(s, s.root, s.x, s.y, columns, rows, 1) + 6;
  for (const [n, note] of m.notes.entries()) {
    const text = `${n + 1}. ${note}`;
    const h = s.t.height(s.t.fit(text, s.w, S.note, 3), s.w, S.note);
    s.need(h + 2);
    s.y += s.text(s.root, 'P', text, s.x, s.y, s.w, S.note, 3) + 2;
  }
}

function footers(s: Sheet, m: ComparisonModel): void {
  drawFooters(s, `${m.kicker.toLowerCase().replace(/^fact sheet/, 'Fact sheet')} \u00b7 made with cablepress from cables published by WikiLeaks`);
}

/** Renders the fact sheet of a dataset of several TIP report cables: the countries' 3P figures side by side. */
/** "The cable warns:" or, when the quotes come from several cables (each citation starts with its cable id), "The cables warn:". */
export function caveatLead(caveats: readonly Quote[]): string {
  return new Set(caveats.map((q) => q.citation.split(' ')[0])).size > 1 ? 'The cables warn:' : 'The cable warns:';
}

export async function renderComparison(input: FactSheetInput): Promise<Uint8Array> {
  const m = buildComparison(input);
  const paper: keyof typeof PAPER = input.paper ?? 'a4';
  const doc = createDoc({
    title: m.title, subject: m.subtitle, keywords: 'trafficking in persons, TIP report, cables, WikiLeaks', author: 'cablepress', language: 'en',
    creationDate: input.creationDate, paper,
  });
  const s = new Sheet(doc, paper, 0);
  s.text(s.root, 'P', m.kicker, s.x, s.y, s.w, S.kicker, 1);
  s.y += s.t.lineHeight(S.kicker) + 6;
  s.y += s.text(s.root, 'H1', m.title, s.x, s.y, s.w, S.h1, 2) + 4;
  s.y += s.text(s.root, 'P', m.subtitle, s.x, s.y, s.w, S.subtitle, 4) + 10;
  caveatBox(s, { caveats: m.caveats, notes: m.notes }, caveatLead(m.caveats));
  s.heading(s.root, 'Key figures by country and reporting year');
  reportBlocks(s, m.reports);
  sourcesTable(s, m);
  footers(s, m);
  s.root.end();
  const bytes = collect(doc);
  doc.end();
  return bytes;
}
