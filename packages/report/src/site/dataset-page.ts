import { looksLikeHtml, spanText } from '@cablepress/extract';
import { CAVEAT_PATTERN, shortCitation } from '../factsheet/model.js';
import { citeParagraph, formatFigure, qualifierWords, sentences } from '../factsheet/format.js';
import type { IndicatorRow } from '../factsheet/types.js';
import { highlightsByParagraph, highlightTables, markParagraph, rowKey, spanReference } from './highlights.js';
import { escapeHtml as e, jsonForScript } from './html.js';
import { browsableTable } from './browse.js';
import { countryNames, keyFigureCharts } from './key-charts.js';
import { loadSnippets } from './snippets.js';
import type { PublishedDataset, SiteFinding, SiteRow, SiteTable } from './read-dataset.js';

/** A file offered for download, relative to the dataset page. */
export interface Download {
  href: string;
  label: string;
  what: string;
  bytes: number;
  sha256: string;
}

const CATEGORY_ORDER = ['prosecution', 'protection', 'prevention', 'context'];
/** Longer than any real section heading and answer key: a citation is shown whole, without a heading's closing colon. */
const CITE_MAX = 64;

/** Human size with the exact byte count kept for the title: 35.4 kB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** A box that scrolls sideways on narrow screens; focusable so that keyboard users can scroll it too. */
function scrollBox(label: string, extraClass = ''): string {
  return `<div class="scroll${extraClass ? ` ${extraClass}` : ''}" tabindex="0" role="region" aria-label="${e(label)}">`;
}

function paragraphCitation(row: SiteRow): string {
  return citeParagraph({
    number: row.number === null || row.number === undefined ? null : Number(row.number),
    section: row.section ?? null,
    key: row.key ?? null,
    seq: Number(row.seq ?? 0),
  });
}

function paragraphAnchor(paragraphId: string): string {
  return `p-${encodeURIComponent(paragraphId)}`;
}

function indicatorOf(row: SiteRow): Pick<IndicatorRow, 'value' | 'value_max' | 'unit' | 'qualifier'> {
  return {
    value: Number(row.value),
    value_max: row.value_max === null || row.value_max === undefined ? null : Number(row.value_max),
    unit: row.unit ?? null,
    qualifier: (row.qualifier ?? 'exact') as IndicatorRow['qualifier'],
  };
}

/** The cable's page in the WikiLeaks PlusD archive, as the build records it in `sources` (used when a corpus build records none). */
function publicOriginal(cableId: string): string | undefined {
  return /^[0-9]{2}[A-Z0-9]+$/.test(cableId) ? `https://wikileaks.org/plusd/cables/${encodeURIComponent(cableId)}_a.html` : undefined;
}

