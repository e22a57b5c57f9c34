import { describe, expect, it } from 'vitest';
import { ellipsis, trimEndWhile } from './text.js';

describe('ellipsis', () => {
  it('keeps a text that fits and cuts a longer one to max characters, the last an ellipsis', () => {
    expect(ellipsis('abc', 3)).toBe('abc');
    expect(ellipsis('abcdef', 4)).toBe('abc…');
  });

  it('never keeps the first half of a surrogate pair', () => {
    expect(ellipsis('ab\u{1F600}cd', 4)).toBe('ab…');
  });
});

describe('trimEndWhile', () => {
  it('drops the characters at the end for which the test holds, as the regular expression would', () => {
    expect(trimEndWhile('name,;: ', (c) => /[,;:\s]/.test(c))).toBe('name');
    expect(trimEndWhile('...', (c) => c === '.')).toBe('');
  });
});
