import { buildModel } from './model.js';
import { collect, createDoc } from './pdf.js';
import { renderModel } from './render.js';
import type { FactSheetInput } from './types.js';

export type { FactSheetInput, FactSheetTables } from './types.js';

/**
 * Renders the dataset's PDF fact sheet: tagged PDF/A-3b with embedded DejaVu Sans, byte-identical for the same input.
 * Every figure comes from the tables; charts whose indicators are missing are left out.
 */
export async function renderFactSheet(input: FactSheetInput): Promise<Uint8Array> {
  const model = buildModel(input);
  const paper = input.paper ?? 'a4';
  const doc = createDoc({
    title: model.title,
    subject: model.subtitle,
    keywords: model.keywords,
    author: 'cablepress',
    language: model.language,
    creationDate: input.creationDate,
    paper,
  });
  const bytes = collect(doc);
  renderModel(doc, model, paper);
  doc.end();
  return bytes;
}
