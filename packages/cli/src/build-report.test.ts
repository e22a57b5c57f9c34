import type { Finding } from '@cablepress/core';
import { describe, expect, it } from 'vitest';
import { displayPath, findingsSummary, writtenPaths } from './build-report.js';

const finding = (code: string, severity: Finding['severity'] = 'warning'): Finding => ({ code, severity, message: code, path: [] });

describe('what build prints', () => {
  it('lists each table once with its formats, then the other files, from the current folder', () => {
    const files = [
      'data/cables.csv',
      'data/cables.arrow',
      'data/cables.parquet',
      'data/tags.csv',
      'validation.json',
      'datapackage.json',
      'README.md',
      '../../reports/x/x-fact-sheet.pdf',
    ];
    expect(writtenPaths(files, '/repo/datasets/x', '/repo')).toEqual([
      'datasets/x/data/cables.{csv,arrow,parquet}',
      'datasets/x/data/tags.csv',
      'datasets/x/validation.json',
      'datasets/x/datapackage.json',
      'datasets/x/README.md',
      'reports/x/x-fact-sheet.pdf',
    ]);
  });

  it('shows a path outside the current folder in full', () => {
    expect(displayPath('/repo/reports/x.pdf', '/repo/datasets')).toBe('/repo/reports/x.pdf');
    expect(displayPath('/repo/datasets/x', '/repo')).toBe('datasets/x');
  });

  it('sums up the findings in one line: errors, then warnings by code', () => {
    expect(findingsSummary([])).toBe('0 errors, 0 warnings');
    expect(findingsSummary([finding('TRUNCATED'), finding('CONFLICTING_FIGURES'), finding('TRUNCATED'), finding('ROW_SCHEMA', 'error')])).toBe(
      '1 error, 3 warnings (CONFLICTING_FIGURES 1, TRUNCATED 2)',
    );
  });
});
