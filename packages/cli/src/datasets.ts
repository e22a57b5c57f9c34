import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The single-cable datasets of a repository, in name order: the folders under `<root>/datasets/` whose package.json
 * names a source cable (`cablepress.source`). A corpus dataset, built with `build --corpus`, has none and is left out.
 */
export async function singleCableDatasets(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, 'datasets'), { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const dir = path.join(root, 'datasets', entry.name);
    const pkg = await readFile(path.join(dir, 'package.json'), 'utf8').then((text) => JSON.parse(text) as { cablepress?: { source?: unknown } }, () => null);
    if (typeof pkg?.cablepress?.source === 'string') found.push(dir);
  }
  return found;
}
