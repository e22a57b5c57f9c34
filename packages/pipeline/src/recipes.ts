import type { Cable } from '@cablepress/extract';
import { isTipReport } from '@cablepress/transform';

/** The recipe a dataset is built with when its package.json names none. */
export interface DefaultRecipe {
  /** What the recipe is for, as `cablepress init` prints it. */
  label: string;
  /** The recipe file, relative to the repository root. */
  file: string;
}

/**
 * The default recipe that fits the cable: a dataset whose package.json names no recipe gets its indicators from the
 * generic TIP recipe when its cable is a TIP report (see `indicatorsOf`), and has none otherwise.
 */
export function defaultRecipe(cable: Pick<Cable, 'id' | 'subject' | 'title' | 'tags'>): DefaultRecipe | null {
  return isTipReport(cable) ? { label: 'the generic TIP recipe', file: 'packages/transform/data/tip-recipe.json' } : null;
}
