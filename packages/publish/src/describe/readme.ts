import type { DataPackage, Resource } from './datapackage.js';
import { dataCard } from './licence.js';
import {
  checkingSection,
  citationSection,
  factSheetSection,
  periodSection,
  releaseDateOf,
  warningsSection,
  type ReadmeContext,
  type ReadmeRows,
} from './readme-sections.js';
import { loadingSnippets } from './snippets.js';

/** What the dataset README says beyond the descriptor. */
export interface ReadmeInput {
  descriptor: DataPackage;
  /** Row count of each table, by table name. */
  rowCounts: Record<string, number>;
  preparation?: string;
  changelog?: string;
  /** What the build knows beyond the rows: fact sheet, dataset page, findings, release date. */
  context?: ReadmeContext;
  /** The rows, for the reporting period, the warnings' paragraph numbers and the citation. */
  rows?: ReadmeRows;
}

const DEFAULT_PREPARATION = [
  'The source cable was read by cablepress (`@cablepress/extract`), turned into tables (`@cablepress/transform`),',
  'and every row was checked against the zod schemas of `@cablepress/validate` before anything was written.',
  'Each table is published three times with the same columns and rows: CSV (text, for spreadsheets and any tool),',
  'Arrow IPC file (typed, column descriptions in the field metadata) and Parquet (typed, zstd-compressed).',
  'After writing, the CSV and Arrow files are read back and compared with the rows, and the whole package is',
  'verified against `datapackage.json` (sizes, sha256 hashes, schemas, primary and foreign keys).',
].join('\n');

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function typeLabel(field: NonNullable<Resource['schema']>['fields'][number]): string {
  const parts: string[] = [field.type];
  if (!field.constraints.required) parts.push('nullable');
  return parts.join(', ');
}

function allowed(field: NonNullable<Resource['schema']>['fields'][number]): string {
  const notes: string[] = [];
  if (field.constraints.enum) notes.push(`one of ${field.constraints.enum.map((v) => `\`${v}\``).join(', ')}`);
  if (field.constraints.minimum !== undefined) notes.push(`>= ${field.constraints.minimum}`);
  if (field.constraints.minLength !== undefined) notes.push(`not empty`);
  return notes.join('; ');
}

function fileSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function reference(descriptor: DataPackage, rowCounts: Record<string, number>): string {
  const out: string[] = [];
  const tables = descriptor.resources.filter((r) => r.format === 'csv' && r.schema);
  for (const csv of tables) {
    const stem = csv.path.replace(/\.csv$/, '');
    const formats = descriptor.resources.filter((r) => r.path.replace(/\.[^./]+$/, '') === stem);
    const schema = csv.schema!;
    out.push(`### ${csv.title ?? csv.name}`, '');
    out.push(csv.description ?? '', '');
    const n = rowCounts[csv.name] ?? 0;
    out.push(`${n} ${n === 1 ? 'row' : 'rows'}. Primary key: ${schema.primaryKey.map((k) => `\`${k}\``).join(', ')}.`);
    if (schema.foreignKeys !== undefined) {
      const fks = schema.foreignKeys.map((fk) => `\`${fk.fields.join(', ')}\` → \`${fk.reference.resource}.${fk.reference.fields.join(', ')}\``);
      out.push(`Foreign keys: ${fks.join('; ')}.`);
    }
    out.push('', 'Files: ' + formats.map((r) => `\`${r.path}\` (${fileSize(r.bytes)})`).join(', ') + '.', '');
    out.push('| column | type | allowed values | description |', '|---|---|---|---|');
    for (const field of schema.fields) {
      out.push(`| \`${field.name}\` | ${typeLabel(field)} | ${cell(allowed(field))} | ${cell(field.description)} |`);
    }
    out.push('');
  }
  const others = descriptor.resources.filter((r) => r.type !== 'table');
  if (others.length > 0) {
    out.push('### Other files', '');
    for (const r of others) out.push(`- \`${r.path}\` (${r.mediatype}, ${fileSize(r.bytes)}): ${r.description ?? r.title ?? r.name}`);
    out.push('');
  }
  return out.join('\n');
}

