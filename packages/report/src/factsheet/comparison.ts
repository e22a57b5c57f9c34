import { type Finding, plusdUrl } from '@cablepress/core';
import type { IndicatorRow } from '@cablepress/validate';
import { formatDate, formatFigure, qualifierWords } from './format.js';
import { drawFooters, Sheet } from './layout/sheet.js';
import { S } from './layout/styles.js';
import { type Column, pagedTable, type TableRow } from './layout/table.js';
import { caveats, CATEGORY_TITLES, type Category, cellCitation, type Quote, type SourceRow } from './model.js';
import { datasetLinkRows, definitionNotes, findingNote } from './notes.js';
import { collect, createDoc, INK, type PAPER } from './pdf.js';
import { caveatBox } from './sections/caveats.js';
import type { FactSheetInput, FactSheetTables } from './types.js';

/** The 3P framework headings, in the order the TIP report uses. */
const CATEGORY_ORDER: readonly Category[] = ['prosecution', 'protection', 'prevention', 'context'];

/** One TIP report of the dataset: a country and reporting year, with the cables it was sent in and its key figures. */
export interface ReportColumn {
  country: string;
  year: number | null;
  cables: string[];
  figures: IndicatorRow[];
}

/** One indicator across the reports: its figure in each report (null where the report has none), in column order. */
export interface MatrixRow {
  category: Category;
  label: string;
  cells: (IndicatorRow | null)[];
}

/** What the comparison sheet prints, derived from the tables; no layout. */
export interface ComparisonModel {
  kicker: string;
  title: string;
  subtitle: string;
  /** The columns of the comparison: one per country and reporting year. */
  reports: ReportColumn[];
  /** The rows: one per indicator, grouped by 3P category. */
  rows: MatrixRow[];
  caveats: Quote[];
  notes: string[];
  sources: { cable: string; country: string; date: string; sha256: string; original?: string }[];
  links: SourceRow[];
}

/** The TIP reports the indicators come from, by country (named by `countryName`, by cable id) and reporting year, in that order. */
export function reportsOf(indicators: readonly IndicatorRow[], countryName: ReadonlyMap<string, string>): ReportColumn[] {
  const reports = new Map<string, ReportColumn>();
  for (const i of indicators) {
    const key = `${i.country ?? i.cable_id}-${i.reporting_year ?? ''}`;
    const report = reports.get(key) ?? { country: countryName.get(i.cable_id) ?? i.cable_id, year: i.reporting_year, cables: [], figures: [] };
    if (!report.cables.includes(i.cable_id)) report.cables.push(i.cable_id);
    report.figures.push(i);
    reports.set(key, report);
  }
  const ordered = [...reports.values()].sort((a, b) => (a.country === b.country ? (a.year ?? 0) - (b.year ?? 0) : a.country < b.country ? -1 : 1));
  for (const r of ordered) r.figures.sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category));
  return ordered;
}

/** The indicators as rows, by category, the ones most reports have first; each row has a cell per report. */
export function matrixRows(reports: readonly ReportColumn[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  reports.forEach((r, column) => {
    for (const i of r.figures) {
      const row = rows.get(i.label) ?? { category: i.category, label: i.label, cells: reports.map(() => null) };
      row.cells[column] ??= i;
      rows.set(i.label, row);
    }
  });
  const filled = (row: MatrixRow) => row.cells.filter((c) => c !== null).length;
  return [...rows.values()].sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || filled(b) - filled(a));
}

/** A finding as a note naming its cable, with its table ids turned into the cable's paragraph citations. */
function comparisonNote(f: Finding, tables: FactSheetTables, cite: (paragraphId: string) => string): string {
  const cable = tables.cables.find(
    (c) => f.message.startsWith(`${c.cable_id}:`) || f.spans?.some((s) => s.cable_id === c.cable_id) || String(f.path?.[1] ?? '').startsWith(c.cable_id),
  );
  if (!cable) return f.message;
  return `${cable.cable_id}: ${findingNote(f, cable.cable_id, cite, tables.organizations)}`;
}

