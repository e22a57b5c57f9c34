import { execFile, execFileSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliBin, scratchFolder, seedDataset } from './helpers.js';

const SEED = path.join(seedDataset, 'source/08VIENTIANE145.txt');

/** A corpus folder holding the seed cable, and an empty --out folder beside it. */
async function seedCorpus(): Promise<{ cables: string; out: string }> {
  const root = await scratchFolder('corpus-inputs');
  const cables = path.join(root, 'cables');
  await mkdir(cables);
  await cp(SEED, path.join(cables, '08VIENTIANE145.txt'));
  const out = path.join(root, 'out');
  await mkdir(out);
  return { cables, out };
}

describe('corpus mode with inputs a person can get wrong', () => {
  it('lists symbolic links, FIFOs and devices in failures.json instead of reading or dropping them', async () => {
    const root = await scratchFolder('corpus-inputs');
    const cables = path.join(root, 'cables');
    await mkdir(cables);
    await cp(SEED, path.join(cables, '08VIENTIANE145.txt'));
    await symlink('/dev/zero', path.join(cables, 'zero.txt'));
    await symlink('/etc/passwd', path.join(cables, 'passwd.txt'));
    execFileSync('mkfifo', [path.join(cables, 'pipe.txt')]);
    const out = path.join(root, 'out');
    const result = await cli(['build', '--corpus', cables, '--out', out, '--jobs', '1', '--quiet']);
    expect(result.code, result.stderr).toBe(3);
    const report = JSON.parse(await readFile(path.join(out, 'failures.json'), 'utf8')) as {
      cables: number;
      failures: { file: string; code: string; message: string }[];
    };
    expect(report.cables).toBe(1);
    expect(report.failures.map((f) => [f.file, f.code]).sort()).toEqual([
      ['passwd.txt', 'INPUT_NOT_FILE'],
      ['pipe.txt', 'INPUT_NOT_FILE'],
      ['zero.txt', 'INPUT_NOT_FILE'],
    ]);
    expect(JSON.stringify(report)).not.toContain('root:');
  });

  it('lists a file above --max-input-mb as INPUT_TOO_LARGE without reading it', async () => {
    const root = await scratchFolder('corpus-inputs');
    const cables = path.join(root, 'cables');
    await mkdir(cables);
    await cp(SEED, path.join(cables, '08VIENTIANE145.txt'));
    await writeFile(path.join(cables, 'big.txt'), (await readFile(SEED, 'utf8')).repeat(8));
    const out = path.join(root, 'out');
    const result = await cli(['build', '--corpus', cables, '--out', out, '--jobs', '1', '--quiet', '--max-input-mb', '0.1']);
    expect(result.code, result.stderr).toBe(3);
    const report = JSON.parse(await readFile(path.join(out, 'failures.json'), 'utf8')) as {
      cables: number;
      failures: { file: string; code: string; message: string }[];
    };
    expect(report.cables).toBe(1);
    expect(report.failures).toEqual([
      {
        file: 'big.txt',
        code: 'INPUT_TOO_LARGE',
        message: expect.stringMatching(/^the file has \d+ bytes, more than the 104857 an input may have; it was not read\.$/),
      },
    ]);
  });

  it('refuses a SOURCE_DATE_EPOCH past the end of dates before writing anything: no lock, no staging folder', async () => {
    const { cables, out } = await seedCorpus();
    const result = await cli(['build', '--corpus', cables, '--out', out, '--jobs', '1'], { env: { SOURCE_DATE_EPOCH: '9999999999999999' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cablepress: SOURCE_DATE_EPOCH: /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses an --out package.json whose title is longer than it may be, or that is not an object, before writing anything (issue 26)', async () => {
    const { cables, out } = await seedCorpus();
    for (const [pkg, expected] of [
      [
        JSON.stringify({ version: '0.1.0', cablepress: { title: 'T'.repeat(100_000) } }),
        /^cablepress: PACKAGE_FIELD_TOO_LONG: .*\/out\/package\.json: cablepress\.title: package\.json "cablepress\.title" has 100000 characters, more than the 1000 /,
      ],
      ['null', /^cablepress: DATASET_INVALID: .*\/out\/package\.json: package\.json is not a JSON object\. /],
    ] as const) {
      await writeFile(path.join(out, 'package.json'), pkg);
      const result = await cli(['build', '--corpus', cables, '--out', out, '--jobs', '1', '--quiet']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(expected);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(await readdir(out)).toEqual(['package.json']);
    }
  });

  it('runs its workers when node itself was given a heap flag a worker refuses (--max-old-space-size)', async () => {
    const { cables, out } = await seedCorpus();
    const result = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        ['--max-old-space-size=1024', cliBin, 'build', '--corpus', cables, '--out', out, '--jobs', '2', '--quiet'],
        (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
      ),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(await readdir(out)).toContain('datapackage.json');
  });
});
