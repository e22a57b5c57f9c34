import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeDataset } from '@cablepress/publish';
import { syntheticInput } from '../packages/publish/src/fixtures/rows.js';
import { repoRoot, scratchFolder, seedDataset } from './helpers.js';

const run = promisify(execFile);

describe('npm pack of a dataset package', () => {
  it('packs the published files, and a scratch project loads them with apache-arrow', async () => {
    const root = await scratchFolder('pack');
    // The seed dataset's package.json (its name, version and "files"), with synthetic rows instead of the real build.
    const dir = path.join(root, 'laos-tip-2008');
    await mkdir(dir);
    await cp(path.join(seedDataset, 'package.json'), path.join(dir, 'package.json'));
    await cp(path.join(seedDataset, 'source'), path.join(dir, 'source'), { recursive: true });
    await writeFile(path.join(dir, 'CHANGELOG.md'), '# changelog\n');
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
    await writeDataset(dir, { ...syntheticInput(), version: pkg.version });

    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', root], { cwd: dir });
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    const files = packed!.files.map((f) => f.path).sort();
    expect(files).toContain('datapackage.json');
    expect(files).toContain('data/cables.arrow');
    expect(files).toContain('data/indicators.parquet');
    expect(files).toContain('README.md');
    expect(files).toContain('CHANGELOG.md');
    expect(files.some((f) => f.startsWith('source/'))).toBe(true);
    expect(files.some((f) => f.startsWith('.tmp'))).toBe(false);

    const project = path.join(root, 'consumer');
    const installed = path.join(project, 'node_modules', ...pkg.name.split('/'));
    await mkdir(installed, { recursive: true });
    await run('tar', ['-xzf', path.join(root, packed!.filename), '-C', installed, '--strip-components=1']);
    await symlink(path.join(repoRoot, 'node_modules/apache-arrow'), path.join(project, 'node_modules/apache-arrow'), 'dir');
    await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await writeFile(
      path.join(project, 'load.js'),
      `
      import { readFileSync } from 'node:fs';
      import { createRequire } from 'node:module';
      import { tableFromIPC } from 'apache-arrow';
      const require = createRequire(import.meta.url);
      const root = require.resolve(${JSON.stringify(`${pkg.name}/package.json`)}).replace(/package\\.json$/, '');
      const descriptor = JSON.parse(readFileSync(root + 'datapackage.json', 'utf8'));
      const out = {};
      for (const r of descriptor.resources.filter((r) => r.format === 'arrow')) out[r.name] = tableFromIPC(readFileSync(root + r.path)).numRows;
      const cables = tableFromIPC(readFileSync(root + 'data/cables.arrow'));
      console.log(JSON.stringify({ version: descriptor.version, rows: out, cable: cables.get(0).toJSON().cable_id }));
    `,
    );
    const loaded = JSON.parse((await run(process.execPath, ['load.js'], { cwd: project })).stdout);
    expect(loaded).toEqual({
      version: pkg.version,
      cable: '08TESTPOST145',
      rows: Object.fromEntries(Object.entries(syntheticInput().tables).map(([name, rows]) => [`${name}-arrow`, rows.length])),
    });
  });
});
