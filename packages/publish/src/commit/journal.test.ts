import { describe, expect, it } from 'vitest';
import { checkAttached, checkJournal } from './journal.js';

const dir = '/repo/datasets/laos';
const sheet = '/repo/reports/laos/laos-fact-sheet.pdf';
const work = 'cablepress-write-0123456789ab';
const record = `${dir}/.tmp/${work}/commit.json`;
const staged = (entry: string) => ({ from: `.tmp/${work}/new/${entry}`, to: entry });
const sheetMove = { from: '../../reports/laos/.laos-fact-sheet.pdf.cablepress-write-0123456789ab', to: '../../reports/laos/laos-fact-sheet.pdf' };

describe('checkJournal', () => {
  it('accepts the moves and removals a commit writes: staged entries, the staged fact sheet, retired top-level entries', () => {
    const journal = { moves: [staged('data'), staged('README.md'), sheetMove], removes: ['old.json'] };
    expect(checkJournal(journal, dir, work, [sheet], record)).toEqual(journal);
  });

  it.each([
    ['a move onto a path above the folder', { moves: [{ from: `.tmp/${work}/new/x`, to: '../../../etc/hostname' }], removes: [] }],
    ['a move onto an absolute path', { moves: [{ from: `.tmp/${work}/new/data`, to: '/etc/hostname' }], removes: [] }],
    ['a move from outside the staging folder', { moves: [{ from: '../../../etc/hostname', to: 'data' }], removes: [] }],
    ["a move from another write's staging folder", { moves: [{ from: '.tmp/cablepress-write-ffffffffffff/new/data', to: 'data' }], removes: [] }],
    ['a move onto package.json', { moves: [staged('package.json')], removes: [] }],
    ['a move onto a nested path', { moves: [staged('data/a.csv')], removes: [] }],
    ['the fact sheet of another dataset', { moves: [{ ...sheetMove, to: '../../reports/other/laos-fact-sheet.pdf' }], removes: [] }],
    ['a removal above the folder', { moves: [], removes: ['../../removed.txt'] }],
    ['a removal of an absolute path', { moves: [], removes: ['/etc/hostname'] }],
    ['a removal of the source folder', { moves: [], removes: ['source'] }],
    ['a removal of the work folder', { moves: [], removes: ['.tmp'] }],
    ['moves that are not a list', { moves: {}, removes: [] }],
    ['a move that is not a pair of paths', { moves: [{ from: 1, to: 'data' }], removes: [] }],
  ])('refuses %s with JOURNAL_UNSAFE naming the record', (_what, journal) => {
    expect(() => checkJournal(journal, dir, work, [sheet], record)).toThrow(
      expect.objectContaining({ code: 'JOURNAL_UNSAFE', kind: 'input', location: { file: record } }),
    );
  });
});

describe('checkAttached', () => {
  it("accepts this write's staged copy of a companion and refuses any other path", () => {
    expect(checkAttached([sheetMove.from], dir, work, [sheet], record)).toEqual(['/repo/reports/laos/.laos-fact-sheet.pdf.cablepress-write-0123456789ab']);
    for (const planted of ['/etc/hostname', '../../reports/laos/laos-fact-sheet.pdf', '../../../x/.laos-fact-sheet.pdf.cablepress-write-0123456789ab']) {
      expect(() => checkAttached([planted], dir, work, [sheet], record)).toThrow(expect.objectContaining({ code: 'JOURNAL_UNSAFE' }));
    }
    expect(() => checkAttached([sheetMove.from], dir, work, [], record)).toThrow(expect.objectContaining({ code: 'JOURNAL_UNSAFE' }));
  });
});
