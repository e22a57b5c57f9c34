import type { Finding } from '@cablepress/core';
import type { CableRow, IndicatorRow, ParagraphRow } from '@cablepress/validate';
import type { DataPackage } from './datapackage.js';
import words from './data/finding-words.json' with { type: 'json' };
import { bibtex, plainCitation } from './citation.js';

/** What a build knows beyond the descriptor and the rows, for the dataset README. */
export interface ReadmeContext {
  /** The fact sheet, as a link relative to the dataset folder (`../../reports/<name>/<name>-fact-sheet.pdf`). */
  factSheet?: string;
  /** The dataset's page on the project site, as a link relative to the dataset folder. */
  releasePage?: string;
  /** The dataset's published page under the configured homepage, or null when no homepage is configured. */
  pageUrl?: string | null;
  /** The build's findings; the warnings are listed in plain words. */
  findings?: readonly (Pick<Finding, 'code' | 'severity' | 'message'> & Partial<Pick<Finding, 'path'>>)[];
  /**
   * The date of this version's release record (releases.json); null for a build not released yet. Left out, the
   * descriptor's `created` is taken.
   */
  releaseDate?: string | null;
}

/** The rows the README sections read: the cable, its paragraphs (for citations) and the indicators (for periods). */
export interface ReadmeRows {
  cables?: readonly Pick<CableRow, 'cable_id' | 'created' | 'origin' | 'subject' | 'title'>[];
  paragraphs?: readonly Pick<ParagraphRow, 'paragraph_id' | 'citation'>[];
  indicators?: readonly Pick<IndicatorRow, 'period'>[];
}

const FINDING_WORDS: Record<string, { title: string; note: string }> = words.codes;

/** "29 February 2008" from an ISO date or datetime. */
export function longDate(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return `${date.getUTCDate()} ${date.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${date.getUTCFullYear()}`;
}

/**
 * A finding's message for a reader: no leading cable id, paragraph row ids as paragraph labels
 * (`08VIENTIANE145-p004-q01` → ¶ 4, the paragraph's citation), no character offsets, the same paragraph not repeated inside one bracket.
 */
export function plainMessage(message: string, paragraphs: ReadmeRows['paragraphs'] = []): string {
  const labels = new Map(paragraphs.map((p) => [p.paragraph_id, p.citation]));
  return message
    .replace(/^[0-9A-Z]+: /, '')
    .replace(/ \[\d+, \d+\)/g, '')
    .replace(/\b([0-9A-Z]+-p\d+)(?:-[a-z]+\d+)+\b/g, '$1')
    .replace(/\(([^()]*)\)/g, (_, inside: string) => {
      const parts = [...new Set(inside.split(/, | = /))];
      // Paragraph labels hold commas ("paragraph 23, section XXVII D"): a list of them is separated by semicolons.
      return `(${parts.join(parts.every((part) => /^[0-9A-Z]+-p\d+$/.test(part)) ? '; ' : ', ')})`;
    })
    .replace(/\b[0-9A-Z]+-p\d+\b/g, (id) => labels.get(id) ?? id);
}

export const LINKS_HEADING = '## Fact sheet and dataset page';

/** Links to the fact sheet and the dataset's page (on the site beside the repository, and published), when known. */
export function factSheetSection(context: ReadmeContext): string | null {
  const lines: string[] = [];
  if (context.factSheet) {
    const file = context.factSheet.split('/').pop()!;
    lines.push(`- Fact sheet (PDF, for printing and forwarding): [${file}](${context.factSheet}). A release bundle has it beside this README.`);
  }
  if (context.releasePage) {
    lines.push(
      `- Dataset page, with the key figures, the tables, the cable text and the release downloads: [${context.releasePage.replace(/^(?:\.\.\/)+/, '')}](${context.releasePage}).`,
    );
  }
  if (context.pageUrl) lines.push(`- Published page of the dataset: <${context.pageUrl}>.`);
  return lines.length > 0 ? `${LINKS_HEADING}\n\n${lines.join('\n')}\n` : null;
}

/**
 * The README of a release bundle: the dataset's README with its links section made for the bundle (the fact sheet
 * beside it, the published page when a homepage is configured, no link out of the unpacked folder).
 */
export function bundleReadme(readme: string, links: { factSheet: string; pageUrl: string | null }): string {
  const start = readme.indexOf(`${LINKS_HEADING}\n`);
  const section = factSheetSection({ factSheet: links.factSheet, pageUrl: links.pageUrl }) ?? '';
  if (start < 0) return readme;
  const end = readme.indexOf('\n## ', start + LINKS_HEADING.length);
  return `${readme.slice(0, start)}${section}${end < 0 ? '' : readme.slice(end + 1)}`;
}

/** The cable a finding is about: the id its message starts with, else the cable row its path names. */
function cableOf(finding: { message: string; path?: readonly (string | number)[] }): string | null {
  const named = /^([0-9A-Z]+): /.exec(finding.message)?.[1];
  if (named) return named;
  return finding.path?.[0] === 'cables' && typeof finding.path[1] === 'string' ? finding.path[1] : null;
}

