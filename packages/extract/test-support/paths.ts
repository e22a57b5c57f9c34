import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository's files the tests read, from the one test-utils module (tests/test-utils.ts). */
export { corpusDir, corpusExtraDir, repoRoot, seedCable as seedPath } from '../../../tests/test-utils.js';
export const fixturesDir = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../fixtures');
