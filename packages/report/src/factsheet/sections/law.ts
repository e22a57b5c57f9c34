import { drawLadder, ladderHeight } from '../draw-charts.js';
import type { Sheet } from '../layout/sheet.js';
import { S } from '../layout/styles.js';
import type { FactSheetModel } from '../model.js';

const SMALL_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

export function law(s: Sheet, m: FactSheetModel): void {
  const { law: l } = m;
  if (!l.provision && l.others.length === 0) return;
  s.heading(s.root, 'What the law says');
  const sect = s.group(s.root, 'Sect');
  if (l.provision && l.tiers.length > 0) {
    const n = l.tiers.length;
    const count = `${SMALL_NUMBERS[n] ?? n} penalty ${n === 1 ? 'tier' : 'tiers'}`;
    const intro = `${l.provision.name} sets ${count}, as the cable quotes it (${l.provision.citation}):`;
    s.need(ladderHeight(l.tiers) + 30);
    s.y += s.text(sect, 'P', intro, s.x, s.y, s.w, S.body, 2) + 6;
    const alt = `Penalty ladder of ${l.provision.name}. ${l.tiers.map((tr) => `Tier ${tr.tier}, ${tr.condition}: prison ${tr.prison}; fine ${tr.fine}`).join('. ')}.`;
    s.el(
      sect,
      'Figure',
      () => {
        s.y += drawLadder(s.t, l.tiers, s.x, s.y, s.w, l.provision?.citation ?? '');
      },
      { alt },
    );
    s.y += 6;
  }
  if (l.others.length > 0) {
    const lead = l.provision ? 'The cable also cites' : 'The cable cites';
    const text = `${lead}: ${l.others.map((o) => `${o.name} (${o.citation})`).join('; ')}.`;
    const h = s.t.height(s.t.fit(text, s.w, S.small, 4), s.w, S.small);
    s.need(h + 4);
    s.y += s.text(sect, 'P', text, s.x, s.y, s.w, S.small, 4) + 2;
  }
}
