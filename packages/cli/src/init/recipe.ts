import type { Cable } from '@cablepress/extract';
import { isTipReport } from '@cablepress/transform';

/** The recipe a new dataset is built with, by default, when its package.json names none. */
interface DefaultRecipe {
  /** What the recipe is for, printed by `cablepress init`. */
  label: string;
  /** The recipe file, relative to the repository root. */
  file: string;
}

/**
 * The default recipe that fits the cable: a dataset whose package.json names no recipe gets its indicators from the
 * generic TIP recipe when its cable is a TIP report (see `tablesOf`), and has none otherwise. So init writes no
 * "cablepress.recipe"; this says which recipe the build will use.
 */
export function defaultRecipe(cable: Pick<Cable, 'id' | 'subject' | 'title' | 'tags'>): DefaultRecipe | null {
  return isTipReport(cable) ? { label: 'the generic TIP recipe', file: 'packages/transform/data/tip-recipe.json' } : null;
}
