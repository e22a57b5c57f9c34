export {
  BOUNDS,
  entryKind,
  LIMITS,
  readChangelog,
  hashDatasetFile,
  hashInside,
  readDatasetFile,
  readInside,
  readReport,
  readTextInside,
  tooLarge,
  type ReadBound,
} from './read-inside.js';
export { makeDirs } from './make-dirs.js';
export { writeFailure, writing, writingSync } from './write-failure.js';
export { processAlive, removeStaleTemps, tempName, writeAllOrNone } from './temp-files.js';
