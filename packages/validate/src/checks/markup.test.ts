import { describe, expect, it } from 'vitest';
import { checkActiveMarkup } from './markup.js';
import { runChecks } from './index.js';

const sources = new Map([['08TEST1', 'x']]);

describe('checkActiveMarkup (a fact span of an HTML page carried a <script> into penalties.text)', () => {
  it('refuses cells with a script, an event handler or a javascript: link', () => {
    const tables = {
      penalties: [{ text: 'crimes &#x000A;<script>alert(1)</script>as follows' }],
      quantities: [{ quote: '<img src=x onerror =alert(1) 5 victims' }, { quote: 'a <A HREF="JavaScript:go()">link</A>' }],
    };
    const findings = checkActiveMarkup({ tables, sources });
    expect(findings.map((f) => [f.code, f.severity, f.path])).toEqual([
      ['ACTIVE_MARKUP', 'error', ['penalties', 0, 'text']],
      ['ACTIVE_MARKUP', 'error', ['quantities', 0, 'quote']],
      ['ACTIVE_MARKUP', 'error', ['quantities', 1, 'quote']],
    ]);
    expect(findings[0]!.message).toMatch(/penalties row 1: text holds active HTML \("<script"\)/);
  });

  it.each([
    ['a javascript: link with a tab written as a character reference', '<a href="jav&#x09;ascript:alert(1)">5 victims</a>'],
    ['a javascript: link with its colon written as &colon;', '<a href="javascript&colon;alert(1)">5 victims</a>'],
    ['a javascript: link with a decimal reference and a newline', 'java&#10;script&#58;alert(1)'],
    ['a javascript: link with a raw tab', 'java\tscript:alert(1)'],
    ['a base element', '<base href="https://evil.example/">12 victims'],
    ['a meta refresh', '<meta http-equiv=refresh content="0;url=https://evil.example/">'],
    ['a form', '<form action="https://evil.example/"><input name=x></form>'],
    ['a data: URL', '<a href="data:text/html;base64,PHNjcmlwdD4=">5 victims</a>'],
    ['an svg island', '<svg><animate attributeName=href to=x /></svg>'],
  ])('refuses %s', (_what, text) => {
    expect(checkActiveMarkup({ tables: { penalties: [{ text }] }, sources }).map((f) => f.code)).toEqual(['ACTIVE_MARKUP']);
  });

  it('lets the word "data:" and references that spell nothing active through', () => {
    const tables = { paragraphs: [{ text: 'Official data: 38 victims; metadata: none; AT&T; R&amp;D; &#169; 2008; formal meetings; the base year' }] };
    expect(checkActiveMarkup({ tables, sources })).toEqual([]);
  });

  it('lets cable text with angle brackets, "on" words and colons through', () => {
    const tables = { paragraphs: [{ text: 'fewer than <5 percent; one = two; online sales: up; A<B' }] };
    expect(checkActiveMarkup({ tables, sources })).toEqual([]);
  });

  it('is one of the checks a build runs', () => {
    const findings = runChecks({ tables: { penalties: [{ text: '<SCRIPT>x</SCRIPT>' }] }, sources });
    expect(findings.some((f) => f.code === 'ACTIVE_MARKUP')).toBe(true);
  });
});
