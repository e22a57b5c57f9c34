import { citationCff } from './citation.js';
import { licenceFile } from './licence.js';
import { datasetReadme, type ReadmeInput } from './readme.js';
import { releaseDateOf } from './readme-sections.js';

/** The documents every dataset publishes beside its data, in writing order. */
export const DOCUMENTS = ['README.md', 'LICENSE.md', 'CITATION.cff'] as const;

/** The README, the data licence with the source's terms, and the CITATION.cff of a dataset, by file name. */
export function datasetDocuments(input: ReadmeInput): [(typeof DOCUMENTS)[number], string][] {
  const { descriptor, context = {}, rows = {} } = input;
  const citation = { descriptor, releaseDate: releaseDateOf(descriptor, context), url: context.pageUrl ?? null, cables: rows.cables ?? [] };
  return [
    ['README.md', datasetReadme(input)],
    ['LICENSE.md', licenceFile(descriptor)],
    ['CITATION.cff', citationCff(citation)],
  ];
}