function identitySection(dataset: PublishedDataset): string {
  const d = dataset.descriptor;
  const cables = dataset.tables.get('cables')?.rows ?? [];
  const released = dataset.releases.find((r) => r.version === d.version)?.created ?? d.created ?? '';
  const license = (d.licenses ?? []).map((l) => (l.path ? `<a href="${e(l.path)}" rel="license">${e(l.title ?? l.name)}</a>` : e(l.title ?? l.name))).join(', ');
  const meta = [
    ['Version', e(d.version)],
    ['Released', e(released.slice(0, 10))],
    ['License', license],
    ['Cables', String(cables.length)],
  ];
  const links = new Map((d.sources ?? []).map((s) => [s.id, s.path]));
  const rows = cables.map((c) => {
    const url = links.get(c.cable_id ?? '') ?? publicOriginal(c.cable_id ?? '');
    const original = url && /^https:\/\//.test(url) ? `<a href="${e(url)}">public original</a>` : '';
    return `<tr><td><a href="#cable-${e(encodeURIComponent(c.cable_id ?? ''))}"><code>${e(c.cable_id ?? '')}</code></a></td><td class="num">${e((c.created ?? '').slice(0, 10))}</td><td>${e(c.origin ?? '')}</td><td>${e(c.classification ?? '')}</td><td>${e(c.subject ?? '')}</td><td>${original}</td></tr>`;
  });
  return [
    `<dl class="meta">${meta.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`,
    '<h2 id="sources">Source cables</h2>',
    `${scrollBox('Source cables')}<table><caption class="empty">Every figure on this page was read from these cables.</caption><thead><tr><th scope="col">Cable</th><th scope="col">Date</th><th scope="col">Origin</th><th scope="col">Classification</th><th scope="col">Subject</th><th scope="col">Original</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
  ].join('\n');
}

/** The cable's own warnings about its figures (sentences such as "statistics are notoriously unreliable"), each linked to its paragraph. */
function cableCaveats(dataset: PublishedDataset): string[] {
  const out: string[] = [];
  for (const p of dataset.tables.get('paragraphs')?.rows ?? []) {
    for (const s of sentences(p.text ?? '')) {
      if (CAVEAT_PATTERN.test(s)) out.push(`<li>“${e(s)}” <a href="#${e(paragraphAnchor(p.paragraph_id ?? ''))}">${e(p.cable_id ?? '')} ${e(paragraphCitation(p))}</a></li>`);
    }
  }
  return out;
}

/** Where a finding points: the highlight of the row in its path when there is one, else the paragraph of its first span. */
function findingTarget(f: SiteFinding, dataset: PublishedDataset, keys: Set<string>): string | null {
  const [table, id] = f.path ?? [];
  if (typeof table === 'string' && typeof id === 'string' && keys.has(`${table}/${encodeURIComponent(id)}`)) return `${table}/${encodeURIComponent(id)}`;
  const span = f.spans?.[0];
  const paragraphs = dataset.tables.get('paragraphs')?.rows ?? [];
  if (span) {
    const within = paragraphs.filter((p) => p.cable_id === span.cable_id && Number(p.char_start) <= span.char_start);
    const last = within[within.length - 1];
    if (last?.paragraph_id) return paragraphAnchor(last.paragraph_id);
  }
  if (typeof id === 'string' && dataset.tables.get('cables')?.rows.some((c) => c.cable_id === id)) return `cable-${encodeURIComponent(id)}`;
  return null;
}

function careSection(dataset: PublishedDataset, keys: Set<string>): string {
  const caveats = cableCaveats(dataset);
  const findings = dataset.findings.map((f) => {
    const target = findingTarget(f, dataset, keys);
    const where = target ? ` <a href="#${e(target)}">see the text</a>` : '';
    return `<li><strong>${e(f.severity)} <code>${e(f.code)}</code></strong>: ${e(f.message)}${where}</li>`;
  });
  return [
    '<h2 id="care">Handle with care</h2>',
    '<ul class="notes">',
    '<li>Every figure is what the cable says, as the embassy reported it at the time; none was checked against other sources.</li>',
    '<li>The CSV cells hold the cable text exactly as written, so some start with <code>=</code>, <code>+</code>, <code>-</code> or <code>@</code>: open the files with a data tool, or import them into a spreadsheet with every column as text.</li>',
    ...caveats,
    '</ul>',
    `<h3>Validation warnings (${findings.length})</h3>`,
    findings.length > 0 ? `<ul class="notes">${findings.join('\n')}</ul>` : '<p>The checks found nothing to warn about.</p>',
  ].join('\n');
}

function figureCard(r: SiteRow, indicators: SiteTable, cite: string, country: string | null, origin: string | null): string {
  const figure = indicatorOf(r);
  const qualifier = qualifierWords(figure.qualifier);
  const where = [country, r.reporting_year ? `reporting year ${r.reporting_year}` : null].filter(Boolean).join(', ');
  return `<li class="card" id="figure-${e(r.indicator_id ?? '')}">${where ? `<p class="where">${e(where)}</p>` : ''}`
    + `<div class="fig">${qualifier ? `<span class="q">${e(qualifier)} </span>` : ''}${e(formatFigure(figure))}</div>`
    + `<p class="label">${e(r.label ?? '')}${r.period ? ` <span class="empty">(${e(r.period)})</span>` : ''}</p>`
    + `<p class="src">${origin ? `${e(origin)} · ` : ''}<a href="#${e(rowKey(indicators, r))}">read the sentence (${e(r.cable_id ?? '')} ${e(cite)})</a></p></li>`;
}

function figuresSection(dataset: PublishedDataset): string {
  const indicators = dataset.tables.get('indicators');
  if (!indicators || indicators.rows.length === 0) return '';
  const paragraphs = new Map((dataset.tables.get('paragraphs')?.rows ?? []).map((p) => [p.paragraph_id, p]));
  const origins = new Map((dataset.tables.get('cables')?.rows ?? []).map((c) => [c.cable_id, c.origin]));
  const countries = countryNames(dataset);
  const categories = [...new Set(indicators.rows.map((r) => r.category ?? ''))].sort((a, b) => {
    const ia = CATEGORY_ORDER.indexOf(a);
    const ib = CATEGORY_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  const groups = categories.map((category) => {
    const cards = indicators.rows.filter((r) => (r.category ?? '') === category).map((r) => {
      const paragraph = paragraphs.get(r.paragraph_id ?? null);
      const cite = shortCitation(r.citation ?? (paragraph ? paragraphCitation(paragraph) : ''), CITE_MAX);
      return figureCard(r, indicators, cite, countries.get(r.cable_id ?? '') ?? null, origins.get(r.cable_id ?? null) ?? null);
    });
    return `<h3>${e(category.charAt(0).toUpperCase() + category.slice(1))}</h3>\n<ul class="cards">${cards.join('\n')}</ul>`;
  });
  return ['<h2 id="figures">Key figures</h2>', '<p>Each figure links to the words of the cable it was read from.</p>', ...groups, keyFigureCharts(dataset), candidatesNote(dataset)].filter(Boolean).join('\n');
}

/** Candidates are not key figures: a marked list, apart from the cards, of each figure not published and why. */
function candidatesNote(dataset: PublishedDataset): string {
  const candidates = dataset.tables.get('indicator_candidates');
  if (!candidates || candidates.rows.length === 0) return '';
  const items = candidates.rows.map((r) => `<li><code>${e(r.candidate_id ?? '')}</code>: ${e(String(r.value ?? ''))} (${e(r.label ?? '')}, ${e(r.cable_id ?? '')} ${e(r.citation ?? '')}) <span class="empty">not published: ${e(r.reason ?? '')}</span></li>`);
  return [
    `<details class="candidates"><summary>Candidates, not published (${candidates.rows.length}): figures that may be an indicator but whose sentence does not show the host government\u2019s figure for the whole country and reporting period</summary>`,
    `<ul class="notes">${items.join('\n')}</ul></details>`,
  ].join('\n');
}

function downloadsSection(dataset: PublishedDataset, downloads: readonly Download[]): string {
  const items = downloads.map((d) => `<li><a href="${e(d.href)}" download>${e(d.label)}</a> <span class="size" title="${d.bytes} bytes">${formatBytes(d.bytes)}</span><br><span class="what">${e(d.what)}</span><br><code class="sha">sha256 ${d.sha256}</code></li>`);
  const snippets = loadSnippets(dataset).map((s) => `<h4>${e(s.tool)}</h4>\n<pre><code>${e(s.code)}</code></pre>`);
  return [
    '<h2 id="downloads">Downloads</h2>',
    '<p>Every file of this release, with its size and sha256 (check a download with <code>sha256sum</code>).</p>',
    `<ul class="files">${items.join('\n')}</ul>`,
    '<h3>Load it</h3>',
    ...snippets,
  ].join('\n');
}

function tableSection(table: SiteTable, keyed: boolean): string {
  const r = table.resource;
  const fields = r.schema.fields;
  const columns = fields.map((f) => `<tr><th scope="row"><code>${e(f.name)}</code></th><td>${e(f.type)}${f.constraints?.required ? ', required' : ''}</td><td>${e(f.description ?? '')}</td></tr>`);
  return [
    `<h3 id="table-${e(r.name)}"><code>${e(r.name)}</code>${r.title ? `: ${e(r.title)}` : ''}</h3>`,
    r.description ? `<p>${e(r.description)}</p>` : '',
    `<p>${table.rows.length} ${table.rows.length === 1 ? 'row' : 'rows'}; primary key <code>${e(table.primaryKey.join(', '))}</code>. <a href="files/${e(r.path)}">${e(r.path)}</a></p>`,
    `<details><summary>Columns (${fields.length})</summary>${scrollBox(`Columns of ${r.name}`)}<table><thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>${columns.join('')}</tbody></table></div></details>`,
    browsableTable(table, keyed),
  ].filter(Boolean).join('\n');
}

function legend(tables: readonly SiteTable[]): string {
  const items = tables.map((t, i) => (t.rows.length === 0 ? '' : `<li><span class="sw hl-${i}">${e(t.resource.name)}</span> ${e(t.resource.title ?? '')}</li>`));
  return `<ul class="legend" aria-label="Highlight styles">${items.join('')}</ul>`;
}

function cableText(dataset: PublishedDataset): { html: string; keys: Set<string> } {
  const keys = new Set<string>();
  const parts: string[] = [];
  const paragraphs = dataset.tables.get('paragraphs')?.rows ?? [];
  for (const cable of dataset.tables.get('cables')?.rows ?? []) {
    const id = cable.cable_id ?? '';
    const text = dataset.sources.get(id);
    parts.push(`<h3 id="cable-${e(encodeURIComponent(id))}">Cable <code>${e(id)}</code>: ${e(cable.subject ?? '')}</h3>`);
    if (text === undefined) {
      parts.push('<p>The source file of this cable is not in the dataset folder, so its text is not shown.</p>');
      continue;
    }
    const byParagraph = highlightsByParagraph(dataset, id);
    const html = looksLikeHtml(text);
    const slice = (from: number, to: number) => spanText(text, from, to, html);
    parts.push('<div class="cable">');
    for (const p of paragraphs.filter((row) => row.cable_id === id)) {
      const marked = markParagraph(Number(p.char_start), Number(p.char_end), byParagraph.get(p.paragraph_id ?? '') ?? [], slice);
      for (const h of marked.placed) keys.add(h.key);
      const kind = p.kind === 'paragraph' ? 'para' : `para ${e(p.kind ?? '')}`;
      parts.push(`<p class="${kind}" id="${e(paragraphAnchor(p.paragraph_id ?? ''))}"><a class="pn" href="#${e(paragraphAnchor(p.paragraph_id ?? ''))}">${e(paragraphCitation(p))}</a> ${marked.html}</p>`);
    }
    parts.push('</div>');
  }
  return { html: parts.join('\n'), keys };
}

/** The row data the page script shows: columns per table, cells per highlighted row, and the key figures that wrap a row. */
function rowData(dataset: PublishedDataset, keys: Set<string>): string {
  const tables: Record<string, string[]> = {};
  const rows: Record<string, [string, (string | null)[]]> = {};
  const figures: Record<string, string[]> = {};
  for (const table of highlightTables(dataset)) {
    const fields = table.resource.schema.fields.map((f) => f.name);
    tables[table.resource.name] = fields;
    const reference = spanReference(table, dataset.tables);
    for (const row of table.rows) {
      const key = rowKey(table, row);
      if (!keys.has(key)) continue;
      rows[key] = [table.resource.name, fields.map((f) => row[f] ?? null)];
      if (reference && table.resource.name === 'indicators') {
        const wrapped = `${reference.target.resource.name}/${encodeURIComponent(row[reference.field] ?? '')}`;
        (figures[wrapped] ??= []).push(row.indicator_id ?? '');
        (figures[key] ??= []).push(row.indicator_id ?? '');
      }
    }
  }
  return jsonForScript({ tables, rows, figures });
}

/** The body of a dataset page (escaped HTML): identity, care, key figures, downloads, tables and the highlighted cable text. */
export function datasetPageBody(dataset: PublishedDataset, downloads: readonly Download[]): string {
  const d = dataset.descriptor;
  const text = cableText(dataset);
  const highlighted = highlightTables(dataset);
  const tables = [...dataset.tables.values()];
  const hasFigures = (dataset.tables.get('indicators')?.rows.length ?? 0) > 0;
  const toc = [
    ['sources', 'Sources'], ['care', 'Handle with care'], ...(hasFigures ? [['figures', 'Key figures']] : []), ['downloads', 'Downloads'], ['tables', 'Tables'], ['text', 'Cable text'],
  ].map(([id, label]) => `<a href="#${id}">${label}</a>`).join('');
  const keyedTables = new Set(highlighted.map((t) => t.resource.name));
  return [
    '<a class="skip" href="#main">Skip to the content</a>',
    '<header class="top"><a href="../index.html">cablepress datasets</a></header>',
    '<main id="main" class="wrap">',
    `<h1>${e(d.title ?? d.name)}</h1>`,
    d.description ? `<p class="lede">${e(d.description)}</p>` : '',
    identitySection(dataset),
    `<nav class="toc" aria-label="On this page">${toc}</nav>`,
    careSection(dataset, text.keys),
    figuresSection(dataset),
    downloadsSection(dataset, downloads),
    '<h2 id="tables">Tables</h2>',
    `<p>${tables.length} tables, each as CSV, Arrow and Parquet. Types and descriptions come from the schema in <code>datapackage.json</code>.</p>`,
    ...tables.map((t) => tableSection(t, keyedTables.has(t.resource.name))),
    '<h2 id="text">Cable text</h2>',
    '<p>Every extracted row is highlighted in the words it was read from. Click or focus a highlight to see its row; each row has its own link.</p>',
    legend(highlighted),
    text.html,
    `<footer>Built by cablepress from <code>${e(d.name)}</code> ${e(d.version)}. This page runs no code from the cables and loads nothing from elsewhere.</footer>`,
    '</main>',
    '<aside id="row-panel" class="panel" aria-label="Selected row" aria-live="polite" hidden></aside>',
    `<script type="application/json" id="site-rows">${rowData(dataset, text.keys)}</script>`,
  ].filter(Boolean).join('\n');
}
