import { describe, expect, it } from 'vitest';
import { spanText } from '@cablepress/extract';
import { type Highlight, markParagraph, type SourceSlice } from './highlights.js';
import { escapeHtml, jsonForScript } from './html.js';

/** 08VIENTIANE145 ¶5, as it stands in the seed cable from offset 4943 (line breaks as in the source). */
const P5 = 'The penal code was amended in 2006 to include a specific\ndefinition of trafficking and the penalties commensurate with the\ncrime (Article 134).';
const BASE = 4943;

/** The snippet as the cable: offsets from BASE. */
const sliceP5: SourceSlice = (start, end) => P5.slice(start - BASE, end - BASE);
const END = BASE + P5.length;

function span(key: string, style: number, text: string, focusable = true): Highlight {
  const at = P5.indexOf(text);
  if (at < 0) throw new Error(`${text} is not in the snippet`);
  return { key, table: key.split('/')[0]!, style, start: BASE + at, end: BASE + at + text.length, focusable };
}

describe('markParagraph', () => {
  it('wraps each span in a mark with its key, keeping the text between them', () => {
    expect(BASE + P5.indexOf('2006')).toBe(4973);
    expect(BASE + P5.indexOf('Article 134')).toBe(5073);
    const year = span('events/08VIENTIANE145-p005-e01', 1, '2006');
    const article = span('legal_provisions/08VIENTIANE145-p005-l01', 3, 'Article 134');
    const { html, placed, skipped } = markParagraph(BASE, END, [article, year], sliceP5);
    expect(html).toBe(
      'The penal code was amended in <mark class="hl hl-1" id="events/08VIENTIANE145-p005-e01" data-key="events/08VIENTIANE145-p005-e01" tabindex="0">2006</mark>'
      + ' to include a specific\ndefinition of trafficking and the penalties commensurate with the\ncrime ('
      + '<mark class="hl hl-3" id="legal_provisions/08VIENTIANE145-p005-l01" data-key="legal_provisions/08VIENTIANE145-p005-l01" tabindex="0">Article 134</mark>).',
    );
    expect(placed.map((h) => h.key)).toEqual([year.key, article.key]);
    expect(skipped).toEqual([]);
  });

  it('nests a wrapping row (an indicator) outside the row it wraps, and only the inner one is focusable', () => {
    const inner = span('quantities/q', 0, '134');
    const outer = span('indicators/i', 5, '134', false);
    const { html } = markParagraph(BASE, END, [inner, outer], sliceP5);
    expect(html).toContain('(Article <mark class="hl hl-5" id="indicators/i" data-key="indicators/i"><mark class="hl hl-0" id="quantities/q" data-key="quantities/q" tabindex="0">134</mark></mark>).');
  });

  it('leaves out a span that crosses the end of an enclosing one', () => {
    const a = span('a/1', 0, 'amended in 2006');
    const b = span('b/1', 1, '2006 to include');
    const { html, skipped } = markParagraph(BASE, END, [a, b], sliceP5);
    expect(skipped.map((h) => h.key)).toEqual(['b/1']);
    expect(html).toContain('>amended in 2006</mark> to include');
  });

  it('escapes markup in the cable text and never lets it become an element', () => {
    const text = 'Staff said <script>alert(1)</script> & <img src=x onerror=alert(2)> "quoted"';
    const { html } = markParagraph(0, text.length, [], (start, end) => text.slice(start, end));
    expect(html).toBe('Staff said &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt; &quot;quoted&quot;');
  });
  it('shows an HTML page as a reader sees it, each mark holding its decoded row text', () => {
    // 09CAIRO2205 as a WikiLeaks page writes it: a reference and a line break inside the <pre> block
    const page = '<pre>Summary: The Cairo Fraud&#x000A;Prevention Unit (FPU) &amp; the SSIS</pre>';
    const start = page.indexOf('Fraud');
    const end = page.indexOf('Unit') + 'Unit'.length;
    const fpu: Highlight = { key: 'organization_mentions/fpu/x', table: 'organization_mentions', style: 2, start, end, focusable: true };
    const slice: SourceSlice = (from, to) => spanText(page, from, to, true);
    const { html } = markParagraph(page.indexOf('Summary'), page.indexOf('</pre>'), [fpu], slice);
    expect(html).toBe('Summary: The Cairo <mark class="hl hl-2" id="organization_mentions/fpu/x" data-key="organization_mentions/fpu/x" tabindex="0">Fraud\nPrevention Unit</mark> (FPU) &amp; the SSIS');
    expect(slice(start, end)).toBe('Fraud\nPrevention Unit');
  });
});

describe('escaping', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('keeps a cell from closing the JSON script block', () => {
    const json = jsonForScript({ text: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ text: '</script><script>alert(1)</script>' });
  });
});
