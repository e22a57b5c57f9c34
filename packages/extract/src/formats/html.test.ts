import { describe, expect, it } from 'vitest';
import { MappedBuilder } from '../text.js';
import { decodeHtml, looksLikeHtml } from './html.js';

function decode(html: string): { s: string; map: Int32Array } {
  const b = new MappedBuilder(html.length);
  decodeHtml(html, 0, html.length, b);
  return b.build();
}

describe('decodeHtml', () => {
  it('decodes references that end in ";" and keeps raw & and < as written', () => {
    const html = "a &amp; b &lt;c&gt; &not squeamish8 &mdash; R&D; 5 < 6 &#233;&#x000A;<a href='/tag/KTIP_0.html'>KTIP</a><br>x";
    expect(decode(html).s).toBe('a & b <c> &not squeamish8 \u2014 R&D; 5 < 6 \u00e9\nKTIP\nx');
  });
  it('maps every decoded character to the start of what it was decoded from', () => {
    const html = 'x&amp;y<b>z</b>';
    const { s, map } = decode(html);
    expect(s).toBe('x&yz');
    expect([...map]).toEqual([0, 1, 6, 10]);
  });
  it('gives up on a "<" that does not close before the next "<"', () => {
    expect(decode('a <b <i>c</i>').s).toBe('a <b c');
  });
});

describe('looksLikeHtml', () => {
  it('knows pages, with or without a BOM, and not text', () => {
    expect(looksLikeHtml('\ufeff<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('<pre>UNCLAS</pre>')).toBe(true);
    expect(looksLikeHtml('UNCLAS VIENTIANE 000145 <pre>')).toBe(false);
  });
});
