import { z } from 'zod';
import { loadDataFile } from '../../data-file.js';
import { organizationDictionary } from '../organizations.js';

const phrases = z.array(z.string().min(1)).min(1);

const data = loadDataFile(
  'indicator-evidence.json',
  z.object({
    period: z.object({ reporting: phrases, partial: phrases, month_names: phrases }),
    scope: z.object({ national: phrases, one_case: phrases, one_region: phrases, one_court: phrases, one_organization: phrases }),
    actors: z.object({ government: phrases, ngo: phrases, international_organization: phrases, media: phrases, embassy: phrases, attribution: phrases }),
    crimes: z.object({ trafficking: phrases, smuggling: phrases, csec: phrases, forced_labor: phrases, other: phrases }),
    comparison: z.object({ from_to: phrases, previous: phrases, current: phrases }),
    additions: phrases,
    estimates: phrases,
    zero: z.object({
      determiners: phrases,
      negated_verbs: phrases,
      nouns: z.record(z.string(), z.string()),
      verbs: z.record(z.string(), z.string()),
      victims: phrases,
      subgroups: phrases,
      conjunctions: phrases,
    }),
  }),
);

/** The words of data/indicator-evidence.json. */
export const EVIDENCE = data;

/** Organisation acronyms of data/organizations.json and who they are: "IOM" is an international organisation. */
export const ORGANIZATION_ACRONYMS: ReadonlyMap<string, string> = new Map(
  organizationDictionary()
    .filter((o) => o.acronym)
    .map((o) => [o.acronym!, o.type]),
);
