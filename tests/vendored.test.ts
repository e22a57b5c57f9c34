import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, repoRoot } from './helpers.js';

/** Files that hold code, configuration or scripts: the ones that could read a path. */
const CODE_FILE = /\.(?:[cm]?[jt]s|json|sh|ya?ml)$/;
/** Folders that hold no code of ours: dependencies, build output, the vendored cables themselves, published data. */
const SKIP = new Set(['node_modules', 'dist', '.git', '.turbo', '.tmp', 'cables', 'data', 'site', 'reports']);
/** The name of the folder of development material that sits beside the repository on a developer's machine. */
const BESIDE = 'shared';
/** A reference to that folder beside the repository or on the machine, written as a path or as segments. */
const OUTSIDE = new RegExp(
  `(?:\\.\\.|/work)/${BESIDE}\\b|['"]\\.\\.['"]\\s*,\\s*['"]${BESIDE}['"]|\\b${BESIDE}/(?:corpus|seeds|frictionless|cablemap-suite)\\b`,
);

/** Every code file of the repository, relative to its root; CI's script has no extension and is added by name. */
function codeFiles(dir = repoRoot): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : codeFiles(full);
    return CODE_FILE.test(entry.name) || full === path.join(repoRoot, '.ci/run') ? [path.relative(repoRoot, full)] : [];
  });
}

describe('the repository needs nothing beside it', () => {
  it('recognises a read of a folder beside the repository, however it is written', () => {
    const written = [
      `path.resolve(root, '../${BESIDE}/corpus')`,
      `path.join(root, '..', '${BESIDE}', 'seeds')`,
      `'/work/${BESIDE}/frictionless/2.0'`,
      `join(up, '${BESIDE}/cablemap-suite')`,
    ];
    expect(written.filter((line) => !OUTSIDE.test(line))).toEqual([]);
    expect(OUTSIDE.test("path.join(repoRoot, 'tests/cables/corpus')")).toBe(false);
    expect(OUTSIDE.test('a summary shared by the header and body readers')).toBe(false);
  });

  it('no test, script, source or config file refers to the folder beside the repository', () => {
    const files = codeFiles();
    expect(files).toContain(path.join('tests', 'helpers.ts'));
    expect(files).toContain(path.join('.ci', 'run'));
    const offenders = files.filter((file) => OUTSIDE.test(readFileSync(path.join(repoRoot, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe.each(['corpus', 'corpus-extra'])('the vendored cables of tests/cables/%s', (name) => {
  const dir = path.join(path.dirname(corpusDir), name);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { file: string; source: { repo: string; commit: string } }[];

  it('are exactly the files their manifest lists, each with the repository and commit it was copied from', () => {
    const cables = readdirSync(dir)
      .filter((file) => /\.(?:txt|html)$/.test(file))
      .sort();
    expect(cables.length).toBeGreaterThan(20);
    expect(manifest.map((entry) => entry.file).sort()).toEqual(cables);
    expect(manifest.filter((entry) => !entry.source.repo || !/^[0-9a-f]{40}$/.test(entry.source.commit))).toEqual([]);
  });
});
