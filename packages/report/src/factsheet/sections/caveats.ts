import type { Sheet } from '../layout/sheet.js';
import { S } from '../layout/styles.js';
import type { FactSheetModel } from '../model.js';
import { INK } from '../pdf.js';

/** The cable's own warning about its numbers (the cables' own, when quotes come from several), and a pointer to the cross-check notes. */
export function caveatBox(s: Sheet, m: Pick<FactSheetModel, 'caveats' | 'notes'>, lead = 'The cable warns:'): void {
  if (m.caveats.length === 0 && m.notes.length === 0) return;
  const { t, doc } = s;
  const pad = 7;
  const innerW = s.w - 2 * pad - 4;
  const quotes = m.caveats.map((q) => `“${q.text}” (${q.citation})`).join(' ');
  const text = [
    quotes ? `${lead} ${quotes}` : '',
    'Figures here are as the cable reports them, not checked against other sources'
      + (m.notes.length > 0 ? '; where the cable contradicts itself, see Sources and notes.' : '.'),
  ].filter(Boolean).join(' ');
  const headH = t.lineHeight(S.bodyBold);
  const bodyH = t.height(t.fit(text, innerW, S.body, 5), innerW, S.body);
  const total = pad + headH + 1 + bodyH + pad;
  s.need(total);
  const top = s.y;
  s.artifact(() => doc.save().rect(s.x, top, s.w, total).fill(INK.panel).rect(s.x, top, 3, total).fill(INK.accent).restore());
  const box = s.group(s.root, 'Div');
  s.text(box, 'P', 'Handle these numbers with care', s.x + pad + 4, top + pad, innerW, S.bodyBold, 1);
  s.text(box, 'P', text, s.x + pad + 4, top + pad + headH + 1, innerW, S.body, 5);
  s.y = top + total + 4;
}
