// Rewrites the command table of the repository README from the command declarations (npm run docs:cli).
import { readFileSync, writeFileSync } from 'node:fs';
import { commandTable, withCommandTable, COMMAND_TABLE_START } from '../dist/docs.js';

const readme = new URL('../../../README.md', import.meta.url);
const updated = withCommandTable(readFileSync(readme, 'utf8'), commandTable());
if (updated === null) {
  console.error(`README.md has no command table between "${COMMAND_TABLE_START}" and its end mark.`);
  process.exit(1);
}
writeFileSync(readme, updated);
console.log('README.md: command table rewritten from packages/cli/src/program.ts');
