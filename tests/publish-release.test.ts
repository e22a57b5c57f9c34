import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess as cli, scratchDataset } from './helpers.js';

describe('releasing the seed dataset with the cablepress binary', () => {
  let scratch: Awaited<ReturnType<typeof scratchDataset>>;
  const releases = () => path.join(scratch.root, 'releases');
  let version: string;
  let bundle: string;

  beforeAll(async () => {
    scratch = await scratchDataset();
    version = JSON.parse(await readFile(path.join(scratch.dir, 'package.json'), 'utf8')).version;
    bundle = `laos-tip-2008-${version}`;
    const built = await cli(['build', scratch.dir, '--quiet']);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
  });
  afterAll(() => rm(scratch.root, { recursive: true, force: true }));

  it('validates, releases byte-identical bundles twice and records the release', async () => {
    expect(await cli(['validate', scratch.dir])).toMatchObject({ code: 0, stdout: `${scratch.dir}: valid.\n` });
    const first = await cli(['release', scratch.dir, '--out', releases()]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const sums = await readFile(path.join(releases(), 'SHA256SUMS'), 'utf8');
    expect(sums).toMatch(new RegExp(`^[0-9a-f]{64} {2}${bundle.replace(/\./g, '\\.')}\\.tar\\.gz\n[0-9a-f]{64} {2}${bundle.replace(/\./g, '\\.')}\\.zip\n$`));
    const other = path.join(scratch.root, 'releases-again');
    expect((await cli(['release', scratch.dir, '--out', other, '--skip-rebuild'])).code).toBe(0);
    expect(await readFile(path.join(other, 'SHA256SUMS'), 'utf8')).toBe(sums);
    const log = JSON.parse(await readFile(path.join(scratch.dir, 'releases.json'), 'utf8'));
    expect(log.releases).toHaveLength(1);
    expect(log.releases[0]).toMatchObject({ version, report: { file: 'laos-tip-2008-fact-sheet.pdf' } });
    expect(await cli(['validate', path.join(releases(), `${bundle}.tar.gz`)])).toMatchObject({ code: 0 });
    const diff = await cli(['diff', path.join(releases(), `${bundle}.zip`), scratch.dir, '--check']);
    expect(diff).toMatchObject({ code: 0 });
    expect(diff.stdout).toContain('no changes to data or metadata');
  });

  it('refuses a release when a data file was edited by hand', async () => {
    const backup = path.join(scratch.root, 'backup');
    await cp(scratch.dir, backup, { recursive: true });
    try {
      const file = path.join(scratch.dir, 'data/tags.csv');
      await writeFile(file, (await readFile(file, 'utf8')).replace('KCRM', 'KCRX'));
      const validate = await cli(['validate', scratch.dir]);
      expect(validate.code).toBe(1);
      expect(validate.stderr).toContain('error RESOURCE_HASH: data/tags.csv does not match its sha256 in datapackage.json');
      const release = await cli(['release', scratch.dir, '--out', releases()]);
      expect(release.code).toBe(1);
      expect(release.stderr).toMatch(/^cablepress: DRIFT_TAMPERED: .*data\/tags\.csv does not match its sha256/);
    } finally {
      await rm(scratch.dir, { recursive: true, force: true });
      await cp(backup, scratch.dir, { recursive: true });
    }
  });

  it('validate compares the fact sheet with releases.json too: a replaced fact sheet alone is DRIFT_UNVERSIONED', async () => {
    const report = await readFile(scratch.report);
    try {
      await writeFile(scratch.report, Buffer.concat([report, Buffer.from('\n% changed\n')]));
      const validate = await cli(['validate', scratch.dir]);
      expect(validate.code).toBe(1);
      expect(validate.stderr).toContain(
        `error DRIFT_UNVERSIONED: files changed since release ${version} was recorded, but the version still says ${version}: laos-tip-2008-fact-sheet.pdf`,
      );
    } finally {
      await writeFile(scratch.report, report);
    }
  });

  it('refuses a release when the files changed but the version still names the recorded release', async () => {
    const backup = path.join(scratch.root, 'backup-2');
    await cp(scratch.dir, backup, { recursive: true });
    const report = await readFile(scratch.report);
    try {
      const changelog = path.join(scratch.dir, 'CHANGELOG.md');
      await writeFile(changelog, `${await readFile(changelog, 'utf8')}\n- A change described after the release.\n`);
      expect((await cli(['build', scratch.dir, '--quiet'], { env: { SOURCE_DATE_EPOCH: '1300000000' } })).code).toBe(0);
      const validate = await cli(['validate', scratch.dir]);
      expect(validate.code).toBe(1);
      expect(validate.stderr).toContain(
        `error DRIFT_UNVERSIONED: files changed since release ${version} was recorded, but the version still says ${version}: CHANGELOG.md, README.md`,
      );
      const release = await cli(['release', scratch.dir, '--out', releases()]);
      expect(release.code).toBe(1);
      expect(release.stderr).toMatch(
        /^cablepress: DRIFT_UNVERSIONED: .*files changed since release .* was recorded, but the version still says .*: CHANGELOG\.md, README\.md\. /,
      );
    } finally {
      await rm(scratch.dir, { recursive: true, force: true });
      await cp(backup, scratch.dir, { recursive: true });
      await writeFile(scratch.report, report);
    }
  });
});
