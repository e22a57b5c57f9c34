import type { Download } from './dataset-page.js';
import { escapeHtml as e } from './html.js';
import type { PublishedDataset } from './published.js';

export interface CatalogEntry {
  dataset: PublishedDataset;
  factSheet: Download | null;
}

function entryHtml({ dataset, factSheet }: CatalogEntry): string {
  const d = dataset.descriptor;
  const cables = dataset.tables.get('cables')?.rows.length ?? 0;
  const released = (dataset.releases.find((r) => r.version === d.version)?.created ?? d.created ?? '').slice(0, 10);
  const sheet = factSheet ? ` · <a href="${e(d.name)}/${e(factSheet.href)}">fact sheet (PDF)</a>` : '';
  return [
    '<li>',
    `<h2><a href="${e(d.name)}/index.html">${e(d.title ?? d.name)}</a></h2>`,
    `<p>${e(d.description ?? '')}</p>`,
    `<p>version ${e(d.version)} · ${e(released)} · ${cables} ${cables === 1 ? 'cable' : 'cables'}${sheet}</p>`,
    '</li>',
  ].join('\n');
}

/** The body of the catalog page: one entry per dataset with title, version, date, cables, description and fact sheet. */
export function catalogBody(entries: readonly CatalogEntry[]): string {
  return [
    '<a class="skip" href="#main">Skip to the content</a>',
    '<main id="main" class="wrap">',
    '<h1>cablepress datasets</h1>',
    '<p class="lede">Open tables built from US diplomatic cables. Every figure links to the sentence it was read from.</p>',
    `<ul class="catalog">${entries.map(entryHtml).join('\n')}</ul>`,
    '<footer>Built by cablepress. This site loads nothing from elsewhere and needs no JavaScript to read.</footer>',
    '</main>',
  ].join('\n');
}
