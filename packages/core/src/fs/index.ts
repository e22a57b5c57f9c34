export { entryKind, LIMITS, readChangelog, readDatasetFile, readInside, readReport, readTextInside, tooLarge, type ReadBound } from './read-inside.js';
export { makeDirs } from './make-dirs.js';
export { writeFailure } from './write-failure.js';
