import { selectCharts } from '../factsheet/charts.js';
import { matrixRows, reportsOf } from '../factsheet/comparison.js';
import { formatFigure, qualifierWords } from '../factsheet/format.js';
import { countryOf } from '../factsheet/model.js';
import type { IndicatorRow } from '../factsheet/types.js';
import type { PublishedDataset, SiteRow } from './read-dataset.js';
import { barChartSvg, type SvgChart } from './svg-chart.js';

const number = (v: string | null | undefined): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

/** An indicators row as the fact sheet reads it: numbers as numbers. */
function indicatorRow(row: SiteRow): IndicatorRow {
  return {
    ...row,
    value: Number(row.value),
    value_max: number(row.value_max),
    reporting_year: number(row.reporting_year),
    qualifier: row.qualifier ?? 'exact',
  } as unknown as IndicatorRow;
}

function figureText(i: IndicatorRow): string {
  const q = qualifierWords(i.qualifier);
  return `${q ? `${q} ` : ''}${formatFigure(i)}`;
}

/** The country of each cable, by cable id, from its post and tags. */
export function countryNames(dataset: PublishedDataset): Map<string, string> {
  const tags = dataset.tables.get('tags')?.rows ?? [];
  return new Map((dataset.tables.get('cables')?.rows ?? []).map((c) => {
    const id = c.cable_id ?? '';
    const own = tags.filter((t) => t.cable_id === id).map((t) => ({ tag: t.tag ?? '', description: t.description ?? null }));
    return [id, countryOf({ origin: c.origin ?? null }, own) ?? id];
  }));
}

/**
 * The countries side by side: for every indicator that two or more reports give in one unit, a bar per country and
 * reporting year. Figures in different units (budgets in kronur and dollars) are not drawn on one scale.
 */
function comparisonCharts(indicators: readonly IndicatorRow[], countries: ReadonlyMap<string, string>): SvgChart[] {
  const reports = reportsOf(indicators, countries);
  return matrixRows(reports).flatMap((row): SvgChart[] => {
    const cells = row.cells.flatMap((i, k) => (i ? [{ i, r: reports[k]! }] : []));
    if (cells.length < 2 || new Set(cells.map(({ i }) => i.unit ?? '')).size > 1) return [];
    const bars = cells.map(({ i, r }) => ({ label: `${r.country}${r.year === null ? '' : `, ${r.year}`}`, value: i.value, text: figureText(i) }));
    const cites = cells.map(({ i }) => `${i.cable_id} ${i.citation.replace(/[\s:;,.]+$/, '')}`);
    return [{ id: `compare-${row.label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, title: row.label, groups: [{ bars }], source: `Source: ${cites.join('; ')}.` }];
  });
}

/** The fact sheet's charts of one report (from the dataset recipe's chart specs), as SVG. */
function reportCharts(indicators: readonly IndicatorRow[]): SvgChart[] {
  return selectCharts(indicators).map((c) => ({
    id: c.spec.id,
    title: c.spec.title,
    groups: c.groups.map((g) => ({ ...(g.label ? { label: g.label } : {}), bars: g.bars.map((b) => ({ label: b.label, value: b.indicator.value, text: figureText(b.indicator) })) })),
    source: `Source: ${[...new Set(c.groups.flatMap((g) => g.bars.map((b) => `${b.indicator.cable_id} ${b.indicator.citation}`)))].join('; ')}.`,
  }));
}

/** The key figures drawn as inline SVG charts: the countries side by side when the dataset has several reports. */
export function keyFigureCharts(dataset: PublishedDataset): string {
  const rows = (dataset.tables.get('indicators')?.rows ?? []).map(indicatorRow);
  if (rows.length === 0) return '';
  const countries = countryNames(dataset);
  const several = new Set(rows.map((i) => `${i.country ?? i.cable_id}-${i.reporting_year ?? ''}`)).size > 1;
  const charts = several ? comparisonCharts(rows, countries) : reportCharts(rows);
  if (charts.length === 0) return '';
  return [
    `<h3 id="charts">${several ? 'Countries side by side' : 'Charts'}</h3>`,
    several ? '<p>Every indicator that two or more reports give, one bar per country and reporting year; the bars of one chart share a scale.</p>' : '',
    `<div class="charts">${charts.map(barChartSvg).join('\n')}</div>`,
  ].filter(Boolean).join('\n');
}
