import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect } from 'vitest';
import { checkProvenance, runPipeline, type Tables } from './fuzz/pipeline.js';
import type { Scratch } from './commit.js';
import { seedDataset, type CliResult } from './helpers.js';

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
