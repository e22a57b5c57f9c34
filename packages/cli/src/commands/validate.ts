import { CablepressError, type Finding, InputError } from '@cablepress/core';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkDrift, readCommitted, RELEASE_LOG, verifyDataset } from '@cablepress/publish';
import { readDatasetManifest } from '../dataset.js';
import { EXIT } from '../io.js';
import type { RunCommand } from '../program.js';

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** The files outside the dataset folder its build publishes (the fact sheet), when its package.json says where; none otherwise. */
async function companionsOf(dir: string, cwd: string): Promise<string[]> {
  if (!(await exists(path.join(dir, 'package.json')))) return [];
  return readDatasetManifest(dir, cwd).then(
    (manifest) => [manifest.report],
    () => [],
  );
}

/** The findings of `verifyDataset` and, for a dataset folder with a release log, of the drift guard. */
async function findingsOf(target: string, cwd: string): Promise<Finding[]> {
  const findings: Finding[] = await verifyDataset(target);
  if (findings.some((f) => f.code === 'DESCRIPTOR_MISSING')) return findings;
  if (findings.every((f) => f.severity !== 'error') && (await exists(path.join(target, RELEASE_LOG))) && (await exists(path.join(target, 'package.json')))) {
    try {
      await checkDrift(target, { reportFile: (await readDatasetManifest(target, cwd)).report });
    } catch (error) {
      if (!(error instanceof CablepressError) || error.kind !== 'validation') throw error;
      findings.push({ code: error.code, severity: 'error', message: `${error.message}${error.hint ? ` ${error.hint}` : ''}`, path: [RELEASE_LOG] });
    }
  }
  return findings;
}

/**
 * `cablepress validate <dataset-dir-or-bundle> [--json]`: checks a published dataset (descriptor, every file's bytes
 * and sha256, every row against its schema, Arrow and Parquet against the CSV) and, for a dataset folder with a
 * releases.json, that its files still match the release its version names. Exit 0 valid, 1 invalid, 2 bad input
 * (nothing there, or no datapackage.json).
 */
export const run: RunCommand<'validate'> = async ([dataset], values, io) => {
  const target = path.resolve(io.cwd, dataset);
  // A build killed after its commit is finished first, and a commit under way is waited for (see readCommitted), so
  // validate sees one complete release, never a mix.
  const folder = (await stat(target).catch(() => undefined))?.isDirectory();
  const check = () => findingsOf(target, io.cwd);
  const findings = folder ? await readCommitted(target, await companionsOf(target, io.cwd), check) : await check();
  if (findings.some((f) => f.code === 'DESCRIPTOR_MISSING')) {
    throw new InputError(
      'DATASET_MISSING',
      'there is no datapackage.json here, so this is not a published dataset.',
      { file: path.join(target, 'datapackage.json') },
      'Give a dataset folder built by `cablepress build`, or a release bundle.',
    );
  }
  const errors = findings.filter((f) => f.severity === 'error');
  const exitCode = errors.length > 0 ? EXIT.invalid : EXIT.ok;
  if (values.json) {
    io.stdout(`${JSON.stringify({ ok: exitCode === EXIT.ok, exitCode, target, findings })}\n`);
    return exitCode;
  }
  for (const f of findings) io.stderr(`${f.severity} ${f.code}: ${f.message}\n`);
  io.stdout(
    errors.length > 0
      ? `${dataset}: invalid, ${errors.length} error(s), ${findings.length - errors.length} warning(s).\n`
      : `${dataset}: valid${findings.length > 0 ? ` with ${findings.length} warning(s)` : ''}.\n`,
  );
  return exitCode;
};
