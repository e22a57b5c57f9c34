import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, scratchFolder } from '../../test-support/paths.js';
import { readDatasetManifest } from '../dataset.js';
import type { Io } from '../io.js';
import { main } from '../main.js';

/** The inputs of the seed dataset copied to `<root>/datasets/laos-tip-2008`, with its package.json changed by `edit`. */
async function seedCopy(edit: (pkg: Pkg) => void = () => undefined): Promise<{ root: string; dir: string }> {
  const root = await scratchFolder('build');
  const dir = path.join(root, 'datasets', 'laos-tip-2008');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(root, 'package.json'), JSON.stringify({ private: true, workspaces: ['datasets/*'] }));
  for (const entry of ['source', 'indicators.json', 'CHANGELOG.md'])
    await cp(path.join(repoRoot, 'datasets/laos-tip-2008', entry), path.join(dir, entry), { recursive: true });
  const pkg = JSON.parse(await readFile(path.join(repoRoot, 'datasets/laos-tip-2008/package.json'), 'utf8'));
  edit(pkg);
  await writeFile(path.join(dir, 'package.json'), JSON.stringify(pkg));
  return { root, dir };
}

function captureIo(cwd: string): Io & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd, env: {}, out: () => out.join(''), err: () => err.join('') };
}

type Pkg = { version?: unknown; description?: unknown; cablepress: Record<string, string> };

/** Builds a copy of the seed dataset changed by `edit` (and `prepare` for its files) and returns the error line. */
async function buildError(
  edit: (pkg: Pkg) => void,
  prepare: (dir: string) => Promise<void> = async () => undefined,
): Promise<{ code: number; err: string; dir: string }> {
  const { root, dir } = await seedCopy(edit);
  await prepare(dir);
  const io = captureIo(root);
  const code = await main(['build', 'datasets/laos-tip-2008'], io);
  return { code, err: io.err(), dir };
}

