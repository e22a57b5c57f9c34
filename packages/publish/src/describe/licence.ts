import type { DataPackage } from './datapackage.js';
import licences from './data/licences.json' with { type: 'json' };
import terms from './data/data-terms.json' with { type: 'json' };

const TEXTS: Record<string, { title: string; url: string; text: string }> = licences.licences;

/** The paragraphs about where the data come from (WikiLeaks, originally classified, names of people). */
export const SOURCE_STATEMENT: readonly string[] = terms.source_statement;
/** What the data are for, one sentence each. */
export const INTENDED_USE: readonly string[] = terms.intended_use;
/** What the data cannot tell, and how not to use them, one sentence each. */
export const LIMITATIONS: readonly string[] = terms.limitations;

/** The source, intended use and limitations as Markdown sections (headings at `level`). */
export function dataCard(level: number): string {
  const h = '#'.repeat(level);
  return `${h} Source

${SOURCE_STATEMENT.join('\n\n')}

${h} Intended use

${INTENDED_USE.map((s) => `- ${s}`).join('\n')}

${h} Limitations

${LIMITATIONS.map((s) => `- ${s}`).join('\n')}
`;
}

/**
 * The dataset's LICENSE.md: the data licence named in datapackage.json, what it covers, the source, intended use and
 * limitations, then the licence's legal code when cablepress ships it (CC0-1.0), else a link to it.
 */
export function licenceFile(descriptor: Pick<DataPackage, 'title' | 'licenses'>): string {
  const licence = descriptor.licenses[0];
  const id = licence?.name ?? 'CC0-1.0';
  const known = TEXTS[id];
  const link = known?.url ?? licence?.path;
  const legal = known
    ? `## Legal code of ${known.title}\n\n\`\`\`text\n${known.text.trimEnd()}\n\`\`\`\n`
    : `## Legal code\n\n${link ? `See ${link}.` : `See the text of the ${id} licence.`}\n`;
  return `# Licence and terms of use: ${descriptor.title}

The data are published under **${id}**${known ? ` (${known.title}, ${known.url})` : ''}. ${terms.licence_scope}

${dataCard(2)}
${legal}`;
}
