import { describe, expect, it } from 'vitest';
import { looksLikeHtml, spanText } from './span-text.js';

describe('spanText', () => {
  const page = '<html><body><pre>the penalty increases to not less than &#x000A; 3 and not exceeding 10 years &amp; a fine</pre></body></html>';

  it('decodes character references and drops tags in an HTML page (10SANAA295 wraps lines as &#x000A;)', () => {
    const start = page.indexOf('not less');
    const end = page.indexOf('a fine') + 'a fine'.length;
    expect(looksLikeHtml(page)).toBe(true);
    expect(spanText(page, start, end)).toBe('not less than \n 3 and not exceeding 10 years & a fine');
    expect(spanText(page, page.indexOf('<pre>'), page.indexOf('the') + 3)).toBe('the');
  });

  it('returns the slice itself for a text file', () => {
    const text = 'more than\n1,044 victims &amp; others';
    expect(spanText(text, 0, text.length)).toBe(text);
    expect(spanText(page, 0, 6, false)).toBe('<html>');
  });

  it("writes CRLF and a lone CR as LF, so CRLF and CR files give the LF file's span texts", () => {
    const lf = 'more than\n1,044 victims';
    expect(spanText(lf.replace('\n', '\r\n'), 0, lf.length + 1)).toBe(lf);
    expect(spanText(lf.replace('\n', '\r'), 0, lf.length)).toBe(lf);
    const crlfPage = page.replace('&#x000A; ', '\r\n');
    expect(spanText(crlfPage, crlfPage.indexOf('not less'), crlfPage.indexOf('3 and'))).toBe('not less than \n');
  });
});
