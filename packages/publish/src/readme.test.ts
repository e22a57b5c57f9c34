import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allTables, fieldsOf } from '@cablepress/validate';
import { syntheticInput } from './fixtures/rows.js';
import { scratchFolders } from './fixtures/scratch.js';
import { writeDataset } from './write-dataset.js';

const folders = scratchFolders();
afterEach(folders.cleanup);

describe('the dataset README', () => {
  it('has a codebook entry for every column of every table, from the zod descriptions', async () => {
    const dir = await folders.make();
    await writeDataset(dir, syntheticInput());
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
