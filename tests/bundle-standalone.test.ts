import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSourceCable } from '@cablepress/pipeline';
import { allTables, fieldsOf } from '@cablepress/validate';
import { loadingSnippets, snippetTable, writeReleaseBundle, type DataPackage, type Snippet } from '@cablepress/publish';
import { datasetChangelog, datasetPackageJson } from '../packages/cli/src/init/package-json.js';
import { cli, repoRoot } from './helpers.js';
import { repoScratch } from './publish-helpers.js';

const run = promisify(execFile);
const HOMEPAGE = 'https://example.org/cablepress/';
/** The dataset `cablepress init` makes from 09SANTIAGO156 (package.json and CHANGELOG.md as init writes them), in a repository whose homepage is configured. */
const INIT = { name: 'chile-tip-2009', cable: '09SANTIAGO156.html' };

let scratch: string;
let remove: () => Promise<void>;
const unpacked = new Map<string, string>();

/** A repository with a configured homepage and one dataset laid out as `cablepress init` lays it out, built. */
async function initDataset(root: string): Promise<{ dir: string; report: string }> {
  await mkdir(root, { recursive: true });
  await writeFile(
    path.join(root, 'package.json'),
    JSON.stringify({ name: 'scratch', private: true, workspaces: ['datasets/*'], cablepress: { homepage: HOMEPAGE } }),
  );
  const dir = path.join(root, 'datasets', INIT.name);
  await mkdir(path.join(dir, 'source'), { recursive: true });
  const file = path.join(dir, 'source', INIT.cable);
  await copyFile(path.join(repoRoot, 'datasets/tip-reports/source', INIT.cable), file);
  const { cable } = readSourceCable(await readFile(file), file);
  await writeFile(path.join(dir, 'package.json'), datasetPackageJson(cable, { name: INIT.name, source: `source/${INIT.cable}` }));
  await writeFile(path.join(dir, 'CHANGELOG.md'), datasetChangelog(cable, INIT.name));
  const built = await cli(['build', dir, '--quiet']);
  expect(built.code, built.stderr).toBe(0);
  return { dir, report: path.join(root, 'reports', INIT.name, `${INIT.name}-fact-sheet.pdf`) };
}

/** Writes the release bundle of a dataset and unpacks its .tar.gz in a folder of its own; returns the unpacked dataset folder. */
async function bundleAndUnpack(datasetDir: string, report: string, pageUrl: string | null): Promise<string> {
  const out = path.join(scratch, 'bundles', path.basename(datasetDir));
  const bundle = await writeReleaseBundle({ datasetDir, reportFile: report, outDir: out, pageUrl });
  const target = path.join(scratch, 'unpacked', path.basename(datasetDir));
  await mkdir(target, { recursive: true });
  await run('tar', ['-xzf', bundle.tarGz, '-C', target]);
  return path.join(target, path.basename(bundle.tarGz, '.tar.gz'));
}

beforeAll(async () => {
  ({ dir: scratch, remove } = await repoScratch('bundle-standalone'));
  for (const name of ['laos-tip-2008', 'tip-reports']) {
    unpacked.set(name, await bundleAndUnpack(path.join(repoRoot, 'datasets', name), path.join(repoRoot, 'reports', name, `${name}-fact-sheet.pdf`), null));
  }
  const made = await initDataset(path.join(scratch, 'repository'));
  unpacked.set(INIT.name, await bundleAndUnpack(made.dir, made.report, `${HOMEPAGE}${INIT.name}/`));
});
afterAll(() => remove());

const DATASETS = ['laos-tip-2008', 'tip-reports', INIT.name];

/** Every link target of a Markdown text: `[text](target)` and `<https://…>`. */
function linkTargets(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g), ...markdown.matchAll(/<(https?:\/\/[^>\s]+)>/g)].map((m) => m[1]!);
}

const descriptorOf = async (dir: string) => JSON.parse(await readFile(path.join(dir, 'datapackage.json'), 'utf8')) as DataPackage;

