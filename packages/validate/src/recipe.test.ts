import { ValidationError } from '@cablepress/core';
import { describe, expect, it } from 'vitest';
import { parseRecipe } from './recipe.js';

const good = {
  indicators: [
    {
      indicator_id: 'arrests-2007',
      label: 'Arrests under Article 134',
      category: 'prosecution',
      period: '2007',
      locate: { paragraph: { number: 5 }, sentence: 'resulting in 23 arrests', figure: '23' },
    },
  ],
};

describe('parseRecipe', () => {
  it('accepts a recipe as JSON text or as a parsed value', () => {
    expect(parseRecipe(JSON.stringify(good), 'indicators.json').indicators[0]!.locate.figure).toBe('23');
    expect(parseRecipe(good, 'indicators.json').indicators).toHaveLength(1);
  });

  it('names the file and the JSON path of a bad entry', () => {
    const bad = { indicators: [{ ...good.indicators[0]!, category: 'justice' }] };
    try {
      parseRecipe(bad, 'datasets/x/indicators.json');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      const e = err as ValidationError;
      expect(e.code).toBe('RECIPE_SCHEMA');
      expect(e.location).toEqual({ file: 'datasets/x/indicators.json', field: '$.indicators[0].category' });
      expect(e.message).toMatch(/^datasets\/x\/indicators\.json \$\.indicators\[0\]\.category: /);
    }
  });

  it('rejects a locator without a paragraph, duplicate ids and broken JSON', () => {
    const noParagraph = { indicators: [{ ...good.indicators[0]!, locate: { paragraph: {}, sentence: 'x', figure: '1' } }] };
    expect(() => parseRecipe(noParagraph, 'r.json')).toThrow(/\$\.indicators\[0\]\.locate\.paragraph: give a paragraph number, section or key/);
    expect(() => parseRecipe({ indicators: [good.indicators[0], good.indicators[0]] }, 'r.json')).toThrow(/duplicate indicator_id arrests-2007/);
    expect(() => parseRecipe('{"indicators": [', 'r.json')).toThrow(expect.objectContaining({ code: 'RECIPE_JSON', location: { file: 'r.json' } }));
  });
});
