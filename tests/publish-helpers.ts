import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { build } from 'rolldown';
import { repoRoot } from './helpers.js';

/**
 * A scratch folder inside the repository (under the git-ignored `.tmp/`), so that files written there resolve
 * node_modules the way the repository does: README snippets and child processes import apache-arrow, polars, DuckDB.
 */
export async function repoScratch(label: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = path.join(repoRoot, '.tmp', `${label}-${randomBytes(4).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Bundles @cablepress/publish from source into one ES module that plain `node` can run in a child process. */
export async function bundlePublish(outFile: string): Promise<void> {
  await build({
    input: path.join(repoRoot, 'packages/publish/src/index.ts'),
    platform: 'node',
    resolve: { conditionNames: ['source', 'import', 'node', 'default'] },
    external: (id) => !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('@cablepress/'),
    output: { file: outFile, format: 'esm' },
    logLevel: 'silent',
  });
}
