import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeReleaseBundle } from './bundle.js';
import { diffDatasets, formatDiff } from './diff.js';
import { syntheticInput, syntheticTables } from '../fixtures/rows.js';
import { scratchFolders } from '../fixtures/scratch.js';
import { writeDataset } from '../commit/write-dataset.js';

const folders = scratchFolders();
afterEach(folders.cleanup);

async function build(version: string, tables = syntheticTables()): Promise<string> {
  const dir = await folders.make();
  await writeDataset(dir, { ...syntheticInput(tables), version });
  return dir;
}

/** Edits the schema of one table in datapackage.json (diff reads what was published, whatever produced it). */
async function editSchema(dir: string, table: string, edit: (fields: { name: string; type: string }[]) => void): Promise<void> {
  const file = join(dir, 'datapackage.json');
  const descriptor = JSON.parse(await readFile(file, 'utf8'));
  edit(descriptor.resources.find((r: { name: string }) => r.name === table).schema.fields);
  await writeFile(file, JSON.stringify(descriptor));
}

describe('diffDatasets', () => {
  it('finds nothing between identical builds', async () => {
    const diff = await diffDatasets(await build('1.0.0'), await build('1.0.0'));
    expect(diff.identity).toEqual({
      sameName: true,
      sameSources: true,
      sources: { old: ['08TESTPOST145 (sha256 abababababab)'], new: ['08TESTPOST145 (sha256 abababababab)'] },
    });
    expect(diff.suggestedBump).toBe('none');
    expect(diff.tables.every((t) => t.status === 'unchanged')).toBe(true);
    expect(diff.versionOk).toBe(true);
    expect(formatDiff(diff)).toContain('no changes to data or metadata');
  });

  it('says first when the two sides have different names or sources', async () => {
    const other = await folders.make();
    await writeDataset(other, { ...syntheticInput(), name: 'other-dataset', sources: [{ id: '09OTHERPOST1', title: 'Other cable', sha256: 'cd'.repeat(32) }] });
    const diff = await diffDatasets(await build('1.2.3'), other);
    expect(diff.identity).toEqual({
      sameName: false,
      sameSources: false,
      sources: { old: ['08TESTPOST145 (sha256 abababababab)'], new: ['09OTHERPOST1 (sha256 cdcdcdcdcdcd)'] },
    });
    expect(formatDiff(diff).split('\n').slice(0, 3)).toEqual([
      'test-dataset 1.2.3 → other-dataset 1.2.3',
      'different datasets: the names differ (test-dataset and other-dataset), so the changes below compare two datasets, not two versions of one',
      'different sources: test-dataset 1.2.3 is built from 08TESTPOST145 (sha256 abababababab); other-dataset 1.2.3 from 09OTHERPOST1 (sha256 cdcdcdcdcdcd)',
    ]);
  }, 30_000);

  it('reports corrected values by primary key as a patch', async () => {
    const tables = syntheticTables();
    tables.quantities![0]!.value = 0.2;
    const diff = await diffDatasets(await build('1.0.0'), await build('1.0.0', tables));
    const quantities = diff.tables.find((t) => t.table === 'quantities')!;
    expect(quantities.rowsChanged).toEqual([{ key: '08TESTPOST145-p001-q01', changes: [{ column: 'value', old: '0.1', new: '0.2' }] }]);
    expect(diff.suggestedBump).toBe('patch');
    expect(diff.versionOk).toBe(false);
    expect(formatDiff(diff)).toContain('    08TESTPOST145-p001-q01: value "0.1" → "0.2"');
    expect(formatDiff(diff)).toContain('is not enough: a patch bump is needed');
  });

  it('reports added rows and tables as minor, removed tables as major', async () => {
    const tables = syntheticTables();
    tables.tags!.push({ cable_id: '08TESTPOST145', position: 3, tag: 'PHUM', description: null });
    const { indicators: _, ...withoutIndicators } = syntheticTables();
    const old = await build('1.0.0', withoutIndicators);
    const minor = await diffDatasets(old, await build('1.1.0', { ...tables }));
    expect(minor.tables.find((t) => t.table === 'tags')!.rowsAdded).toEqual(['08TESTPOST145 | 3']);
    expect(minor.tables.find((t) => t.table === 'indicators')!.status).toBe('added');
    expect(minor.suggestedBump).toBe('minor');
    expect(minor.versionOk).toBe(true);
    const major = await diffDatasets(await build('1.1.0'), old);
    expect(major.suggestedBump).toBe('major');
    expect(major.reasons).toContainEqual({ bump: 'major', reason: 'table indicators removed' });
  });

  it('reports removed, re-typed and re-ordered columns as major and works on bundles', async () => {
    const old = await build('1.0.0');
    const changed = await build('2.0.0');
    await editSchema(changed, 'tags', (fields) => {
      fields.reverse();
    });
    await editSchema(changed, 'cables', (fields) => {
      fields.find((f) => f.name === 'paragraph_count')!.type = 'number';
      fields.splice(
        fields.findIndex((f) => f.name === 'title'),
        1,
      );
    });
    const report = join(await folders.make(), 'fact-sheet.pdf');
    await writeFile(report, '%PDF-1.7\n');
    const bundle = await writeReleaseBundle({ datasetDir: old, reportFile: report, outDir: await folders.make() });
    const diff = await diffDatasets(bundle.zip, changed);
    const cables = diff.tables.find((t) => t.table === 'cables')!;
    expect(cables.columnsRemoved).toEqual(['title']);
    expect(cables.columnsRetyped).toEqual([{ column: 'paragraph_count', old: 'integer', new: 'number' }]);
    expect(diff.tables.find((t) => t.table === 'tags')!.columnsReordered).toBe(true);
    expect(diff.suggestedBump).toBe('major');
    expect(diff.versionOk).toBe(true);
    expect(formatDiff(diff)).toMatch(
      /suggested bump: major \(cables: column\(s\) title removed or renamed; cables: column paragraph_count re-typed from integer to number; tags: columns re-ordered/,
    );
  });
});
