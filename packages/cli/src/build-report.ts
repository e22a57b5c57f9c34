import type { Finding } from '@cablepress/core';
import path from 'node:path';
import type { Io } from './io.js';
import type { BuildSummary } from '@cablepress/pipeline';

/** A path as a person can type it from `cwd`: relative when it is below `cwd`, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * The files a build wrote (paths relative to the dataset folder), as paths from `cwd`: one line per table with its
 * formats (`data/cables.{csv,arrow,parquet}`), then the other files in the order written.
 */
export function writtenPaths(files: readonly string[], datasetDir: string, cwd: string): string[] {
  const formats = new Map<string, string[]>();
  const others: string[] = [];
  for (const file of files) {
    const table = file.match(/^data\/([^/]+)\.([a-z]+)$/);
    if (table) formats.set(table[1]!, [...(formats.get(table[1]!) ?? []), table[2]!]);
    else others.push(displayPath(path.resolve(datasetDir, file), cwd));
  }
  const tables = [...formats].map(
    ([table, exts]) => `${displayPath(path.join(datasetDir, 'data', table), cwd)}.${exts.length > 1 ? `{${exts.join(',')}}` : exts[0]}`,
  );
  return [...tables, ...others];
}

/** One line: errors, then warnings counted by code, e.g. "0 errors, 3 warnings (CONFLICTING_FIGURES 1, TRUNCATED 2)". */
export function findingsSummary(findings: readonly Finding[]): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const byCode = new Map<string, number>();
  for (const f of findings) if (f.severity !== 'error') byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  const counts = [...byCode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, n]) => `${code} ${n}`);
  return `${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`;
}

/** What `cablepress build` prints for one dataset: rows per table, every file written (the fact sheet last), the findings. */
export function printBuild(summary: BuildSummary, datasetDir: string, io: Io): void {
  const counts = Object.entries(summary.rows)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  io.stdout(`built ${summary.dataset} ${summary.version} from ${summary.cable_id}: ${counts}\n`);
  io.stdout('wrote:\n');
  const paths = writtenPaths(summary.files, datasetDir, io.cwd);
  for (const [i, file] of paths.entries()) io.stdout(`  ${file}${i === paths.length - 1 ? '  (fact sheet)' : ''}\n`);
  io.stdout(`findings: ${findingsSummary(summary.findings)}${summary.findings.length > 0 ? '; each is kept in validation.json:' : ''}\n`);
  for (const f of summary.findings) io.stdout(`  ${f.severity} ${f.code}: ${f.message}\n`);
}
