import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBin, repoRoot, scratchFolder } from './helpers.js';

/** Whether this machine lets a test mount file systems in its own mount namespace (CI runs as root). */
function canUnshare(): boolean {
  try {
    execFileSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs /mnt'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const unshare = canUnshare();
const SKIPPED = unshare ? '' : ' (SKIPPED: this machine does not allow `unshare -m` and mount, so no real fault can be made)';

/**
 * Runs `command` in a new mount namespace where `<root>/m` is a tmpfs holding a repository with the seed dataset (its
 * sources only, or `built` with its data, fact sheet and an older site page), then shrunk to `freeKb` free bytes and
 * `freeInodes` free inodes (or the dataset folder bind-mounted read-only). `after` lists the dataset folder, `temps`
 * every file or folder left with a temporary name anywhere, `tree` every file under the repository, `siteIndex` the site's catalog page, `lock` its package-lock.json.
 */
async function underFault(
  fault: { freeKb: number; freeInodes: number; readOnly?: boolean; built?: boolean },
  command: string,
): Promise<{ code: number; stderr: string; after: string; temps: string; tree: string; siteIndex: string; lock: string }> {
  const root = await scratchFolder('fault');
  const seed = path.join(root, 'seed');
  await mkdir(path.join(seed, 'datasets'), { recursive: true });
  await writeFile(path.join(seed, 'package.json'), JSON.stringify({ private: true, workspaces: ['datasets/*'] }));
  await writeFile(path.join(seed, 'package-lock.json'), SEED_LOCK);
  await cp(path.join(repoRoot, 'datasets/laos-tip-2008'), path.join(seed, 'datasets/laos-tip-2008'), {
    recursive: true,
    filter: (src) => fault.built === true || !/\/(data|datapackage\.json|README\.md|LICENSE\.md|CITATION\.cff|validation\.json|releases\.json)$/.test(src),
  });
  if (fault.built) {
    await cp(path.join(repoRoot, 'reports/laos-tip-2008'), path.join(seed, 'reports/laos-tip-2008'), { recursive: true });
    await mkdir(path.join(seed, 'site'));
    await writeFile(path.join(seed, 'site/index.html'), OLD_SITE);
  }
  const m = path.join(root, 'm');
  await mkdir(m);
  const script = [
    'set -e',
    `mount -t tmpfs -o size=64m,nr_inodes=100000 tmpfs ${m}`,
    `cp -r ${seed}/. ${m}/`,
    `used=$(df -k --output=used ${m} | tail -1); mount -o remount,size=$((used + ${fault.freeKb}))k ${m}`,
    `inodes=$(df -i ${m} | tail -1 | awk '{print $3}'); mount -o remount,nr_inodes=$((inodes + ${fault.freeInodes})) ${m}`,
    fault.readOnly ? `mount --bind -o ro ${m}/datasets/laos-tip-2008 ${m}/datasets/laos-tip-2008` : 'true',
    `cd ${m}`,
    'set +e',
    `"${process.execPath}" "${cliBin}" ${command} 2>${root}/stderr; echo $? > ${root}/code`,
    `ls -A ${m}/datasets/laos-tip-2008 > ${root}/after`,
    `(cd ${m} && find . -name '*tmp*' > ${root}/temps && find . -type f | sort > ${root}/tree && cat package-lock.json > ${root}/lock && (cat site/index.html > ${root}/site-index 2>/dev/null || true))`,
  ].join('\n');
  const run = spawnSync('unshare', ['-m', 'sh', '-c', script], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const read = (name: string) => execFileSync('cat', [path.join(root, name)], { encoding: 'utf8' });
  return {
    code: Number(read('code')),
    stderr: read('stderr'),
    after: read('after'),
    temps: read('temps'),
    tree: read('tree'),
    siteIndex: read('site-index'),
    lock: read('lock'),
  };
}

const SEED_LOCK = `${JSON.stringify({ name: 'seed', lockfileVersion: 3, requires: true, packages: { '': { workspaces: ['datasets/*'] } } }, null, 2)}\n`;
const OLD_SITE = '<!doctype html><title>the site as it was</title>\n';

type FaultResult = Awaited<ReturnType<typeof underFault>>;

/**
 * Runs `command` with each of `levels` KB free: every run ends in a typed DISK_FULL (exit 2, one line, no stack),
 * then `full` checks what it left, or has room enough, then `done` checks it; never INTERNAL, never a temporary file
 * left; and at least one level is too full.
 */
async function atFillLevels(
  levels: readonly number[],
  fault: Omit<Parameters<typeof underFault>[0], 'freeKb'>,
  command: string,
  check: { full?: (result: FaultResult, freeKb: number) => void; done?: (result: FaultResult) => void },
): Promise<void> {
  let failed = 0;
  for (const freeKb of levels) {
    const result = await underFault({ ...fault, freeKb }, command);
    expect(result.stderr).not.toMatch(/INTERNAL|\n\s+at /);
    expect(result.temps, 'files left under a temporary name').toBe('');
    if (result.code === 0) {
      check.done?.(result);
      continue;
    }
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^cablepress: DISK_FULL: \S+: .*could not be written: the disk is full \(ENOSPC\)/);
    failed++;
    check.full?.(result, freeKb);
  }
  expect(failed).toBeGreaterThan(0);
}

describe(`real faults in a mount namespace${SKIPPED}`, () => {
  it.skipIf(!unshare).each([0, 50, 400])('a full disk (%i KB free) is DISK_FULL naming the file, and leaves nothing staged', async (freeKb) => {
    const result = await underFault({ freeKb, freeInodes: 1000 }, 'build datasets/laos-tip-2008 --quiet');
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^cablepress: DISK_FULL: \S+: .*could not be written: the disk is full \(ENOSPC\)/);
    expect(result.stderr).not.toMatch(/INTERNAL|\n\s+at /);
    expect(result.after.split('\n').filter(Boolean)).toEqual(['CHANGELOG.md', 'indicators.json', 'package.json', 'source']);
  });

  it.skipIf(!unshare)('no free inode (mkdir fails inside a recursive mkdir) is DISK_FULL, not INTERNAL ENOENT', async () => {
    const result = await underFault({ freeKb: 5000, freeInodes: 2 }, 'build datasets/laos-tip-2008 --quiet');
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^cablepress: DISK_FULL: /);
    expect(result.stderr).not.toMatch(/INTERNAL|ENOENT|\n\s+at /);
  });

  it.skipIf(!unshare)('a read-only bind mount of the dataset folder is DATASET_READONLY naming the folder', async () => {
    const result = await underFault({ freeKb: 5000, freeInodes: 1000, readOnly: true }, 'build datasets/laos-tip-2008 --quiet');
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^cablepress: DATASET_READONLY: .*laos-tip-2008.*\(EROFS\)/);
  });

  it.skipIf(!unshare).each(['--jobs 2', '--jobs 1 --partition year'])(
    'corpus mode (%s) on a full disk at any fill level: DISK_FULL or done, never exit 70, nothing staged left',
    async (flags) => {
      const noStaging = (result: FaultResult, freeKb?: number) => expect(result.tree, `${freeKb} KB free`).not.toMatch(/corpus-out\/\.tmp/);
      await atFillLevels(
        [0, 5, 30, 100, 300, 600, 8000],
        { freeInodes: 1000 },
        `build --corpus datasets/laos-tip-2008/source --out corpus-out ${flags} --quiet`,
        {
          full: noStaging,
          done: noStaging,
        },
      );
    },
  );

  it.skipIf(!unshare)('release on a full disk: DISK_FULL or done, never a .tar.gz without its .zip and SHA256SUMS', async () => {
    const released = (result: FaultResult) => result.tree.split('\n').filter((f) => f.startsWith('./releases/'));
    await atFillLevels([0, 40, 300, 450, 4000], { freeInodes: 1000, built: true }, 'release datasets/laos-tip-2008 --skip-rebuild', {
      full: (result, freeKb) => expect(released(result), `${freeKb} KB free`).toEqual([]),
      done: (result) =>
        expect(released(result)).toEqual(['./releases/SHA256SUMS', './releases/laos-tip-2008-2.0.0.tar.gz', './releases/laos-tip-2008-2.0.0.zip']),
    });
  });

  it.skipIf(!unshare)('site on a full disk: DISK_FULL naming the file in the site (not a staged copy), and the site as it was', async () => {
    const site = (result: FaultResult) => result.tree.split('\n').filter((f) => f.startsWith('./site/'));
    await atFillLevels([0, 300, 800, 2000, 6000], { freeInodes: 1000, built: true }, 'site', {
      full: (result, freeKb) => {
        expect(result.stderr).toMatch(/^cablepress: DISK_FULL: \S+\/site\/(index\.html|laos-tip-2008\/)/);
        expect(site(result), `${freeKb} KB free`).toEqual(['./site/index.html']);
        expect(result.siteIndex).toBe(OLD_SITE);
      },
      done: (result) => expect(site(result)).toContain('./site/laos-tip-2008/index.html'),
    });
  });

  it.skipIf(!unshare)('init on a full disk: DISK_FULL, and no half-made dataset folder or package-lock change', async () => {
    const made = (result: FaultResult) => result.tree.split('\n').filter((f) => f.startsWith('./datasets/other-tip/') || f.startsWith('./reports/other-tip/'));
    await atFillLevels([0, 4, 50, 400, 8000], { freeInodes: 1000 }, 'init datasets/laos-tip-2008/source/08VIENTIANE145.txt --name other-tip', {
      full: (result, freeKb) => {
        expect(made(result), `${freeKb} KB free`).toEqual([]);
        expect(result.lock, `${freeKb} KB free`).toBe(SEED_LOCK);
      },
      done: (result) => expect(made(result)).toContain('./datasets/other-tip/datapackage.json'),
    });
  });
});
