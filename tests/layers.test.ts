import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

/** Every TypeScript file under a package's src/, tests included. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The @cablepress packages a package imports in its sources (static and dynamic imports, re-exports) and lists in package.json. */
function cablepressImports(pkg: string): { file: string; name: string }[] {
  const dir = path.join(repoRoot, 'packages', pkg);
  const found = sources(path.join(dir, 'src')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(@cablepress\/[a-z-]+)/g)].map((m) => ({ file: path.relative(repoRoot, file), name: m[1]! })),
  );
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const listed = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => name.startsWith('@cablepress/'));
  return [...found, ...listed.map((name) => ({ file: `packages/${pkg}/package.json`, name }))];
}

describe('package layers', () => {
  it('finds the imports it checks (the scanner works)', () => {
    expect(cablepressImports('cli').map((i) => i.name)).toContain('@cablepress/pipeline');
    expect(cablepressImports('pipeline').map((i) => i.name)).toContain('@cablepress/transform');
  });

  it.each([
    ['cli', ['@cablepress/transform'], 'the command line composes nothing itself: it calls @cablepress/pipeline'],
    [
      'core',
      [
        '@cablepress/extract',
        '@cablepress/validate',
        '@cablepress/transform',
        '@cablepress/publish',
        '@cablepress/report',
        '@cablepress/pipeline',
        '@cablepress/cli',
      ],
      'core sits under every other package',
    ],
    ['pipeline', ['@cablepress/cli'], 'the pipeline does not know the command line'],
  ])('%s does not import %j (%s)', (pkg, forbidden) => {
    expect(cablepressImports(pkg).filter((i) => forbidden.includes(i.name))).toEqual([]);
  });
});
