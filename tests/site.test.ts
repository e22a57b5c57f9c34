import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, repoRoot, scratchFolder } from './helpers.js';

const committed = path.join(repoRoot, 'site');

/** The committed pages of the site (the release files under `<dataset>/files/` are copies, not committed). */
async function pages(dir: string): Promise<string[]> {
  const out = ['index.html'];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(`${entry.name}/index.html`);
  }
  return out.sort();
}

describe('cablepress site', () => {
  let out: string;
  let root: string;

  beforeAll(async () => {
    root = await scratchFolder('site');
    out = path.join(root, 'site');
    const result = await cli(['site', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('committed site/ equals a fresh build (run `npm run pipeline` and commit site/ after changing a dataset)', async () => {
    expect(await pages(out)).toEqual(await pages(committed));
    for (const page of await pages(out)) {
      expect(await readFile(path.join(committed, page), 'utf8'), page).toBe(await readFile(path.join(out, page), 'utf8'));
    }
  });

  it('lists every release file with the size and sha256 of the copy it links to', async () => {
    const html = await readFile(path.join(out, 'laos-tip-2008/index.html'), 'utf8');
    const { version } = JSON.parse(await readFile(path.join(repoRoot, 'datasets/laos-tip-2008/package.json'), 'utf8')) as { version: string };
    const rows = [
      ...html.matchAll(
        /<a href="(files\/[^"]+)" download>[^<]*<\/a> <span class="size" title="(\d+) bytes">[^<]*<\/span><br><span class="what">[^<]*<\/span><br><code class="sha">sha256 ([0-9a-f]{64})<\/code>/g,
      ),
    ];
    const hrefs = rows.map((m) => m[1]);
    // 13 tables × 3 formats (indicator_candidates included), validation.json; datapackage.json, README.md, the fact sheet; two bundles and SHA256SUMS
    expect(rows.length).toBe(39 + 1 + 3 + 3);
    expect(hrefs).toEqual(
      expect.arrayContaining([
        'files/data/indicators.csv',
        'files/data/indicators.arrow',
        'files/data/indicators.parquet',
        'files/datapackage.json',
        'files/validation.json',
        'files/laos-tip-2008-fact-sheet.pdf',
        `files/laos-tip-2008-${version}.tar.gz`,
        `files/laos-tip-2008-${version}.zip`,
        'files/SHA256SUMS',
      ]),
    );
    for (const [, href, bytes, sha] of rows) {
      const file = await readFile(path.join(out, 'laos-tip-2008', href!));
      expect(file.length, href).toBe(Number(bytes));
      expect(createHash('sha256').update(file).digest('hex'), href).toBe(sha);
    }
  });

  it('loads nothing from elsewhere: a CSP meta tag, no src or stylesheet links, only relative links besides the sources', async () => {
    for (const page of await pages(out)) {
      const html = await readFile(path.join(out, page), 'utf8');
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;`);
      expect(html).not.toMatch(/<(?:img|iframe|link|object|embed)\b|\ssrc=/i);
      const external = [...html.matchAll(/href="(https?:[^"]+)"/g)].map((m) => m[1]);
      expect(external.every((url) => url!.startsWith('https://wikileaks.org/plusd/cables/') || url!.startsWith('https://spdx.org/licenses/'))).toBe(true);
    }
  });

  it('names the country and reporting year on every key-figure card, and cites without a heading\u2019s closing colon', async () => {
    const html = await readFile(path.join(out, 'tip-reports/index.html'), 'utf8');
    const cards = [...html.matchAll(/<li class="card"[^]*?<\/li>/g)].map((m) => m[0]);
    const indicators = (await readFile(path.join(repoRoot, 'datasets/tip-reports/data/indicators.csv'), 'utf8')).trim().split('\n').length - 1;
    expect(cards).toHaveLength(indicators);
    for (const card of cards) expect(card, card).toMatch(/<p class="where">(Chile|Costa Rica|Iceland|Laos|Yemen), reporting year 20\d\d<\/p>/);
    expect(html).not.toMatch(/:\)?: read the sentence|[A-Z]:\)<\/a>/);
  });

  it('draws the countries side by side as inline SVG charts, one bar per country and reporting year', async () => {
    const html = await readFile(path.join(out, 'tip-reports/index.html'), 'utf8');
    const chart = /<figure class="chart" id="chart-compare-trafficking-investigations">[^]*?<\/figure>/.exec(html)?.[0] ?? '';
    expect(chart).toContain('<svg');
    expect([...chart.matchAll(/<rect /g)]).toHaveLength(4);
    for (const report of ['Chile, 2008', 'Costa Rica, 2005', 'Costa Rica, 2008', 'Laos, 2007']) expect(chart).toContain(`>${report}</text>`);
    expect(html).not.toContain('id="chart-compare-government-anti-trafficking-budget"');
    const laos = await readFile(path.join(out, 'laos-tip-2008/index.html'), 'utf8');
    expect(laos).toContain('<figure class="chart" id="chart-law-enforcement">');
  });
});
