import { LIMITS, readTextInside } from '@cablepress/core';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * The dataset packages of a repository, in name order: the folders under `<root>/datasets/` whose package.json names
 * its source cables (`cablepress.source`, or `cablepress.sources` for several). A corpus build (`build --corpus --out`)
 * lists none and is left out.
 */
export async function datasetPackages(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, 'datasets'), { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const dir = path.join(root, 'datasets', entry.name);
    const pkg = await readTextInside(path.join(dir, 'package.json'), dir, { maxBytes: LIMITS.packageJson }).then(
      (text) => JSON.parse(text ?? 'null') as { cablepress?: { source?: unknown; sources?: unknown } } | null,
      () => null,
    );
    if (typeof pkg?.cablepress?.source === 'string' || Array.isArray(pkg?.cablepress?.sources)) found.push(dir);
  }
  return found;
}
