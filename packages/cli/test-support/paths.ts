/** The repository's files the tests read and its scratch folders, from the one test-utils module (tests/test-utils.ts). */
export { corpusDir, corpusExtraDir, repoRoot, scratchFolder, seedCable } from '../../../tests/test-utils.js';
