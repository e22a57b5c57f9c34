import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadingSnippets, type DataPackage } from '@cablepress/publish';
import { repoRoot } from './helpers.js';
import { repoScratch } from './publish-helpers.js';

const run = promisify(execFile);
const SHOWN = ['python-pandas', 'python-polars', 'sql-duckdb', 'r-arrow', 'js-arrow'];

async function shown() {
  const descriptor = JSON.parse(await readFile(path.join(repoRoot, 'datasets/laos-tip-2008/datapackage.json'), 'utf8')) as DataPackage;
  return loadingSnippets(descriptor, { base: 'datasets/laos-tip-2008/' }).filter((s) => SHOWN.includes(s.id));
}

describe("the root README's three-line snippets", () => {
  it('are the tested snippets of the dataset README, with paths from the root of the repository', async () => {
    const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
    const snippets = await shown();
    expect(snippets.map((s) => s.id)).toEqual(SHOWN);
    for (const s of snippets) expect(readme, s.id).toContain(`\`\`\`${s.language}\n${s.code}\`\`\``);
    expect(readme).not.toMatch(/dtype=str|INSTALL parquet|scanParquet/);
  });

  it('run from the root of the repository: the JavaScript with node, the SQL in DuckDB', async () => {
    const snippets = await shown();
    const { dir, remove } = await repoScratch('readme-snippets');
    try {
      const js = path.join(dir, 'arrow.mjs');
      await writeFile(js, snippets.find((s) => s.id === 'js-arrow')!.code);
      expect((await run(process.execPath, [js], { cwd: repoRoot })).stdout).toMatch(/^\d+ \[\n {2}'indicator_id: Utf8'/);
      const sql = snippets.find((s) => s.id === 'sql-duckdb')!.code;
      const duck = path.join(dir, 'sql.mjs');
      await writeFile(
        duck,
        `import { DuckDBInstance } from '@duckdb/node-api';\nconst db = await (await DuckDBInstance.create(':memory:')).connect();\nlet last;\nfor (const s of ${JSON.stringify(sql)}.split(';').map((x) => x.trim()).filter(Boolean)) last = await db.runAndReadAll(s);\nconsole.log(JSON.stringify(last.getRowObjectsJson()));\n`,
      );
      const [{ n }] = JSON.parse((await run(process.execPath, [duck], { cwd: repoRoot })).stdout) as [{ n: string }];
      expect(Number(n)).toBeGreaterThan(0);
    } finally {
      await remove();
    }
  });
});
