import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, scratchDataset, scratchFolder } from './helpers.js';
import { cliMeasured, manyParagraphs, seedText, useSource } from './hostile-helpers.js';

/*
 * Issue 26: memory grew with the number of paragraphs, not the bytes (200,000 short paragraphs, 12 MB: 2.5 GB). Every
 * input the 16 MB cap admits must now build, or be refused with a typed error, in under 1 GB of peak resident memory,
 * in single and corpus mode, and write bytes in proportion to its own. The cases are the worst found for each thing
 * that costs memory: paragraphs, lines, facts, one paragraph or one sentence of 16 MB, a page of 250,000 lines.
 */
const MAX_RSS_MB = 1024;
const CAP = 16 * 1024 * 1024;

const at = seedText.indexOf('\n1. (SBU)');
const end = seedText.lastIndexOf('\n\nShare this cable');
const around = (body: string): string => seedText.slice(0, at + 1) + body + seedText.slice(end);
const fill = (unit: string, room: number): string => unit.repeat(Math.floor(room / Buffer.byteLength(unit)));
const room = CAP - Buffer.byteLength(around('')) - 1024;

const page = await readFile(path.join(corpusDir, '10SANAA295.html'), 'utf8');
const pre = page.lastIndexOf('</pre>');

const figures = 'The police investigated 38 cases of trafficking, resulting in 23 arrests. ';
const prose =
  'Victims are often reluctant to come forward because they fear being seen as illegal migrants by the authorities, and the government has not yet set up a system to refer them to shelters run by the women union or by other groups. ';

const cases: { name: string; file: string; text: () => string; refused?: string }[] = [
  { name: '200,000 short paragraphs with figures', file: 'paragraphs.txt', text: () => manyParagraphs(200_000, true), refused: 'INPUT_TOO_MANY_LINES' },
  { name: '120,000 short paragraphs with figures', file: 'numbered.txt', text: () => manyParagraphs(120_000, true), refused: 'INPUT_TOO_MANY_PARAGRAPHS' },
  {
    name: '1.4 million paragraphs of one word',
    file: 'tiny.txt',
    text: () => around(Array.from({ length: 1_400_000 }, (_, i) => `${i + 1}. x\n\n`).join('')),
    refused: 'INPUT_TOO_MANY_LINES',
  },
  { name: 'one paragraph of 16 MB', file: 'words.txt', text: () => around(`1. (U) ${fill('The ministry reported new cases in the province. ', room)}\n`) },
  { name: 'one sentence of 16 MB', file: 'sentence.txt', text: () => around(`1. (U) The ministry ${fill(', ', room)}.\n`) },
  {
    name: '250,000 lines of one paragraph',
    file: 'lines.txt',
    text: () => around(`1. (U) The ministry\n${fill('reported new cases in the province, and the government has not yet set\n', room)}`),
  },
  {
    name: 'a page of 250,000 lines',
    file: 'page.html',
    text: () => page.slice(0, pre) + fill('reported new cases in the province, and the government has not&#x000A;', room - page.length) + page.slice(pre),
  },
  {
    name: "the seed's text in one paragraph of 16 MB (its figures, dates and organizations 250 times)",
    file: 'prose.txt',
    text: () => around(`1. (SBU) ${fill(`${seedText.slice(at + 1, end).replace(/\s+/g, ' ')}\n`, room)}`),
    refused: 'INPUT_TOO_MANY_FACTS',
  },
  {
    name: '9,700 long paragraphs with figures',
    file: 'long.txt',
    text: () => around(Array.from({ length: 9_700 }, (_, i) => `${i + 1}. (SBU) ${figures}${prose.repeat(7)}\n\n`).join('')),
  },
];

/** Bytes of every file under `dir`, but the inputs of a dataset (source/, package.json, CHANGELOG.md). */
async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (entry.isFile() && !rel.split(path.sep).includes('source') && !['package.json', 'CHANGELOG.md'].includes(entry.name))
      total += (await stat(path.join(dir, rel))).size;
  }
  return total;
}

describe.each(cases)('$name', ({ file, text, refused }) => {
  const input = text();
  const bytes = Buffer.byteLength(input);

  it('is built or refused in under 1 GB, writing bytes in proportion (single build)', async () => {
    expect(bytes).toBeLessThanOrEqual(CAP);
    const scratch = await scratchDataset('laos-tip-2008', 'memory-slow');
    await useSource(scratch, file, input);
    const result = await cliMeasured(['build', '--quiet', scratch.dir], scratch.root);
    const written = (await bytesUnder(scratch.dir)) + (await bytesUnder(path.dirname(scratch.report)).catch(() => 0));
    console.log(`${file} (${bytes} bytes), single: exit ${result.code}, max RSS ${result.maxRssMb.toFixed(0)} MB, ${written} bytes written`);
    if (refused) {
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^cablepress: ${refused}: `));
    } else {
      expect(result.code, result.stderr).toBe(0);
    }
    expect(result.maxRssMb).toBeLessThan(MAX_RSS_MB);
    expect(written).toBeLessThan(8 * bytes + 2 * 1024 * 1024);
  });

  it('is built or listed in failures.json in under 1 GB, writing bytes in proportion (corpus build)', async () => {
    const root = await scratchFolder('memory-slow');
    const cables = path.join(root, 'cables');
    await mkdir(cables);
    await cp(path.join(corpusDir, '09CAIRO1222.txt'), path.join(cables, '09CAIRO1222.txt'));
    await writeFile(path.join(cables, file), input);
    const out = path.join(root, 'out');
    const result = await cliMeasured(['build', '--corpus', cables, '--out', out, '--quiet'], root);
    const written = await bytesUnder(out);
    console.log(`${file} (${bytes} bytes), corpus: exit ${result.code}, max RSS ${result.maxRssMb.toFixed(0)} MB, ${written} bytes written`);
    const report = JSON.parse(await readFile(path.join(out, 'failures.json'), 'utf8')) as { failures: { file: string; code: string }[] };
    expect(result.code, result.stderr).toBe(refused ? 3 : 0);
    expect(report.failures.map((f) => [f.file, f.code])).toEqual(refused ? [[file, refused]] : []);
    expect(result.maxRssMb).toBeLessThan(MAX_RSS_MB);
    expect(written).toBeLessThan(8 * bytes + 2 * 1024 * 1024);
  });
});