/** Every loading snippet of the dataset, as fenced blocks under the tool's name, paths relative to this README. */
function loading(descriptor: DataPackage): string {
  const blocks = loadingSnippets(descriptor).map((s) => `**${s.tool}** (${s.needs}):\n\n\`\`\`${s.language}\n${s.code}\`\`\``);
  return `Every table comes as \`data/<table>.parquet\`, \`data/<table>.arrow\` (Arrow IPC file) and \`data/<table>.csv\`.
The Parquet and Arrow files carry the column types; the CSV needs the types from \`datapackage.json\`.
Ids are text: read them as strings (\`000145\` must not become \`145\`). Every snippet runs as written from this folder.

${blocks.join('\n\n')}`;
}

/** The README's first line about the version: its release date, or that it is not released yet. */
function versionLine(descriptor: DataPackage, releaseDate: string | null): string {
  const licence = descriptor.licenses.map((l) => l.name ?? l.title).join(', ');
  const released = releaseDate ? `released ${releaseDate.slice(0, 10)}` : 'not released yet (this build has no release record; `cablepress release` makes one)';
  return `Data package \`${descriptor.name}\`, version ${descriptor.version}, ${released}. Licence: ${licence} (see [\`LICENSE.md\`](LICENSE.md)).`;
}

/**
 * The dataset README, for a data user first: what it is, the fact sheet and page, loading it, how to cite it, the
 * licence and the source's terms; then sources, reporting period, warnings, preparation, how to check a copy, a
 * reference entry per file, formula-like cells and the changelog.
 */
export function datasetReadme({ descriptor, rowCounts, preparation, changelog, context = {}, rows = {} }: ReadmeInput): string {
  const sources = descriptor.sources.map((s) => {
    const link = s.path ? `[${s.title}](${s.path})` : s.title;
    return `- ${link}${s.sha256 ? ` — sha256 \`${s.sha256}\`` : ''}`;
  });
  const licenses = descriptor.licenses.map(
    (l) => `- ${l.path ? `[${l.title ?? l.name}](${l.path})` : (l.title ?? l.name)}${l.name && l.title ? ` (\`${l.name}\`)` : ''}`,
  );
  const changes = changelog?.replace(/^# .*\n+/, '').trim();
  const optional = (section: string | null) => (section === null ? '' : `${section}\n`);
  return `# ${descriptor.title}

${descriptor.description}

${versionLine(descriptor, releaseDateOf(descriptor, context))} The machine-readable description of every
file, column and type is [\`datapackage.json\`](datapackage.json) ([Frictionless Data Package v2](https://datapackage.org/)).

${optional(factSheetSection(context))}## Loading the data

${loading(descriptor)}

${citationSection(descriptor, context, rows)}
## Licence and terms of use

${licenses.join('\n')}

[\`LICENSE.md\`](LICENSE.md) has the full text and what the licence covers.

${dataCard(3)}
## Sources

${sources.join('\n')}

${optional(periodSection(rows))}${optional(warningsSection(context, rows))}## Preparation

${preparation ?? DEFAULT_PREPARATION}

${checkingSection(descriptor)}
## Reference

Column types are the Frictionless types of \`datapackage.json\`; in the Arrow and Parquet files they are: string → Utf8,
integer → Int32, number → Float64, boolean → Bool, date → Date32 (days), datetime → Timestamp (milliseconds, UTC).
In the CSV files an empty cell is a missing value (null), except in text columns that are not nullable, where it is an
empty string. Dates are \`YYYY-MM-DD\`, datetimes ISO 8601 in UTC (\`2008-02-29T05:44:00Z\`), booleans \`true\`/\`false\`.

${reference(descriptor, rowCounts)}
## Text cells that start with = + - @

Cells are published exactly as the source has them; none is escaped or altered. A cell that starts with \`=\`, \`+\`, \`-\` or \`@\`
(for example \`-5 percent\` or a quoted \`=\` sign) can be taken as a formula by spreadsheet programs (CSV or formula injection).
Open the CSV files with an import dialog that sets every column to text, or load the typed Arrow or Parquet files; never let a
spreadsheet evaluate cells from this dataset.

## Changelog

${changes && changes.length > 0 ? changes.replace(/^(#+) /gm, '#$1 ') : `${descriptor.version}: first release.`}
`;
}
