import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDatasetName, safeFileName } from './names.js';

const SAFE = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

describe('safeFileName', () => {
  it('keeps a canonical cable id and a dataset name as they are', () => {
    expect(safeFileName('08VIENTIANE145')).toBe('08VIENTIANE145');
    expect(safeFileName('laos-tip-2008')).toBe('laos-tip-2008');
    expect(safeFileName('cables.csv')).toBe('cables.csv');
  });

  it('turns ids that try to leave the folder into one plain name', () => {
    for (const id of ['../../etc/passwd', '/etc/passwd', '..', '.', 'C:\\Windows\\system32', '\\\\server\\share', 'a/../../b', '~/.ssh/id_rsa']) {
      const name = safeFileName(id);
      expect(name, id).toMatch(SAFE);
      expect(path.basename(name)).toBe(name);
      expect(path.win32.basename(name)).toBe(name);
      expect(path.resolve('/out', name).startsWith('/out/')).toBe(true);
    }
    expect(safeFileName('../../etc/passwd')).toMatch(/^_.._etc_passwd_[0-9a-f]{12}$/);
  });

  it('removes NUL bytes and other control characters', () => {
    const name = safeFileName('08VIENTIANE145\u0000.txt');
    expect(name).not.toContain('\u0000');
    expect(name).toMatch(/^08VIENTIANE145_\.txt_[0-9a-f]{12}$/);
  });

  it('never yields a Windows device name, with or without an extension', () => {
    for (const id of ['CON', 'con', 'AUX', 'NUL', 'nul.txt', 'PRN', 'COM1', 'LPT9.csv']) {
      const name = safeFileName(id);
      expect(name, id).toMatch(SAFE);
      expect(name.split('.')[0], id).not.toMatch(/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i);
      expect(name.startsWith('_')).toBe(true);
    }
    expect(safeFileName('com¹')).toMatch(/^com__[0-9a-f]{12}$/);
    expect(safeFileName('CONSTANTINOPLE12')).toBe('CONSTANTINOPLE12');
  });

  it('never yields an empty, hidden, option-like or trailing-dot name', () => {
    expect(safeFileName('')).toMatch(/^_[0-9a-f]{12}$/);
    expect(safeFileName('.hidden')).toMatch(/^hidden_[0-9a-f]{12}$/);
    expect(safeFileName('-rf')).toMatch(/^rf_[0-9a-f]{12}$/);
    expect(safeFileName('name.')).toMatch(/^name_[0-9a-f]{12}$/);
  });

  it('handles long runs of dots in linear time', () => {
    const dots = '.'.repeat(200_000);
    expect(safeFileName(`${dots}a${dots}b${dots}`)).toMatch(/^a_[0-9a-f]{12}$/);
  });

  it('bounds the length of very long ids', () => {
    const name = safeFileName('A'.repeat(100_000));
    expect(name).toHaveLength(133);
    expect(name).toMatch(/^A{120}_[0-9a-f]{12}$/);
  });

  it('maps any string to a safe name, the same one every time, and different ids to different names', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), (a, b) => {
        const name = safeFileName(a);
        expect(name).toMatch(SAFE);
        expect(name.length).toBeLessThanOrEqual(133);
        expect(name.endsWith('.')).toBe(false);
        expect(path.basename(name)).toBe(name);
        expect(safeFileName(a)).toBe(name);
        if (a !== b) expect(safeFileName(b)).not.toBe(name);
      }),
      { seed: 20081145, numRuns: 2000 },
    );
  });
});

describe('isDatasetName', () => {
  it('takes lowercase letters, digits and hyphens', () => {
    expect(isDatasetName('laos-tip-2008')).toBe(true);
    expect(isDatasetName('tip-reports')).toBe(true);
  });

  it('refuses upper case, dots, slashes, a leading hyphen and the empty name', () => {
    for (const name of ['Laos', 'laos.tip', '../x', '-laos', '', 'laos tip']) expect(isDatasetName(name), name).toBe(false);
  });
});
