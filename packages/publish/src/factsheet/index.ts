import { buildModel } from './model.js';
import { collect, createDoc } from './pdf.js';
import { type Density, renderModel } from './render.js';
import type { FactSheetInput } from './types.js';

export type { FactSheetInput, FactSheetTables } from './types.js';

/** The sheet is meant for two pages; tighter layouts are tried before it spills onto a third. */
const MAX_PAGES = 2;
const DENSITIES: readonly Density[] = [0, 1, 2];

/**
 * Renders the dataset's PDF fact sheet: tagged PDF/A-3b with embedded DejaVu Sans, byte-identical for the same input.
 * Every figure comes from the tables; charts whose indicators are missing are left out.
 */
export async function renderFactSheet(input: FactSheetInput): Promise<Uint8Array> {
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
  for (const density of DENSITIES) {
    const doc = createDoc(meta);
    const pages = renderModel(doc, model, paper, density);
    if (pages <= MAX_PAGES || density === DENSITIES[DENSITIES.length - 1]) {
      const bytes = collect(doc);
      doc.end();
      return bytes;
    }
  }
  throw new Error('unreachable: the last density always returns');
}
