import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import yazl from 'yazl';
import { afterEach, describe, expect, it } from 'vitest';
import { writeReleaseBundle } from '../release/bundle.js';
import { openPackage } from './files.js';
import { syntheticInput } from '../fixtures/rows.js';
import { scratchFolders } from '../fixtures/scratch.js';
import { verifyDataset } from './verify.js';
import { writeDataset } from '../commit/write-dataset.js';

const folders = scratchFolders();

/** A full garbage collection, so that memory figures count what is held, not garbage V8 has yet to collect. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
afterEach(folders.cleanup);

/** The files of a real bundle, with one entry swapped for `bomb` (the descriptor still declares the original size). */
async function entries(bomb: Uint8Array): Promise<{ files: [string, Buffer][]; target: string; declared: number }> {
  const dir = await folders.make();
  await writeDataset(dir, syntheticInput());
  const report = join(dir, 'sheet.pdf');
  await writeFile(report, '%PDF-1.7\n');
  const out = await folders.make();
  const bundle = await writeReleaseBundle({ datasetDir: dir, reportFile: report, outDir: out });
  const target = 'data/cables.csv';
  const files = await Promise.all(
    bundle.entries.map(async (name): Promise<[string, Buffer]> => {
      const path = name.slice(name.indexOf('/') + 1);
      return [name, path === target ? Buffer.from(bomb) : path === 'sheet.pdf' ? Buffer.from('%PDF-1.7\n') : await readFile(join(dir, path))];
    }),
  );
  return { files, target, declared: (await readFile(join(dir, target))).length };
}

async function tarGz(files: [string, Buffer][]): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => tar.on('end', resolve));
  for (const [name, content] of files) tar.entry({ name, size: content.length }, content);
  tar.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

async function zip(files: [string, Buffer][]): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  for (const [name, content] of files) archive.addBuffer(content, name, { compress: true });
  archive.end();
  const chunks: Buffer[] = [];
  for await (const chunk of archive.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('reading a release bundle', () => {
  for (const [kind, make] of [
    ['.tar.gz', tarGz],
    ['.zip', zip],
  ] as const) {
    it(`refuses a ${kind} entry that inflates past the bytes datapackage.json declares, and holds none of it`, { timeout: 60_000 }, async () => {
      const { files, target, declared } = await entries(new Uint8Array(32 * 1024 * 1024));
      const bundle = join(await folders.make(), `bomb${kind}`);
      const bytes = await make(files);
      expect(bytes.length).toBeLessThan(200_000);
      await writeFile(bundle, bytes);
      collectGarbage();
      const before = process.memoryUsage().arrayBuffers;
      await expect(openPackage(bundle)).rejects.toMatchObject({
        code: 'BUNDLE_ENTRY_SIZE',
        kind: 'input',
        message: `${target} in ${bundle} inflates to more than ${declared} bytes, the size datapackage.json declares or the cap for an undeclared file; it was not read further.`,
      });
      // inflation already under way in the thread pool may hold its buffers for a moment after the refusal
      await expect
        .poll(
          () => {
            collectGarbage();
            return process.memoryUsage().arrayBuffers - before;
          },
          { timeout: 5_000 },
        )
        .toBeLessThan(1024 * 1024);
    });

    it(`reads a normal ${kind} bundle whole, and it verifies`, async () => {
      const dir = await folders.make();
      await writeDataset(dir, syntheticInput());
      const { files } = await entries(await readFile(join(dir, 'data/cables.csv')));
      const bundle = join(await folders.make(), `ok${kind}`);
      await writeFile(bundle, await make(files));
      expect((await verifyDataset(bundle)).filter((f) => f.severity === 'error')).toEqual([]);
    });
  }
});