describe('cablepress build', () => {
  it('prints every path it wrote, the fact sheet last, and the findings in one line; the README cites the recorded release date', async () => {
    const { root, dir } = await seedCopy((pkg) => {
      pkg.version = '1.2.3';
    });
    await writeFile(
      path.join(dir, 'releases.json'),
      JSON.stringify({ name: 'laos-tip-2008', releases: [{ version: '1.2.3', created: '2009-01-15T00:00:00Z', files: {} }] }),
    );
    const io = captureIo(root);
    expect(await main(['build', 'datasets/laos-tip-2008'], io)).toBe(0);
    const lines = io.out().split('\n');
    expect(lines[0]).toMatch(/^built laos-tip-2008 1\.2\.3 from 08VIENTIANE145: cables 1, paragraphs 92, /);
    expect(lines[1]).toBe('wrote:');
    expect(lines.slice(2, 4)).toEqual([
      '  datasets/laos-tip-2008/data/cables.{csv,arrow,parquet}',
      '  datasets/laos-tip-2008/data/paragraphs.{csv,arrow,parquet}',
    ]);
    expect(lines).toContain('  datasets/laos-tip-2008/datapackage.json');
    expect(lines).toContain('  datasets/laos-tip-2008/README.md');
    expect(lines).toContain('  datasets/laos-tip-2008/validation.json');
    const sheet = lines.indexOf('  reports/laos-tip-2008/laos-tip-2008-fact-sheet.pdf  (fact sheet)');
    expect(sheet).toBeGreaterThan(2);
    expect(lines[sheet + 1]).toBe(
      'findings: 0 errors, 3 warnings (CONFLICTING_FIGURES 1, CONVERSION_RATES_DISAGREE 1, TRUNCATED 1); each is kept in validation.json:',
    );
    expect((await readFile(path.join(root, 'reports/laos-tip-2008/laos-tip-2008-fact-sheet.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    const readme = await readFile(path.join(dir, 'README.md'), 'utf8');
    expect(readme).toContain(
      'cablepress (compiler). *Laos trafficking in persons report 2008 (cable 08VIENTIANE145)*, version 1.2.3, released 2009-01-15 [data set]. Compiled from U.S. Embassy Vientiane, cable 08VIENTIANE145, "EIGHTH ANNUAL TIP REPORT FOR LAOS" (2008-02-29);',
    );
    expect(readme).toContain('Data package `laos-tip-2008`, version 1.2.3, released 2009-01-15.');
    expect(JSON.parse(await readFile(path.join(dir, 'datapackage.json'), 'utf8')).created).toBe('2009-01-15T00:00:00Z');
    expect(await readFile(path.join(dir, 'CITATION.cff'), 'utf8')).toContain('date-released: "2009-01-15"');
    expect(readme).toContain('[laos-tip-2008-fact-sheet.pdf](../../reports/laos-tip-2008/laos-tip-2008-fact-sheet.pdf)');
    expect(readme).toContain(
      '- **Conflicting figures** (`CONFLICTING_FIGURES`): lba members given as 80 (¶ 4) and as 82 (paragraph 23, section XXVII D; paragraph 79, section XXIX G and H).',
    );
  }, 60_000);
});

describe('default fact sheet path', () => {
  const noReport = (pkg: Pkg) => {
    delete pkg.cablepress.report;
  };

  it('is reports/<name>/ of the repository the dataset lives in', async () => {
    const { root, dir } = await seedCopy(noReport);
    await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'x', private: true, workspaces: ['packages/*', 'datasets/*'] }));
    const manifest = await readDatasetManifest(dir, root);
    expect(manifest.report).toBe(path.join(root, 'reports/laos-tip-2008/laos-tip-2008-fact-sheet.pdf'));
    expect(manifest.links).toEqual({
      factSheet: '../../reports/laos-tip-2008/laos-tip-2008-fact-sheet.pdf',
      datasetPage: '../../site/laos-tip-2008/index.html',
    });
  });

  it('is inside the dataset folder outside a repository, never above it', async () => {
    const { root, dir } = await seedCopy(noReport);
    await rm(path.join(root, 'package.json'));
    const manifest = await readDatasetManifest(dir, dir);
    expect(manifest.report).toBe(path.join(dir, 'laos-tip-2008-fact-sheet.pdf'));
    expect(manifest.links).toEqual({ factSheet: 'laos-tip-2008-fact-sheet.pdf', datasetPage: null });
  });
});

describe('messages name the file a person must edit, with a hint that fits', () => {
  it('a package.json field that goes into datapackage.json names package.json', async () => {
    const version = await buildError((pkg) => {
      pkg.version = '1.0';
    });
    expect(version.code).toBe(2);
    expect(version.err).toBe(
      `cablepress: DATASET_INVALID: ${version.dir}/package.json: version: package.json "version" must be a semantic version, not "1.0". Set "version" to a semantic version such as "0.1.0"; changesets keeps it from then on.\n`,
    );
    const description = await buildError((pkg) => {
      delete pkg.description;
    });
    expect(description.err).toMatch(/^cablepress: DATASET_INVALID: .*\/package\.json: description: package\.json has no "description" /);
    expect(description.err).not.toContain('datapackage.json:');
  });

  it('a package.json field longer than it may be is refused, naming the file and the field, before anything reads it (issue 26)', async () => {
    const version = await buildError((pkg) => {
      pkg.version = `1.0.0-${'a'.repeat(100_000)}`;
    });
    expect(version.code).toBe(2);
    expect(version.err).toBe(
      `cablepress: PACKAGE_FIELD_TOO_LONG: ${version.dir}/package.json: version: package.json "version" has 100006 characters, more than the 100 it may have ("1.0.0-${'a'.repeat(34)}…"). Shorten "version" to at most 100 characters.\n`,
    );
    const edits: [string, (pkg: Pkg) => void][] = [
      ['description', (pkg) => void (pkg.description = 'A dataset. '.repeat(1_000))],
      ['cablepress.title', (pkg) => void (pkg.cablepress.title = 'T'.repeat(20_000))],
      ['cablepress.recipe', (pkg) => void (pkg.cablepress.recipe = `${'r/'.repeat(1_000)}tip.json`)],
      ['cablepress.sources[0]', (pkg) => void ((pkg.cablepress as Record<string, unknown>).sources = [`source/${'s'.repeat(2_000)}.txt`])],
    ];
    for (const [field, edit] of edits) {
      const { code, err } = await buildError(edit);
      expect(code, field).toBe(2);
      expect(err, field).toMatch(new RegExp(`^cablepress: PACKAGE_FIELD_TOO_LONG: .*/package\\.json: ${field.replace(/[.[\]]/g, '\\$&')}: package\\.json "`));
      expect(err.split('\n'), field).toHaveLength(2);
    }
  });

  it('a package.json that holds null or a list, not an object, is refused as input (it was an internal error)', async () => {
    for (const text of ['null', '[]', '"laos"']) {
      const { code, err, dir } = await buildError(
        () => undefined,
        (d) => writeFile(path.join(d, 'package.json'), text),
      );
      expect(code, text).toBe(2);
      expect(err, text).toBe(
        `cablepress: DATASET_INVALID: ${dir}/package.json: package.json holds ${text}, not a JSON object. Restore the dataset package.json from git.\n`,
      );
    }
  });

  it('a recipe that is not there names the package.json field that points at it', async () => {
    const { code, err, dir } = await buildError((pkg) => {
      pkg.cablepress.recipe = 'recipes/tip.json';
    });
    expect(code).toBe(2);
    expect(err).toBe(
      `cablepress: RECIPE_MISSING: ${dir}/package.json: cablepress.recipe: the recipe ${dir}/recipes/tip.json named by "cablepress.recipe" does not exist. ` +
        'Point "cablepress.recipe" at the recipe file (relative to the dataset folder), or remove it to build without indicators.\n',
    );
  });

  it('a recipe that is not JSON names the recipe file', async () => {
    const { code, err, dir } = await buildError(
      () => undefined,
      (d) => writeFile(path.join(d, 'indicators.json'), '{ "indicators": [ }'),
    );
    expect(code).toBe(2);
    expect(err).toMatch(
      new RegExp(
        `^cablepress: RECIPE_JSON: ${dir}/indicators\\.json: line 1, column 19: the indicator recipe is not valid JSON: unexpected "}"\\. Fix the JSON syntax at that place\\.\n$`,
      ),
    );
  });

  it('a locator that matches nothing names the recipe file and asks to correct it, not to narrow it', async () => {
    const { code, err, dir } = await buildError(
      () => undefined,
      async (d) => {
        const recipe = JSON.parse(await readFile(path.join(d, 'indicators.json'), 'utf8'));
        recipe.indicators[0].locate.figure = '39';
        await writeFile(path.join(d, 'indicators.json'), JSON.stringify(recipe));
      },
    );
    expect(code).toBe(1);
    expect(err).toMatch(
      new RegExp(
        `^cablepress: RECIPE_LOCATOR_NO_MATCH: ${dir}/indicators\\.json: \\$\\.indicators\\[0\\]\\.locate: .*indicator investigations-2007: no quantity matches figure "39"`,
      ),
    );
    expect(err).toMatch(/ Correct a locator that finds nothing: the paragraph, the sentence words and the figure text must be as the cable writes them\.\n$/);
    expect(err).not.toContain('more specific');
  });
});
