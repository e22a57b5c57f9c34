import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allTables, fieldsOf } from '@cablepress/validate';
import { syntheticInput, syntheticTables } from '../fixtures/rows.js';
import { scratchFolders } from '../fixtures/scratch.js';
import { cableAuthor } from './citation.js';
import { citationSection, factSheetSection, periodSection, plainMessage, warningsSection } from './readme-sections.js';
import { writeDataset } from '../commit/write-dataset.js';

const folders = scratchFolders();
afterEach(folders.cleanup);

describe('the dataset README', () => {
  it('has a codebook entry for every column of every table, from the zod descriptions', async () => {
    const dir = await folders.make();
    await writeDataset(dir, syntheticInput({ ...syntheticTables(), indicator_candidates: [] }));
    const readme = await readFile(join(dir, 'README.md'), 'utf8');
    for (const table of allTables) {
      expect(readme).toContain(`### ${table.title}\n\n${table.description}\n`);
      for (const field of fieldsOf(table)) expect(readme).toContain(`| \`${field.name}\` | ${field.type}${field.nullable ? ', nullable' : ''} |`);
    }
    expect(readme).toContain('| `kind` | string | one of `paragraph`, `quoted_text`, `list_item`, `note`, `comment` |');
    expect(readme).toContain('- [Test cable](https://wikileaks.org/plusd/cables/08TESTPOST145_a.html) — sha256 `' + 'ab'.repeat(32) + '`');
    expect(readme).toContain('## Text cells that start with = + - @');
    expect(readme).toContain('- `validation.json` (application/json, 16 B): Findings of the cross-checks.');
    expect(readme).toMatch(/## Changelog\n\n### 1\.2\.3\n\n- Corrected a value\.\n$/);
    expect(readme).toContain('2 rows. Primary key: `paragraph_id`.\nForeign keys: `cable_id` → `cables.cable_id`.');
  });

  it('takes the changelog from the dataset CHANGELOG.md when the input has none', async () => {
    const dir = await folders.make();
    const { changelog: _, ...input } = syntheticInput();
    await writeDataset(dir, input);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toMatch(/## Changelog\n\n1\.2\.3: first release\.\n$/);
    await writeFile(join(dir, 'CHANGELOG.md'), '# name\n\n## 1.2.3\n\n### Patch Changes\n\n- Fixed a figure.\n');
    await writeDataset(dir, input);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toMatch(/## Changelog\n\n### 1\.2\.3\n\n#### Patch Changes\n\n- Fixed a figure\.\n$/);
  });
});

describe('the README sections a single-cable build adds', () => {
  /** Paragraph rows of 08VIENTIANE145 as the Laos dataset publishes them. */
  const paragraphs = [
    { paragraph_id: '08VIENTIANE145-p004', citation: '¶ 4' },
    { paragraph_id: '08VIENTIANE145-p014', citation: 'paragraph 14, section XXVII A and B' },
    { paragraph_id: '08VIENTIANE145-p023', citation: 'paragraph 23, section XXVII D' },
    { paragraph_id: '08VIENTIANE145-p079', citation: 'paragraph 79, section XXIX G and H' },
  ];
  const cables = [
    { cable_id: '08VIENTIANE145', created: '2008-02-29T05:44:00Z', origin: 'Embassy Vientiane', subject: 'EIGHTH ANNUAL TIP REPORT FOR LAOS', title: null },
  ];
  /** Findings of the Laos build, as validation.json records them. */
  const findings = [
    { code: 'TRUNCATED', severity: 'warning' as const, message: 'The text ends mid-sentence.' },
    {
      code: 'CONVERSION_RATES_DISAGREE',
      severity: 'warning' as const,
      message:
        '08VIENTIANE145: the conversions the cable states imply THB/USD rates from 33.33 (08VIENTIANE145-p014-q06 = 08VIENTIANE145-p014-q07) to 35.71 (08VIENTIANE145-p014-q02 = 08VIENTIANE145-p014-q03), 7.1 % apart (more than 5 %)',
    },
    {
      code: 'CONFLICTING_FIGURES',
      severity: 'warning' as const,
      message:
        '08VIENTIANE145: lba members given as 80 (08VIENTIANE145-p004 [4502, 4504)) and as 82 (08VIENTIANE145-p023 [20854, 20856), 08VIENTIANE145-p079 [53789, 53791))',
    },
  ];

  it('lists the warnings in plain words, with paragraphs instead of row ids and offsets', () => {
    expect(plainMessage(findings[2]!.message, paragraphs)).toBe(
      'lba members given as 80 (¶ 4) and as 82 (paragraph 23, section XXVII D; paragraph 79, section XXIX G and H)',
    );
    expect(plainMessage(findings[1]!.message, paragraphs)).toBe(
      'the conversions the cable states imply THB/USD rates from 33.33 (paragraph 14, section XXVII A and B) to 35.71 (paragraph 14, section XXVII A and B), 7.1 % apart (more than 5 %)',
    );
    const section = warningsSection({ findings }, { paragraphs })!;
    expect(section).toMatch(/^## Warnings\n\nThe checks run on this build found 3 things a reader of the figures should know /);
    expect(section).toContain(
      '- **Cut-off text** (`TRUNCATED`): The text ends mid-sentence. The end of the cable is missing from the published copy; the tables hold what is there.\n',
    );
    expect(section).toContain(
      '- **Conflicting figures** (`CONFLICTING_FIGURES`): lba members given as 80 (¶ 4) and as 82 (paragraph 23, section XXVII D; paragraph 79, section XXIX G and H). Both figures are kept as written',
    );
    expect(warningsSection({ findings: [{ code: 'NEW_CODE', severity: 'warning', message: 'Something new' }] }, {})).toContain(
      '- `NEW_CODE`: Something new.\n',
    );
    const twoCables = { paragraphs, cables: [...cables, { ...cables[0]!, cable_id: '10SANAA295' }] };
    expect(warningsSection({ findings: [{ ...findings[0]!, path: ['cables', '10SANAA295'] }, findings[2]!] }, twoCables)).toContain(
      '- **Cut-off text** (`TRUNCATED`, cable 10SANAA295): The text ends mid-sentence.',
    );
    expect(warningsSection({ findings: [findings[2]!] }, twoCables)).toContain(
      '- **Conflicting figures** (`CONFLICTING_FIGURES`, cable 08VIENTIANE145): lba members',
    );
    expect(warningsSection({ findings: [] }, {})).toBe('## Warnings\n\nThe checks run on this build found nothing to warn about.\n');
    expect(warningsSection({}, {})).toBeNull();
  });

  it('says which period the figures cover, most common first, and the cable date apart', () => {
    const indicators = ['2007', '2007', '2008', null, '2001-2007', '2007'].map((period) => ({ period }));
    expect(periodSection({ cables, indicators })).toBe(
      '## Reporting period\n\nThe key figures (the `indicators` table) are mostly for 2007 (3 of 6); the others are for 2001-2007 (1), 2008 (1); 1 has no period. ' +
        'The cable is dated 29 February 2008. The `period` column of each indicator says which period its figure covers.\n',
    );
    expect(periodSection({ cables, indicators: [] })).toMatch(
      /^## Reporting period\n\nThe cable is dated 29 February 2008\. This dataset has no indicator recipe, so no figure is assigned a period/,
    );
    expect(periodSection({ cables: [...cables, ...cables], indicators })).toBeNull();
  });

  it('cites cablepress as compiler with the release date, the post as author of the cable with its date, in words and BibTeX', () => {
    const descriptor = {
      ...syntheticInput(),
      $schema: '',
      resources: [],
      title: 'Laos trafficking in persons report 2008 (cable 08VIENTIANE145)',
      version: '0.1.1',
      sources: [{ id: '08VIENTIANE145', title: 'EIGHTH ANNUAL TIP REPORT FOR LAOS', path: 'https://wikileaks.org/plusd/cables/08VIENTIANE145_a.html' }],
    };
    const section = citationSection(descriptor, { releaseDate: '2026-12-01T18:37:30Z', pageUrl: null }, { cables });
    expect(section).toContain(
      'cablepress (compiler). *Laos trafficking in persons report 2008 (cable 08VIENTIANE145)*, version 0.1.1, released 2026-12-01 [data set]. ' +
        'Compiled from U.S. Embassy Vientiane, cable 08VIENTIANE145, "EIGHTH ANNUAL TIP REPORT FOR LAOS" (2008-02-29); as published by WikiLeaks.',
    );
    expect(section).toContain(
      '@misc{test_dataset_0_1_1,\n  author = {{cablepress}},\n  title = {{Laos trafficking in persons report 2008 (cable 08VIENTIANE145)}},\n  version = {0.1.1},\n  year = {2026},\n  date = {2026-12-01},',
    );
    expect(section).not.toContain('2008-02-29T');
    const unreleased = citationSection(descriptor, { releaseDate: null }, { cables });
    expect(unreleased).toContain('version 0.1.1, not released yet [data set]');
    expect(unreleased).toContain('year = {unreleased}');
    expect(unreleased).not.toContain('date = ');
    expect(cableAuthor('Secretary of State')).toBe('Secretary of State');
    expect(cableAuthor('Consulate Istanbul')).toBe('U.S. Consulate Istanbul');
  });

  it('links the fact sheet and the dataset page, and tells how to check a copy with common tools only', async () => {
    expect(factSheetSection({ factSheet: '../../reports/x/x-fact-sheet.pdf', releasePage: '../../site/x/index.html' })).toBe(
      '## Fact sheet and dataset page\n\n- Fact sheet (PDF, for printing and forwarding): [x-fact-sheet.pdf](../../reports/x/x-fact-sheet.pdf). A release bundle has it beside this README.\n' +
        '- Dataset page, with the key figures, the tables, the cable text and the release downloads: [site/x/index.html](../../site/x/index.html).\n',
    );
    expect(factSheetSection({})).toBeNull();
    const dir = await folders.make();
    await writeDataset(dir, { ...syntheticInput(), readme: { factSheet: 'x-fact-sheet.pdf', findings: [] } });
    const readme = await readFile(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('sha256sum -c SHA256SUMS --ignore-missing');
    expect(readme).toContain('A release comes as `test-dataset-1.2.3.tar.gz` or `test-dataset-1.2.3.zip`');
    expect(readme).toContain('hashlib.sha256(data).hexdigest() == resource["hash"]');
    expect(readme).toContain('[x-fact-sheet.pdf](x-fact-sheet.pdf)');
    expect(readme).not.toMatch(/npx|cablepress validate/);
  });
});
