import { describe, expect, it, vi } from 'vitest';
import { quantitiesTable } from './fact-tables.js';
import { checkRows } from './rows.js';

describe('checkRows (slow on hostile input: a strict schema was built for every row)', () => {
  it('builds the strict schema at most once per table, however many rows and calls', () => {
    const strict = vi.spyOn(quantitiesTable.row, 'strict');
    try {
      checkRows(quantitiesTable, Array.from({ length: 500 }, () => ({})));
      checkRows(quantitiesTable, Array.from({ length: 500 }, () => ({})));
      expect(strict.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      strict.mockRestore();
    }
  });

  it('still reports every bad row and unknown column', () => {
    const findings = checkRows(quantitiesTable, [{}, { extra: 1 }]);
    expect(findings.filter((f) => f.path[1] === 0).length).toBeGreaterThan(0);
    expect(findings.some((f) => f.path[1] === 1 && /extra/.test(f.message))).toBe(true);
  });
});
