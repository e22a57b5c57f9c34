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

  it('lets cable text with angle brackets, "on" words and colons through', () => {
    const tables = { paragraphs: [{ text: 'fewer than <5 percent; one = two; online sales: up; A<B' }] };
    expect(checkActiveMarkup({ tables, sources })).toEqual([]);
  });

  it('is one of the checks a build runs', () => {
    const findings = runChecks({ tables: { penalties: [{ text: '<SCRIPT>x</SCRIPT>' }] }, sources });
    expect(findings.some((f) => f.code === 'ACTIVE_MARKUP')).toBe(true);
  });
});