describe('a release bundle stands alone where it is unpacked', () => {
  it.each(DATASETS)('%s: validates, carries its source cables, licence, citation and fact sheet', async (name) => {
    const dir = unpacked.get(name)!;
    const result = await cli(['validate', dir]);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    for (const file of ['LICENSE.md', 'CITATION.cff', 'README.md', 'CHANGELOG.md', `${name}-fact-sheet.pdf`])
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    const descriptor = await descriptorOf(dir);
    const cables = await readdir(path.join(dir, 'source'));
    expect(cables).toHaveLength(descriptor.sources.length);
    for (const source of descriptor.sources) {
      const file = cables.find((f) => f.startsWith(`${source.id}.`));
      expect(file, source.id).toBeDefined();
      expect(
        createHash('sha256')
          .update(await readFile(path.join(dir, 'source', file!)))
          .digest('hex'),
        source.id,
      ).toBe(source.sha256);
    }
  });

  it.each(DATASETS)('%s: every relative link of the README resolves inside the unpacked folder', async (name) => {
    const dir = unpacked.get(name)!;
    const targets = linkTargets(await readFile(path.join(dir, 'README.md'), 'utf8'));
    const relative = targets.filter((t) => !/^(?:https?:|mailto:|#)/.test(t));
    expect(relative).toContain(`${name}-fact-sheet.pdf`);
    expect(relative).toContain('LICENSE.md');
    expect(relative).toContain('CITATION.cff');
    for (const target of relative) {
      const file = path.resolve(dir, decodeURIComponent(target.split('#')[0]!));
      expect(file.startsWith(dir + path.sep), target).toBe(true);
      expect(existsSync(file), target).toBe(true);
    }
  });

  it('links the published page only where a homepage is configured', async () => {
    const page = `${HOMEPAGE}${INIT.name}/`;
    expect(linkTargets(await readFile(path.join(unpacked.get(INIT.name)!, 'README.md'), 'utf8'))).toContain(page);
    expect(await readFile(path.join(unpacked.get(INIT.name)!, 'CITATION.cff'), 'utf8')).toContain(`url: "${page}"`);
    for (const name of ['laos-tip-2008', 'tip-reports']) {
      expect(linkTargets(await readFile(path.join(unpacked.get(name)!, 'README.md'), 'utf8')).filter((t) => t.startsWith(HOMEPAGE))).toEqual([]);
    }
  });

  it('a dataset init made and never released says so instead of giving a date', async () => {
    const dir = unpacked.get(INIT.name)!;
    expect((await descriptorOf(dir)).created).toBeUndefined();
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toContain('version 0.1.0, not released yet');
    expect(await readFile(path.join(dir, 'CITATION.cff'), 'utf8')).not.toContain('date-released');
  });
});

const python = '/usr/bin/python3';
const hasPandas = (() => {
  try {
    execFileSync(python, ['-c', 'import pandas'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Runs SQL as a DuckDB client would, from `cwd` (relative paths resolve there): one node process with @duckdb/node-api. */
async function duckdb(sql: string, cwd: string): Promise<string> {
  const script =
    `import { DuckDBInstance } from '@duckdb/node-api';\nconst db = await (await DuckDBInstance.create(':memory:')).connect();\n` +
    `const statements = ${JSON.stringify(sql)}.split(';').map((s) => s.trim()).filter(Boolean);\nlet last;\nfor (const s of statements) last = await db.runAndReadAll(s);\nconsole.log(JSON.stringify(last.getRowObjectsJson()));\n`;
  const file = path.join(cwd, 'run-sql.mjs');
  await writeFile(file, script);
  return (await run(process.execPath, [file], { cwd })).stdout;
}

/** The snippets that cannot run on this machine: no pyarrow, Python polars, Python duckdb or R in Debian here. */
const NOT_RUN_HERE = ['python-pandas', 'python-polars', 'python-duckdb', 'r-arrow'];

describe('the loading snippets run as written in the unpacked bundle', () => {
  const snippets = async (name: string): Promise<{ dir: string; table: string; list: Snippet[] }> => {
    const dir = unpacked.get(name)!;
    const descriptor = await descriptorOf(dir);
    return { dir, table: snippetTable(descriptor), list: loadingSnippets(descriptor) };
  };

  it.each(DATASETS)('%s: the README shows exactly the snippets of loadingSnippets', async (name) => {
    const { dir, list } = await snippets(name);
    const readme = await readFile(path.join(dir, 'README.md'), 'utf8');
    for (const s of list) expect(readme, s.id).toContain(`\`\`\`${s.language}\n${s.code}\`\`\``);
  });

  it.each(DATASETS)('%s: JavaScript (apache-arrow, nodejs-polars, DuckDB) with node', async (name) => {
    const { dir, table, list } = await snippets(name);
    const rows = (await descriptorOf(dir)).resources.find((r) => r.name === table)!;
    const outputs: Record<string, string> = {};
    for (const s of list.filter((x) => x.language === 'js')) {
      const file = path.join(dir, `${s.id}.mjs`);
      await writeFile(file, s.code);
      outputs[s.id] = (await run(process.execPath, [file], { cwd: dir })).stdout;
    }
    const count = Number(/^(\d+) /.exec(outputs['js-arrow']!)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(outputs['js-arrow']).toContain("'indicator_id: Utf8'");
    expect(outputs['js-polars']).toMatch(new RegExp(`^${count} \\{`));
    expect(outputs['js-duckdb']).toContain(`{ n: ${count} }`);
    expect(rows.path).toBe(`data/${table}.csv`);
  });

  it.each(DATASETS)('%s: SQL in DuckDB, and the SQL of the Python DuckDB snippet', async (name) => {
    const { dir, table, list } = await snippets(name);
    const sql = list.find((s) => s.id === 'sql-duckdb')!.code;
    expect(sql).not.toMatch(/INSTALL|LOAD/);
    const [{ n }] = JSON.parse(await duckdb(sql, dir)) as [{ n: string }];
    expect(Number(n)).toBeGreaterThan(0);
    const fromPython = /duckdb\.sql\("([^"]+)"\)/.exec(list.find((s) => s.id === 'python-duckdb')!.code)![1]!;
    expect(JSON.parse(await duckdb(`SELECT count(*) AS n FROM (${fromPython})`, dir))).toEqual([{ n }]);
    expect(table).toBe('indicators');
  });

  it.each(DATASETS)('%s: every table is a view with bare column names in DuckDB', async (name) => {
    const dir = unpacked.get(name)!;
    const views = allTables.map(
      (t) =>
        `CREATE VIEW ${t.name} AS SELECT ${fieldsOf(t)
          .map((f) => f.name)
          .join(', ')} FROM read_parquet('data/${t.name}.parquet');`,
    );
    const joined = 'SELECT count(*) AS n FROM cable_references r JOIN cables c ON r.cable_id = c.cable_id WHERE c.sender IS NOT NULL OR c.sender IS NULL;';
    expect(JSON.parse(await duckdb([...views, joined].join('\n'), dir))).toHaveLength(1);
  });

  it.skipIf(!hasPandas).each(DATASETS)('%s: pandas without pyarrow, with Debian python3-pandas', async (name) => {
    const { dir, table, list } = await snippets(name);
    const code = list.find((s) => s.id === 'python-pandas-csv')!.code;
    expect(code).not.toContain('dtype=str');
    const check = `${code}\nprint("ROWS", len(${table}), str(${table}["value"].dtype), str(${table}["indicator_id"].dtype))\n`;
    const { stdout } = await run(python, ['-c', check], { cwd: dir });
    expect(stdout).toMatch(/^ROWS [1-9]\d* Float64 string$/m);
  });

  it('leaves out only the snippets this machine cannot run', async () => {
    const { list } = await snippets('laos-tip-2008');
    const run = list.filter((s) => s.language === 'js' || s.id === 'sql-duckdb' || s.id === 'python-pandas-csv').map((s) => s.id);
    expect(list.map((s) => s.id).filter((id) => !run.includes(id))).toEqual(NOT_RUN_HERE);
  });
});
