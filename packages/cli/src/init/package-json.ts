import { ellipsis, PACKAGE_FIELD_LIMITS } from '@cablepress/core';
import type { Cable } from '@cablepress/extract';
import { cableSubject } from './name.js';

/** The npm scope of dataset packages in a cablepress repository (`@cablepress-datasets/laos-tip-2008`). */
export const DATASET_SCOPE = '@cablepress-datasets';

/** `subject` then `rest`, the subject cut so that both fit in `max` characters (and the whole cut when `rest` alone does not). */
function fitted(subject: string, rest: string, max: number): string {
  const room = max - rest.length;
  return room > 1 ? `${ellipsis(subject, room)}${rest}` : ellipsis(`${subject}${rest}`, max);
}

/**
 * "SUBJECT (cable 08VIENTIANE145)": the dataset title until a person writes a better one, its subject cut to fit the
 * length a title may have (PACKAGE_FIELD_LIMITS).
 */
export function datasetTitle(cable: Pick<Cable, 'id' | 'subject' | 'title'>): string {
  return fitted(cableSubject(cable) || cable.id, ` (cable ${cable.id})`, PACKAGE_FIELD_LIMITS['cablepress.title']);
}

/** "SUBJECT (Embassy Vientiane cable 08VIENTIANE145 of 2008-02-29) as open tables and a fact sheet.", cut like the title. */
export function datasetDescription(cable: Pick<Cable, 'id' | 'subject' | 'title' | 'origin' | 'created'>): string {
  const from = [cable.origin, 'cable', cable.id].filter(Boolean).join(' ');
  const date = cable.created ? ` of ${cable.created.slice(0, 10)}` : '';
  return fitted(cableSubject(cable) || `Cable ${cable.id}`, ` (${from}${date}) as open tables and a fact sheet.`, PACKAGE_FIELD_LIMITS.description);
}

export interface NewDataset {
  name: string;
  /** The source file, relative to the dataset folder. */
  source: string;
}

/** The package.json of a new dataset: a private workspace package whose version is the data version. */
export function datasetPackageJson(cable: Pick<Cable, 'id' | 'subject' | 'title' | 'origin' | 'created'>, dataset: NewDataset): string {
  const pkg = {
    name: `${DATASET_SCOPE}/${dataset.name}`,
    version: '0.1.0',
    private: true,
    description: datasetDescription(cable),
    license: 'CC0-1.0',
    files: ['data', 'datapackage.json', 'README.md', 'LICENSE.md', 'CITATION.cff', 'CHANGELOG.md', 'source'],
    cablepress: {
      source: dataset.source,
      title: datasetTitle(cable),
      report: `../../reports/${dataset.name}/${dataset.name}-fact-sheet.pdf`,
    },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/**
 * The CHANGELOG.md of a new dataset, in the form changesets keeps (`# <package>` then one `## <version>` section per
 * version, newest first): the first version's entry, which `changeset version` writes above from then on.
 */
export function datasetChangelog(cable: Pick<Cable, 'id'>, name: string): string {
  return `# ${DATASET_SCOPE}/${name}\n\n## 0.1.0\n\n- First version: the tables of cable ${cable.id}, made by \`cablepress init\`.\n`;
}
