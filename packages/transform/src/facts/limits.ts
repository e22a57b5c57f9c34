import { InputError } from '@cablepress/core';
import type { Cable } from '@cablepress/extract';

/**
 * The most fact rows (quantities, events, organization mentions, legal provisions, penalties) one cable may give. The
 * densest real cable of the vendored corpus gives 571 (08VIENTIANE145); every row holds its quote and spans through the
 * checks, the fact sheet and the writers, so a 16 MB file of figures (millions of them) would need gigabytes. 50,000
 * keeps a build of the largest file the input cap admits under 1 GB.
 */
export const MAX_FACTS = 50_000;

/** Counts the fact rows of one cable as they are made and refuses the cable (INPUT_TOO_MANY_FACTS) past `MAX_FACTS`. */
export class FactBudget {
  private used = 0;

  constructor(private readonly cable: Pick<Cable, 'id' | 'sourceName'>) {}

  /** Counts `rows` more fact rows; throws once the cable has more than `MAX_FACTS`. */
  spend(rows: number): void {
    this.used += rows;
    if (this.used <= MAX_FACTS) return;
    const file = this.cable.sourceName ?? undefined;
    throw new InputError(
      'INPUT_TOO_MANY_FACTS',
      `the cable ${this.cable.id} gives more than ${MAX_FACTS.toLocaleString('en-US')} facts (figures, dates, organization mentions, article citations, penalties), more than a cable may give (real cables give fewer than 1,000); it was not read further.`,
      file === undefined ? {} : { file },
      'Check that the file is one cable; give a file that holds many cables as one file per cable (build --corpus).',
    );
  }
}
