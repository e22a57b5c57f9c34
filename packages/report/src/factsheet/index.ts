import { renderComparison } from './comparison.js';
import { buildModel } from './model.js';
import { collect, createDoc } from './pdf.js';
import type { Density } from './layout/styles.js';
import { renderModel } from './render.js';
import type { FactSheetInput } from './types.js';

export type { FactSheetInput, FactSheetTables } from './types.js';

/**
 * The sheet is meant for two pages with the key figures on the first: the loosest layout that does so is drawn, else
 * the loosest on two pages, else the tightest.
 */
const MAX_PAGES = 2;
const DENSITIES: readonly Density[] = [0, 1, 2];
const TIGHTEST: Density = 2;

/**
 * Renders the dataset's PDF fact sheet: tagged PDF/A-3b with embedded DejaVu Sans, byte-identical for the same input.
 * Every figure comes from the tables; charts whose indicators are missing are left out. A dataset whose indicators
 * cover several countries or reporting years gets the comparison sheet instead (comparison.ts).
 */
export async function renderFactSheet(input: FactSheetInput): Promise<Uint8Array> {
  if (new Set(input.tables.indicators.map((i) => `${i.country ?? i.cable_id}-${i.reporting_year ?? ''}`)).size > 1) return renderComparison(input);
  const model = buildModel(input);
  const paper = input.paper ?? 'a4';
  const meta = {
    title: model.title,
    subject: model.subtitle,
    keywords: model.keywords,
    author: 'cablepress',
    language: model.language,
    creationDate: input.creationDate,
    paper,
  };
  let chosen: Density | undefined;
  for (const density of DENSITIES) {
    const layout = renderModel(createDoc(meta), model, paper, density);
    if (layout.pages > MAX_PAGES) continue;
    chosen ??= density;
    if (layout.figuresEndPage === 1) {
      chosen = density;
      break;
    }
  }
  const doc = createDoc(meta);
  renderModel(doc, model, paper, chosen ?? TIGHTEST);
  const bytes = collect(doc);
  doc.end();
  return bytes;
}
