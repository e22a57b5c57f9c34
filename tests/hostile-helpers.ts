import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect } from 'vitest';
import { checkProvenance, runPipeline, type Tables } from './fuzz/pipeline.js';
import type { Scratch } from './commit.js';
import { cliBin, repoRoot, seedDataset, type CliResult } from './helpers.js';

export const SEED_FILE = '08VIENTIANE145.txt';
export const seedText = await readFile(path.join(seedDataset, 'source', SEED_FILE), 'utf8');

/**
 * One line of `bytes` bytes, alone and inside the seed, goes through the in-process pipeline with provenance intact
 * (or is refused as input). Every '1. ' is a figure, so the fact rows take about 50 bytes of
 * memory per byte of line: 1 MB in `npm test`, 5 MB in the slow suite. Its time is a figure of `npm run bench:timing`.
 */
export function expectLongLineRead(bytes: number): void {
  const line = 'TRAFFICKING (SBU) 1. A '.repeat(Math.ceil(bytes / 23));
  const at = seedText.indexOf('\n1. (SBU)');
  for (const text of [line, `${seedText.slice(0, at)}\n${line}${seedText.slice(at)}`]) {
    try {
      const { cable, tables } = runPipeline({ label: 'one-line.txt', text });
      checkProvenance(text, cable, tables);
    } catch (error) {
      expect((error as { kind?: string }).kind).toBe('input');
    }
  }
}

/** Makes `name` (with `bytes`) the dataset's only source cable; the seed's indicator recipe is kept only for the seed. */
export async function useSource(scratch: Scratch, name: string, bytes: Uint8Array | string): Promise<string> {
  const manifest = path.join(scratch.dir, 'package.json');
  const pkg = JSON.parse(await readFile(manifest, 'utf8')) as { cablepress: { source: string; recipe?: string } };
  pkg.cablepress.source = `source/${name}`;
  if (name !== SEED_FILE) delete pkg.cablepress.recipe;
  await writeFile(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
  await rm(path.join(scratch.dir, 'source'), { recursive: true, force: true });
  await mkdir(path.join(scratch.dir, 'source'), { recursive: true });
  const file = path.join(scratch.dir, 'source', name);
  await writeFile(file, bytes);
  return file;
}

/** sha256 of every file under `dir`, by path relative to it; folders named `.tmp` are left out when `skipTmp`. */
export async function snapshot(dir: string, skipTmp = false): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (!(skipTmp && entry.name === '.tmp')) await walk(full);
      } else {
        out[path.relative(dir, full)] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
      }
    }
  };
  await walk(dir);
  return out;
}

/** Every published text a person or a program reads: the CSVs, README, descriptor, validation report and the PDF's text. */
export async function publishedText(scratch: Scratch): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const file of Object.keys(await snapshot(scratch.dir, true))) {
    if (/\.(csv|md|json)$/.test(file) && !file.startsWith('source/') && file !== 'package.json')
      texts[file] = await readFile(path.join(scratch.dir, file), 'utf8');
  }
  if (existsSync(scratch.report)) texts.pdf = execFileSync('pdftotext', [scratch.report, '-']).toString();
  return texts;
}

/** A real 1×1 PNG: signature, IHDR, IDAT, IEND, with their CRCs. */
export function png(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The rows of every table with the offsets left out, for comparing two encodings of one cable. */
export function withoutOffsets(tables: Tables, normalizeText: (s: string) => string = (s) => s): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [
      name,
      rows.map((row) =>
        Object.fromEntries(
          Object.entries(row)
            .filter(([k]) => k !== 'char_start' && k !== 'char_end' && k !== 'source_sha256')
            .map(([k, v]) => [k, typeof v === 'string' ? normalizeText(v) : v]),
        ),
      ),
    ]),
  );
}

export function expectPersonError(result: CliResult, code: string, file: string): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const line = result.stderr.trim();
  expect(line.split('\n')).toHaveLength(1);
  expect(line.startsWith(`cablepress: ${code}: ${file}`)).toBe(true);
  expect(line).not.toMatch(/\n\s+at /);
}

/**
 * The seed's header and signature around `count` short numbered paragraphs as real cables number them ("12. (U) ..."),
 * each with a figure and a year when `figures` (so quantities and events rows are made), none otherwise: the input of
 * issue 26, whose memory grew with the number of paragraphs (100,000 of them, 5 MB: 1.3 GB).
 */
export function manyParagraphs(count: number, figures: boolean): string {
  const at = seedText.indexOf('\n1. (SBU)');
  const end = seedText.lastIndexOf('\n\nShare this cable');
  const paragraph = figures
    ? (i: number) => `${i}. (U) The ministry reported ${i % 97} cases in ${2000 + (i % 9)}.\n\n`
    : (i: number) => `${i}. (U) The ministry reported new cases in the province.\n\n`;
  return seedText.slice(0, at + 1) + Array.from({ length: count }, (_, i) => paragraph(i + 1)).join('') + seedText.slice(end);
}

/**
 * Runs the built cablepress in a child process with `nodeOptions` as its NODE_OPTIONS (which its worker threads
 * follow too; the heap cap of `npm test` is left out) and returns its exit code, output and peak resident memory in
 * MB, which the child writes into `scratchRoot` when it exits.
 */
export async function cliMeasured(args: string[], scratchRoot: string, nodeOptions = ''): Promise<CliResult & { maxRssMb: number }> {
  const rssFile = path.join(scratchRoot, 'maxrss');
  const preload = path.join(scratchRoot, 'rss.mjs');
  await writeFile(
    preload,
    `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  await rm(rssFile, { force: true });
  const result = await new Promise<CliResult>((resolve) => {
    execFile(
      process.execPath,
      ['--import', preload, cliBin, ...args],
      { cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: nodeOptions }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
  const maxRssMb = Number(await readFile(rssFile, 'utf8').catch(() => 'NaN')) / 1024;
  return { ...result, maxRssMb };
}