/** The reports of a dataset of several cables, by country and reporting year, from its indicators table. */
export function buildComparison(input: FactSheetInput): ComparisonModel {
  const { tables, dataset } = input;
  const countryName = new Map(tables.cables.map((c) => [c.cable_id, c.country_name ?? c.cable_id]));
  const reports = reportsOf(tables.indicators, countryName);
  const years = reports.map((r) => r.year).filter((y): y is number => y !== null);
  const span = years.length > 0 ? `reporting years ${Math.min(...years)}\u2013${Math.max(...years)}` : 'TIP reports';
  const countries = [...new Set(reports.map((r) => r.country))];
  const cited = new Set(tables.indicators.map((i) => i.cable_id));
  const quotes = tables.cables
    .filter((c) => cited.has(c.cable_id))
    .flatMap((c) =>
      caveats(
        tables.paragraphs.filter((p) => p.cable_id === c.cable_id).sort((a, b) => a.seq - b.seq),
        1,
      ).map((q) => ({ text: q.text, citation: `${c.cable_id} ${q.citation}` })),
    );
  const paragraphs = new Map(tables.paragraphs.map((p) => [p.paragraph_id, p]));
  const cite = (id: string) => {
    const p = paragraphs.get(id);
    return p ? cellCitation(p.citation) : '';
  };
  return {
    kicker: `FACT SHEET \u00b7 ${dataset.name} v${dataset.version}`,
    title: `Trafficking in persons: ${countries.length} countries compared, ${span}`,
    subtitle:
      `Key figures of ${reports.length} annual TIP reports that U.S. embassies sent in ${tables.cables.length} cables, as WikiLeaks published them: one column per country and reporting year (the year a report covers), one row per indicator. ` +
      'A figure is published only when its sentence shows the host government\u2019s figure for the whole country and reporting period (definitions in the notes); under it is the paragraph it was read from, and beside it its own period when its sentence names another. ' +
      'Figures that do not fit are in the dataset\u2019s indicator_candidates table, with the reason.',
    reports,
    rows: matrixRows(reports),
    caveats: quotes.slice(0, 3),
    notes: [...definitionNotes(tables.indicators), ...input.findings.filter((f) => f.severity === 'warning').map((f) => comparisonNote(f, tables, cite))],
    sources: tables.cables.map((c) => {
      const original = plusdUrl(c.cable_id);
      return {
        cable: c.cable_id,
        country: countryName.get(c.cable_id) ?? '',
        date: c.created ? formatDate(c.created) : 'not stated',
        sha256: c.source_sha256,
        ...(original ? { original } : {}),
      };
    }),
    links: datasetLinkRows(dataset),
  };
}

function figureText(i: IndicatorRow, year: number | null): string {
  const q = qualifierWords(i.qualifier);
  return `${q ? `${q} ` : ''}${formatFigure(i)}${i.period !== null && i.period !== String(year) ? ` (${i.period})` : ''}`;
}

/** Longer than any real section heading and question key; a run-on sentence taken for a heading is still cut. */
const WHOLE_CITATION_MAX = 64;

/** Where a cell's figure comes from: its paragraph, after its cable when the report was sent in several. */
function figureCitation(i: IndicatorRow, r: ReportColumn): string {
  const where = cellCitation(i.citation, WHOLE_CITATION_MAX);
  return r.cables.length > 1 ? `${i.cable_id} ${where}` : where;
}

const LABEL_W = 132;

/** The comparison as one table: indicators down, reports across, each figure with its paragraph under it. */
function matrix(s: Sheet, m: ComparisonModel): void {
  const w = (s.w - LABEL_W) / Math.max(1, m.reports.length);
  const columns: Column[] = [
    { head: 'Indicator', width: LABEL_W, maxLines: 3 },
    ...m.reports.map((r): Column => ({
      head: r.country,
      sub: [r.year === null ? 'year not stated' : String(r.year), ...r.cables],
      width: w,
      align: 'right',
      maxLines: 2,
    })),
  ];
  const rows: TableRow[] = [];
  for (const category of CATEGORY_ORDER) {
    const inCategory = m.rows.filter((row) => row.category === category);
    if (inCategory.length === 0) continue;
    rows.push({ cells: [{ text: CATEGORY_TITLES[category].toUpperCase(), style: S.category }], keepWithNext: true });
    for (const row of inCategory) {
      rows.push({
        cells: [
          { text: row.label },
          ...row.cells.map((i, k) =>
            i
              ? { text: figureText(i, m.reports[k]?.year ?? null), style: S.smallBold, note: figureCitation(i, m.reports[k]!) }
              : { text: '\u2013', style: { ...S.small, color: INK.faint } },
          ),
        ],
      });
    }
  }
  pagedTable(s, s.root, columns, rows, 3);
  const legend =
    '\u00b614: the cable\u2019s numbered paragraph 14; otherwise the section heading and answer letter. \u2013: the recipe found no such figure in that report.';
  s.need(s.t.height(legend, s.w, S.note) + 4);
  s.y += 3;
  s.y += s.text(s.root, 'P', legend, s.x, s.y, s.w, S.note) + 4;
}

