import { InputError, makeDirs, readInside, removeStaleTemps, safeFileName, tempName, writing } from '@cablepress/core';
import { access, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Cable } from '@cablepress/extract';
import { defaultRecipe, readSourceCable } from '@cablepress/pipeline';
import { displayPath, printBuild } from '../build-report.js';
import { readDatasetManifest } from '../dataset.js';
import { datasetNameFor } from '../init/name.js';
import { datasetChangelog, datasetPackageJson } from '../init/package-json.js';
import { EXIT } from '../io.js';
import type { RunCommand } from '../program.js';
import { DEFAULT_MAX_INPUT_MB } from '../read-input.js';
import { findRepository, updateLockFile } from '../repository.js';

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

async function readCable(file: string, maxBytes: number): Promise<{ bytes: Uint8Array; cable: Cable }> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readInside(file, path.dirname(file), { maxBytes, hardLinks: 'allow' });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      'SOURCE_UNREADABLE',
      `the cable file cannot be read (${(error as NodeJS.ErrnoException).code}).`,
      { file },
      "Check the file's permissions and type.",
    );
  }
  if (!bytes) {
    throw new InputError(
      'SOURCE_MISSING',
      'the cable file does not exist.',
      { file },
      'Give the path of a cable file: a PlusD or Cablegate text export, or a WikiLeaks cable page.',
    );
  }
  return { bytes, cable: readSourceCable(bytes, file).cable };
}

/** The file name the source gets in the dataset: the cable id, with .html for a page and the file's own .txt/.text otherwise. */
export function sourceFileName(cable: Pick<Cable, 'id' | 'format'>, original: string): string {
  const ext = path.extname(original).toLowerCase();
  const suffix = cable.format === 'html' ? (ext === '.htm' ? '.htm' : '.html') : ext === '.text' ? '.text' : '.txt';
  return `${safeFileName(cable.id)}${suffix}`;
}

function checkName(name: string, given: boolean): void {
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name) && safeFileName(name) === name) return;
  throw new InputError(
    'DATASET_NAME',
    `the dataset name "${name}" cannot be used: it becomes a folder, a file and a package name, so it must be lowercase letters and digits joined by single hyphens and not a reserved device name.`,
    { field: given ? '--name' : 'name' },
    'Give a name such as laos-tip-2008 with --name.',
  );
}

async function refuseTaken(root: string, name: string): Promise<void> {
  for (const folder of [path.join(root, 'datasets', name), path.join(root, 'reports', name)]) {
    if (await exists(folder)) {
      throw new InputError(
        'INIT_NAME_TAKEN',
        `a dataset named "${name}" already exists (${folder} is there); init never overwrites one.`,
        { file: folder },
        `Give another name with --name, e.g. --name ${name}-2, or rebuild the existing one with \`cablepress build datasets/${name}\`.`,
      );
    }
  }
}

/** Lines telling a person what to do after init: the file to edit, the changeset, the release. */
function nextSteps(dir: string, name: string): string[] {
  return [
    `  1. Edit "description" and "cablepress.title" in ${path.join(dir, 'package.json')} (they are the cable's subject line for now), then run \`npx cablepress build ${dir}\`.`,
    `  2. Add a changeset for @cablepress-datasets/${name} (\`npx changeset\`) saying what the dataset holds.`,
    `  3. Commit the dataset, then release it with \`npx cablepress release ${dir}\`.`,
  ];
}

/**
 * `cablepress init <cable-file> [--name <name>]`: creates `datasets/<name>/` in the repository around the current
 * folder from any cable file (the source copied byte for byte, package.json, the default recipe that fits), adds the
 * new workspace package to package-lock.json, builds the dataset and says what to do next. Nothing is kept when a step fails.
 */
export const run: RunCommand<'init'> = async ([cableFile], values, io) => {
  const file = path.resolve(io.cwd, cableFile);
  const maxInputBytes = DEFAULT_MAX_INPUT_MB * 1024 * 1024;
  const { bytes, cable } = await readCable(file, maxInputBytes);
  const root = await findRepository(io.cwd);
  const name = values.name ?? datasetNameFor(cable);
  checkName(name, values.name !== undefined);
  await refuseTaken(root, name);

  const dir = path.join(root, 'datasets', name);
  const source = path.join('source', sourceFileName(cable, file));
  const recipe = defaultRecipe(cable);
  const lockFile = path.join(root, 'package-lock.json');
  const lock = await readFile(lockFile).catch(() => null);
  // The lock file as it was, kept under a temporary name: put back by a rename (which needs no room) when a step fails.
  const saved = lock === null ? null : tempName(lockFile);
  let kept = false;
  const report = path.join(root, 'reports', name);
  await removeStaleTemps(root);
  try {
    if (saved !== null) {
      await writing(lockFile, root, () => writeFile(saved, lock!));
      kept = true;
    }
    await makeDirs(path.join(dir, 'source'));
    for (const [file, content] of [
      [source, bytes],
      ['package.json', datasetPackageJson(cable, { name, source })],
      ['CHANGELOG.md', datasetChangelog(cable, name)],
    ] as const) {
      await writing(path.join(dir, file), dir, () => writeFile(path.join(dir, file), content));
    }
    await updateLockFile(root, io.env);
    const manifest = await readDatasetManifest(dir, io.cwd);
    const { buildDataset } = await import('../build-dataset.js');
    const summary = await buildDataset(manifest, { paper: 'a4', env: io.env, maxInputBytes });
    const shownDir = displayPath(dir, io.cwd);
    if (values.json) {
      io.stdout(`${JSON.stringify({ ok: true, exitCode: EXIT.ok, created: dir, source: path.join(dir, source), recipe: recipe?.file ?? null, ...summary })}\n`);
      return EXIT.ok;
    }
    io.stdout(`created ${shownDir} from ${cable.id} (${path.basename(file)}):\n`);
    io.stdout(
      `  ${path.join(shownDir, source)}  (the cable, byte for byte)\n  ${path.join(shownDir, 'package.json')}\n  ${path.join(shownDir, 'CHANGELOG.md')}\n`,
    );
    io.stdout(`  ${displayPath(lockFile, io.cwd)}  (the new workspace package, so that \`npm ci\` keeps working)\n`);
    io.stdout(
      recipe
        ? `recipe: ${recipe.label} (${recipe.file}), which the build applies to a TIP report when package.json names no "cablepress.recipe".\n`
        : 'recipe: none fits this cable (it is not a TIP report), so the indicators table is empty; name one as "cablepress.recipe" in package.json to add key figures.\n',
    );
    printBuild(summary, dir, io);
    io.stdout(`next:\n${nextSteps(shownDir, name).join('\n')}\n`);
    return EXIT.ok;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    await rm(report, { recursive: true, force: true });
    if (saved !== null && kept) await rename(saved, lockFile).catch(() => undefined);
    throw error;
  } finally {
    if (saved !== null) await rm(saved, { force: true });
  }
};
