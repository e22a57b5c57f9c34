import type { Cable } from '@cablepress/extract';

/** A recipe a new dataset starts with when its cable is of the kind the recipe was written for. */
interface DefaultRecipe {
  /** What the recipe is for, printed by `cablepress init`. */
  label: string;
  /** The recipe file, relative to the repository root. */
  file: string;
  fits: (cable: Pick<Cable, 'subject' | 'title' | 'tags'>) => boolean;
}

/**
 * The default recipes, tried in order. The generic TIP recipe (issue #10) goes here once it is in the repository:
 * `{ label: 'generic TIP recipe', file: '<its path>', fits: isTipReport }`. Until then a new dataset has no recipe,
 * and its indicators table is empty.
 */
const DEFAULT_RECIPES: readonly DefaultRecipe[] = [];

/** The default recipe that fits the cable, or null: the dataset is built without one (a recipe is optional). */
export function defaultRecipe(cable: Pick<Cable, 'subject' | 'title' | 'tags'>): DefaultRecipe | null {
  return DEFAULT_RECIPES.find((recipe) => recipe.fits(cable)) ?? null;
}
