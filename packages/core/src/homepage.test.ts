import { describe, expect, it } from 'vitest';
import { datasetPageUrl, homepageBase, homepageProblem } from './homepage.js';

describe('homepage', () => {
  it('takes an absolute http(s) URL or null (not configured)', () => {
    for (const value of ['https://example.org/cablepress/', 'http://localhost:8000', null, undefined]) expect(homepageProblem(value), String(value)).toBeNull();
  });

  it('refuses a relative path, another scheme, a query or a non-string', () => {
    for (const value of ['site/', 'ftp://example.org/', 'https://example.org/?x=1', 'https://example.org/a b', 42, '']) {
      expect(homepageProblem(value), String(value)).toMatch(/absolute http\(s\) URL or null/);
    }
  });

  it('gives a dataset page under the homepage, and null when none is configured', () => {
    expect(datasetPageUrl('https://example.org/cablepress', 'laos-tip-2008')).toBe('https://example.org/cablepress/laos-tip-2008/');
    expect(datasetPageUrl('https://example.org/', 'tip-reports')).toBe('https://example.org/tip-reports/');
    expect(datasetPageUrl(null, 'tip-reports')).toBeNull();
    expect(homepageBase('https://example.org//')).toBe('https://example.org/');
  });
});