function sourcesTable(s: Sheet, m: ComparisonModel): void {
  s.heading(s.root, 'Sources and notes');
  const columns: Column[] = [
    { head: 'Cable', width: 78 },
    { head: 'Country', width: 72 },
    { head: 'Date', width: 72 },
    { head: 'Original (WikiLeaks PlusD)', width: 232 },
    { head: 'SHA-256 of the source file', width: s.w - 454 },
  ];
  const rows: TableRow[] = m.sources.map((c) => ({
    cells: [
      { text: c.cable, style: S.smallBold },
      { text: c.country },
      { text: c.date },
      c.original ? { text: c.original, link: c.original, style: { ...S.small, size: 6.5 } } : { text: 'none' },
      { text: c.sha256, style: { ...S.small, size: 6.5 } },
    ],
  }));
  pagedTable(s, s.root, columns, rows, 1);
  s.y += 4;
  for (const l of m.links) {
    const h = s.t.lineHeight(S.small);
    s.need(h + 2);
    const tr = s.group(s.root, 'P');
    s.text(tr, 'Span', `${l.label === 'Online' ? 'Dataset and release files' : 'Licence'}:`, s.x, s.y, 110, S.smallBold, 1);
    s.link(tr, l.value, l.link ?? l.value, s.x + 110, s.y, s.w - 110, S.small, 1);
    s.y += h + 2;
  }
  s.y += 4;
  for (const [n, note] of m.notes.entries()) {
    const text = `${n + 1}. ${note}`;
    const h = s.t.height(text, s.w, S.note);
    s.need(h + 2);
    s.y += s.text(s.root, 'P', text, s.x, s.y, s.w, S.note) + 2;
  }
}

/** "The cable warns:" or, when the quotes come from several cables (each citation starts with its cable id), "The cables warn:". */
export function caveatLead(caveats: readonly Quote[]): string {
  return new Set(caveats.map((q) => q.citation.split(' ')[0])).size > 1 ? 'The cables warn:' : 'The cable warns:';
}

/** Renders the fact sheet of a dataset of several TIP report cables: one table of the countries' 3P figures, on landscape pages. */
export async function renderComparison(input: FactSheetInput): Promise<Uint8Array> {
  const m = buildComparison(input);
  const paper: keyof typeof PAPER = input.paper ?? 'a4';
  const doc = createDoc({
    title: m.title,
    subject: m.subtitle,
    keywords: 'trafficking in persons, TIP report, cables, WikiLeaks',
    author: 'cablepress',
    language: 'en',
    creationDate: input.creationDate,
    paper,
    landscape: true,
  });
  const s = new Sheet(doc, paper, 0, true);
  s.text(s.root, 'P', m.kicker, s.x, s.y, s.w, S.kicker, 1);
  s.y += s.t.lineHeight(S.kicker) + 6;
  s.y += s.text(s.root, 'H1', m.title, s.x, s.y, s.w, S.h1, 2) + 4;
  s.y += s.text(s.root, 'P', m.subtitle, s.x, s.y, s.w, S.subtitle, 4) + 10;
  caveatBox(s, { caveats: m.caveats, notes: m.notes }, caveatLead(m.caveats));
  s.heading(s.root, 'Key figures by country and reporting year');
  matrix(s, m);
  sourcesTable(s, m);
  drawFooters(s, `${m.kicker.toLowerCase().replace(/^fact sheet/, 'Fact sheet')} \u00b7 made with cablepress from cables published by WikiLeaks`);
  s.root.end();
  const bytes = collect(doc);
  doc.end();
  return bytes;
}
