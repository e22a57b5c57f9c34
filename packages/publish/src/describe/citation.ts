import type { CableRow } from '@cablepress/validate';
import type { DataPackage } from './datapackage.js';

/** What a citation names beyond the descriptor: the release, the published page and the source cables. */
export interface CitationInput {
  descriptor: Pick<DataPackage, 'name' | 'title' | 'description' | 'version' | 'licenses' | 'sources' | 'contributors'>;
  /** The date this version was released (its record in releases.json), or null for a build not released yet. */
  releaseDate: string | null;
  /** The dataset's published page (under the configured homepage), or null when no homepage is configured. */
  url: string | null;
  cables: readonly Pick<CableRow, 'cable_id' | 'created' | 'origin' | 'subject' | 'title'>[];
}

/** Up to this many cables a citation names each; a larger dataset (a corpus) is cited by its count. */
const NAMED_CABLES = 20;

/** The cables a citation names: every one, or none when there are more than NAMED_CABLES (or no rows). */
function namedCables(input: CitationInput): CitationInput['cables'] {
  return input.cables.length <= NAMED_CABLES ? input.cables : [];
}

/** "cable 08VIENTIANE145", "cables 06SANTIAGO1, 07SANTIAGO2", or "the 250000 cables listed in datapackage.json". */
function cablesInWords(input: CitationInput): string {
  const named = namedCables(input);
  if (named.length === 0) return `the ${input.descriptor.sources.length} cables listed in datapackage.json`;
  return `${named.length === 1 ? 'cable' : 'cables'} ${named.map((c) => c.cable_id).join(', ')}`;
}

/** "U.S. Embassy Vientiane" from the Origin "Embassy Vientiane": the post that wrote the cable. */
export function cableAuthor(origin: string | null): string {
  if (!origin) return 'U.S. Department of State (post not given)';
  return /^(?:Embassy|Consulate|Mission|Interests Section)\b/i.test(origin) ? `U.S. ${origin}` : origin;
}

/** A YAML scalar: a JSON string is a valid YAML double-quoted scalar. */
const q = (text: string) => JSON.stringify(text);

function authors(input: CitationInput): string[] {
  const names = input.descriptor.contributors.map((c) => c.title);
  return names.length > 0 ? names : ['cablepress'];
}

function sourceOf(input: CitationInput, cableId: string) {
  return input.descriptor.sources.find((s) => s.id === cableId);
}

/** The CITATION.cff of a dataset (Citation File Format 1.2.0): the dataset as cited, its source cables as references. */
export function citationCff(input: CitationInput): string {
  const { descriptor, releaseDate } = input;
  const unreleased =
    releaseDate === null ? ` This build of version ${descriptor.version} is not released yet (it has no release record): cite a released version.` : '';
  const lines = [
    'cff-version: 1.2.0',
    `message: ${q(`If you use this data set, please cite it as below, and the cables it is compiled from.${unreleased}`)}`,
    'type: dataset',
    `title: ${q(descriptor.title)}`,
    `abstract: ${q(descriptor.description)}`,
    `version: ${q(descriptor.version)}`,
    ...(releaseDate ? [`date-released: ${q(releaseDate.slice(0, 10))}`] : []),
    ...(input.url ? [`url: ${q(input.url)}`] : []),
    `license: ${q(descriptor.licenses[0]?.name ?? 'CC0-1.0')}`,
    'authors:',
    ...authors(input).map((name) => `  - name: ${q(name)}`),
    'keywords:',
    ...['diplomatic cables', 'WikiLeaks', 'open data', descriptor.name].map((k) => `  - ${q(k)}`),
    ...(namedCables(input).length > 0 ? ['references:'] : []),
    ...namedCables(input).flatMap((cable) => {
      const source = sourceOf(input, cable.cable_id);
      return [
        '  - type: generic',
        `    title: ${q(`Cable ${cable.cable_id}: ${cable.subject || cable.title || source?.title || cable.cable_id}`)}`,
        '    authors:',
        `      - name: ${q(cableAuthor(cable.origin))}`,
        ...(cable.created ? [`    year: ${cable.created.slice(0, 4)}`] : []),
        ...(source?.path ? [`    url: ${q(source.path)}`] : []),
        `    notes: ${q(`As published by WikiLeaks${source?.sha256 ? `; the copy read has sha256 ${source.sha256}` : ''}.`)}`,
      ];
    }),
  ];
  return `${lines.join('\n')}\n`;
}

/** A BibTeX key: name and version with every other character as "_". */
function bibKey(descriptor: CitationInput['descriptor']): string {
  return `${descriptor.name}_${descriptor.version}`.replace(/[^A-Za-z0-9]/g, '_');
}

/** A BibTeX value: braces and backslashes in the text are dropped rather than escaped, then the whole is braced. */
const clean = (text: string) => text.replace(/[{}\\]/g, '');
const braced = (text: string) => `{${clean(text)}}`;

/** The dataset as a BibTeX `@misc` entry (BibTeX has no data set type; biblatex reads `@misc` too). */
export function bibtex(input: CitationInput): string {
  const { descriptor, releaseDate } = input;
  const fields: [string, string][] = [
    [
      'author',
      `{${authors(input)
        .map((a) => `{${clean(a)}}`)
        .join(' and ')}}`,
    ],
    ['title', `{{${clean(descriptor.title)}}}`],
    ['version', braced(descriptor.version)],
    ['year', braced(releaseDate ? releaseDate.slice(0, 4) : 'unreleased')],
    ...(releaseDate ? [['date', braced(releaseDate.slice(0, 10))] as [string, string]] : []),
    ['howpublished', braced('Data set')],
    ...(input.url ? [['url', braced(input.url)] as [string, string]] : []),
    ['note', braced(`Compiled from ${cablesInWords(input)}, as published by WikiLeaks. Licence ${descriptor.licenses[0]?.name ?? 'CC0-1.0'}.`)],
  ];
  return `@misc{${bibKey(descriptor)},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}\n`;
}

/** The citation in words: compiler, title, version, release (or "not released"), and the cables with their authors. */
export function plainCitation(input: CitationInput): string {
  const { descriptor, releaseDate } = input;
  const released = releaseDate ? `released ${releaseDate.slice(0, 10)}` : 'not released yet';
  const named = namedCables(input).map((cable) => {
    const source = sourceOf(input, cable.cable_id);
    const subject = cable.subject || cable.title || source?.title || cable.cable_id;
    return `${cableAuthor(cable.origin)}, cable ${cable.cable_id}, "${subject}"${cable.created ? ` (${cable.created.slice(0, 10)})` : ''}`;
  });
  const link = input.url ? ` ${input.url}` : '';
  return `${authors(input).join(', ')} (compiler). *${descriptor.title}*, version ${descriptor.version}, ${released} [data set].${link} Compiled from ${named.length > 0 ? named.join('; ') : cablesInWords(input)}; as published by WikiLeaks.`;
}
