import { describe, expect, it } from 'vitest';
import { vocabularyOf } from './dehyphenate.js';

describe('vocabularyOf (read without a match object per word since issue 26)', () => {
  it.each(['Laos is by-and-large a sending country; traf-\nficking ONE-ON-ONE', 'a--b -c d- e-f-g x1y 2008-02 naïve Café', ''])(
    'gives every match of the word pattern, lower case: %j',
    (text) => {
      const expected = new Set([...text.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*/g)].map((m) => m[0].toLowerCase()));
      expect(vocabularyOf(text)).toEqual(expected);
    },
  );
});