/** The build's warnings in plain words: what each means for the figures, and where in the cable. */
export function warningsSection(context: ReadmeContext, rows: ReadmeRows): string | null {
  if (!context.findings) return null;
  const warnings = context.findings.filter((f) => f.severity === 'warning');
  if (warnings.length === 0) return '## Warnings\n\nThe checks run on this build found nothing to warn about.\n';
  const several = (rows.cables?.length ?? 0) > 1;
  const items = warnings.map((f) => {
    const words = FINDING_WORDS[f.code];
    const message = plainMessage(f.message, rows.paragraphs).replace(/\.?$/, '.');
    const cable = several ? cableOf(f) : null;
    const code = `\`${f.code}\`${cable ? `, cable ${cable}` : ''}`;
    return words ? `- **${words.title}** (${code}): ${message} ${words.note}` : `- ${code}: ${message}`;
  });
  const count = warnings.length === 1 ? 'one thing' : `${warnings.length} things`;
  return `## Warnings\n\nThe checks run on this build found ${count} a reader of the figures should know (¶ is the paragraph number printed in the cable, "paragraph" counts from its start where it prints none; \`validation.json\` has each with its exact place in the source):\n\n${items.join('\n')}\n`;
}

/** Which period the figures cover: the indicators' periods, most common first, and the cable's own date. */
export function periodSection(rows: ReadmeRows): string | null {
  const cable = rows.cables?.length === 1 ? rows.cables[0]! : null;
  if (!cable) return null;
  const dated = cable.created ? `The cable is dated ${longDate(cable.created)}.` : 'The cable gives no date.';
  const periods = new Map<string, number>();
  let undated = 0;
  for (const { period } of rows.indicators ?? []) {
    if (period) periods.set(period, (periods.get(period) ?? 0) + 1);
    else undated++;
  }
  if (periods.size === 0 && undated === 0) {
    return `## Reporting period\n\n${dated} This dataset has no indicator recipe, so no figure is assigned a period: each quantity comes with its sentence (\`quote\`), which names the period where the cable does.\n`;
  }
  const total = (rows.indicators ?? []).length;
  const ranked = [...periods].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1));
  const [first, ...others] = ranked;
  const lead = first
    ? `The key figures (the \`indicators\` table) are mostly for ${first[0]} (${first[1]} of ${total})`
    : `None of the ${total} key figures has a period`;
  const rest = others.length > 0 ? `; the others are for ${others.map(([p, n]) => `${p} (${n})`).join(', ')}` : '';
  const none = undated > 0 && first ? `; ${undated} ${undated === 1 ? 'has' : 'have'} no period` : '';
  return `## Reporting period\n\n${lead}${rest}${none}. ${dated} The \`period\` column of each indicator says which period its figure covers.\n`;
}

/** How a reader with only the downloaded bundle checks it, with tools they have. */
export function checkingSection(descriptor: DataPackage): string {
  const bundle = `${descriptor.name}-${descriptor.version}`;
  return `## Checking your copy

A release comes as \`${bundle}.tar.gz\` or \`${bundle}.zip\`, with a \`SHA256SUMS\` file listing the sha256 of both. With the
bundle and \`SHA256SUMS\` in one folder:

\`\`\`sh
sha256sum -c SHA256SUMS --ignore-missing        # Linux (GNU coreutils)
shasum -a 256 -c SHA256SUMS --ignore-missing    # macOS
\`\`\`

Inside the bundle, \`datapackage.json\` gives every file's size (\`bytes\`) and sha256 (\`hash\`, as \`sha256:<hex>\`). In the unpacked
folder, this checks them all (Python 3, nothing to install):

\`\`\`python
import hashlib, json

package = json.load(open("datapackage.json", encoding="utf-8"))
for resource in package["resources"]:
    data = open(resource["path"], "rb").read()
    ok = len(data) == resource["bytes"] and "sha256:" + hashlib.sha256(data).hexdigest() == resource["hash"]
    print("ok " if ok else "BAD", resource["path"])
\`\`\`
`;
}

/** The README's dates: when this version was released (its record), or null when it has not been. */
export function releaseDateOf(descriptor: Pick<DataPackage, 'created'>, context: ReadmeContext): string | null {
  return context.releaseDate === undefined ? (descriptor.created ?? null) : context.releaseDate;
}

/** How to cite: in words, as BibTeX, and the CITATION.cff beside the README. */
export function citationSection(descriptor: DataPackage, context: ReadmeContext, rows: ReadmeRows): string {
  const input = { descriptor, releaseDate: releaseDateOf(descriptor, context), url: context.pageUrl ?? null, cables: rows.cables ?? [] };
  const unreleased = input.releaseDate === null ? ' This build is not released yet: cite a released version.' : '';
  return `## How to cite

${plainCitation(input)}${unreleased}

BibTeX:

\`\`\`bibtex
${bibtex(input)}\`\`\`

[\`CITATION.cff\`](CITATION.cff) has the same in the Citation File Format, which GitHub, Zenodo and reference managers read.
`;
}
