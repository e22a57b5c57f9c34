import { describe, expect, it } from 'vitest';
import { leadingRoman } from './roman.js';

describe('leadingRoman', () => {
  it('takes the numeral a section heading of a TIP report cable starts with', () => {
    expect(leadingRoman('XXIX. PROTECTION OF VICTIMS')).toBe('XXIX');
    expect(leadingRoman('IV')).toBe('IV');
  });

  it('finds none in a heading without one, or inside a word', () => {
    expect(leadingRoman('PROSECUTION')).toBeNull();
    expect(leadingRoman('VIENTIANE 145')).toBeNull();
  });
});
