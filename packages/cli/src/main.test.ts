import { InputError } from '@cablepress/core';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../test-support/paths.js';
import { reportError } from './errors.js';
import { main } from './main.js';
import type { Io } from './io.js';

function captureIo(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd: process.cwd(), env: {} };
}

describe('cablepress main', () => {
  it('prints the commands and exit codes for help', async () => {
    const io = captureIo();
    expect(await main(['help'], io)).toBe(0);
    expect(io.out.join('')).toMatch(/build .*validate .*diff .*release/s);
    expect(io.out.join('')).toContain('2 bad input or usage');
  });

  it('refuses an unknown command with exit code 2 and one sentence', async () => {
    const io = captureIo();
    expect(await main(['publish-everything'], io)).toBe(2);
    expect(io.err.join('')).toBe('cablepress: USAGE: unknown command "publish-everything". Run `cablepress help` to see the commands and their options.\n');
  });

  it('reports a missing dataset folder as bad input naming the file', async () => {
    const io = captureIo();
    expect(await main(['build', '/nonexistent/laos'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/^cablepress: DATASET_MISSING: \/nonexistent\/laos\/package\.json: there is no dataset package\.json here\./);
  });

  it('gives the same error as JSON with --json', async () => {
    const io = captureIo();
    expect(await main(['build', '/nonexistent/laos', '--json'], io)).toBe(2);
    const body = JSON.parse(io.out.join(''));
    expect(body).toMatchObject({
      ok: false,
      exitCode: 2,
      error: { kind: 'input', code: 'DATASET_MISSING', location: { file: '/nonexistent/laos/package.json' } },
    });
  });
});

describe('reportError', () => {
  it('names the line and column when the error has them', () => {
    const io = captureIo();
    const code = reportError(new InputError('NOT_A_CABLE', 'no cable header found.', { file: 'a.txt', line: 3, column: 7 }, 'Give a cable file.'), io, false);
    expect(code).toBe(2);
    expect(io.err.join('')).toBe('cablepress: NOT_A_CABLE: a.txt: line 3, column 7: no cable header found. Give a cable file.\n');
  });

  it('treats an unexpected exception as an internal error with exit code 70', () => {
    const io = captureIo();
    expect(reportError(new TypeError('boom'), io, false)).toBe(70);
    expect(io.err.join('')).toContain('INTERNAL');
  });
});

describe('dataset manifest', () => {
  it('refuses a fact sheet path outside the reports folder', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const root = await scratchFolder('manifest');
    const dir = path.join(root, 'datasets', 'escape');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'package.json'),
      JSON.stringify({ version: '0.1.0', description: 'Escape attempt.', cablepress: { source: 'source/x.txt', report: '../../../../etc/cron.daily/x.pdf' } }),
    );
    const io = captureIo();
    expect(await main(['build', dir], io)).toBe(2);
    expect(io.err.join('')).toMatch(
      /^cablepress: DATASET_INVALID: .*package\.json: cablepress\.report: "cablepress\.report" must name a \.pdf file inside .* or the dataset folder, not /,
    );
  });
});
