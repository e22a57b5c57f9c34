import { describe, expect, it } from 'vitest';
import { licenseUrl, plusdUrl } from './links.js';

describe('plusdUrl', () => {
  it('links a PlusD cable id to its page', () => {
    expect(plusdUrl('08VIENTIANE145')).toBe('https://wikileaks.org/plusd/cables/08VIENTIANE145_a.html');
    expect(plusdUrl('1975STATE123456')).toBe('https://wikileaks.org/plusd/cables/1975STATE123456_a.html');
  });
  it('gives nothing for an id PlusD does not use', () => {
    for (const id of ['', 'laos', '../08VIENTIANE145', '08vientiane145']) expect(plusdUrl(id), id).toBeUndefined();
  });
});

describe('licenseUrl', () => {
  it('builds the SPDX page of a licence', () => {
    expect(licenseUrl('CC0-1.0')).toBe('https://spdx.org/licenses/CC0-1.0.html');
  });
});
