import { drawFooters, type Sheet } from '../layout/sheet.js';
import type { FactSheetModel } from '../model.js';

export function footers(s: Sheet, m: FactSheetModel): void {
  drawFooters(s, `${m.cableId} · ${m.kicker} · made with cablepress from a cable published by WikiLeaks`);
}
