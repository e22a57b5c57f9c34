import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliBin, scratchDataset } from './helpers.js';
import { expectLongLineRead, SEED_FILE, seedText } from './hostile-helpers.js';

describe('a cable far above any real one', () => {
  it('a 5 MB single line, alone or inside a real cable, is read in bounded time', () => {
    expectLongLineRead(5_000_000);
  });

  it('is refused before it is read when it is above the cap (16 MB by default)', async () => {
    const scratch = await scratchDataset();
    await writeFile(path.join(scratch.dir, 'source', SEED_FILE), seedText.padEnd(17 * 1024 * 1024, ' '));
    const result = await cli(['build', scratch.dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^cablepress: INPUT_TOO_LARGE: .*08VIENTIANE145\.txt: the file has \d+ bytes, more than the 16777216 an input may have; it was not read\./,
    );
  });

  it('a 50 MB cable under a raised cap ends in bounded time and memory: refused by the line cap before its memory is spent', { timeout: 900_000 }, async () => {
    const scratch = await scratchDataset();
    const at = seedText.indexOf('\n1. (SBU)');
    const end = seedText.lastIndexOf('\n\n', seedText.length - 200);
    const body = seedText.slice(at, end);
    const big = seedText.slice(0, at) + body.repeat(Math.ceil(50_000_000 / body.length)) + seedText.slice(end);
    expect(big.length).toBeGreaterThan(50_000_000);
    await writeFile(path.join(scratch.dir, 'source', SEED_FILE), big);
    const rssFile = path.join(scratch.root, 'maxrss');
    const preload = path.join(scratch.root, 'rss.mjs');
    await writeFile(
      preload,
      `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
    );
    const budgetMs = 50 * (big.length / 10_240);
    const start = performance.now();
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', preload, cliBin, 'build', '--quiet', '--max-input-mb', '64', scratch.dir], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), budgetMs);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });
    const seconds = (performance.now() - start) / 1000;
    const maxRssMb = Number(await readFile(rssFile, 'utf8').catch(() => 'NaN')) / 1024;
    console.log(`50 MB cable: exit ${result.code} in ${seconds.toFixed(1)} s (bound ${(budgetMs / 1000).toFixed(0)} s), max RSS ${maxRssMb.toFixed(0)} MB`);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^cablepress: INPUT_TOO_MANY_LINES: /);
    expect(maxRssMb).toBeLessThan(1024);
  });
});
