import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
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
