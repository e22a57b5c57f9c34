import { describe, expect, it } from 'vitest';
import { digitNumberAt } from './numbers.js';
import { tokenize } from './text.js';

describe('digitNumberAt (a run of "1.1.1..." became a quantity of Infinity and failed the row schema)', () => {
  it('reads no figure from digits too long for a double', () => {
    const text = `${'1.'.repeat(400)}1 victims`;
    const tokens = tokenize(text, 0, text.length);
    expect(digitNumberAt(tokens, 0)).toBeNull();
  });

  it('still reads large and scaled figures', () => {
    const text = '10.000.000 kip and 1.4 million people';
    const tokens = tokenize(text, 0, text.length);
    expect(digitNumberAt(tokens, 0)?.value).toBe(10_000_000);
    const at = tokens.findIndex((t) => t.text === '1.4');
    expect(digitNumberAt(tokens, at)?.value).toBe(1_400_000);
  });
});
