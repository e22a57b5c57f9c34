import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The monorepo root (tests resolve the seed dataset and the shared corpus from it). */
export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const seedCable = path.join(repoRoot, 'datasets/laos-tip-2008/source/08VIENTIANE145.txt');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');
export const corpusExtraDir = path.resolve(repoRoot, '../shared/corpus-extra');
