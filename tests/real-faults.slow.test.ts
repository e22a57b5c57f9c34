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
 * Runs `command` in a new mount namespace where `<root>/m` is a tmpfs holding a repository with the seed dataset, then
 * shrunk to `freeKb` free bytes and `freeInodes` free inodes (or the dataset folder bind-mounted read-only).
 */
async function underFault(
  fault: { freeKb: number; freeInodes: number; readOnly?: boolean },
  command: string,
): Promise<{ code: number; stderr: string; after: string }> {
  const root = await scratchFolder('fault');
  const seed = path.join(root, 'seed');
  await mkdir(path.join(seed, 'datasets'), { recursive: true });
  await writeFile(path.join(seed, 'package.json'), JSON.stringify({ private: true, workspaces: ['datasets/*'] }));
  await cp(path.join(repoRoot, 'datasets/laos-tip-2008'), path.join(seed, 'datasets/laos-tip-2008'), {
    recursive: true,
    filter: (src) => !/\/(data|datapackage\.json|README\.md|LICENSE\.md|CITATION\.cff|validation\.json|releases\.json)$/.test(src),
  });
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
  ].join('\n');
  const run = spawnSync('unshare', ['-m', 'sh', '-c', script], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const read = (name: string) => execFileSync('cat', [path.join(root, name)], { encoding: 'utf8' });
  return { code: Number(read('code')), stderr: read('stderr'), after: read('after') };
}

describe(`real faults in a mount namespace${SKIPPED}`, () => {
  it.skipIf(!unshare).each([50, 400])('a full disk (%i KB free) is DISK_FULL naming the file, and leaves nothing staged', async (freeKb) => {
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

  it.skipIf(!unshare)('corpus mode on a full disk is a typed error, not exit 70', async () => {
    const result = await underFault({ freeKb: 300, freeInodes: 1000 }, `build --corpus datasets/laos-tip-2008/source --out corpus-out --jobs 1 --quiet`);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^cablepress: DISK_FULL: /);
    expect(result.stderr).not.toMatch(/INTERNAL|\n\s+at /);
  });
});
