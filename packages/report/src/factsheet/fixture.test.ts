import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script of the repository, without type declarations
import { fixtures } from '../../../../scripts/fixtures.mjs';

const root = path.resolve(import.meta.dirname, '../../../..');

describe('the generated fixtures', () => {
  it('are committed exactly as scripts/fixtures.mjs makes them from the published dataset (else: npm run fixtures)', async () => {
    const made = (await fixtures()) as { file: string; text: string }[];
    expect(made.map((f) => f.file)).toContain('packages/report/src/factsheet/fixtures/laos-tip-2008.json');
    for (const { file, text } of made) {
      const committed = await readFile(path.join(root, file), 'utf8').catch(() => `${file} is not committed`);
      expect(committed === text, `${file} differs from what npm run fixtures makes`).toBe(true);
    }
  });
});
