import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The monorepo root (tests resolve datasets and the vendored corpus (tests/cables) from it). */
export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const seedPath = path.join(repoRoot, 'datasets/laos-tip-2008/source/08VIENTIANE145.txt');
export const corpusDir = path.join(repoRoot, 'tests/cables/corpus');
export const corpusExtraDir = path.join(repoRoot, 'tests/cables/corpus-extra');
export const fixturesDir = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../fixtures');
