import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_TABLE_END, COMMAND_TABLE_START, commandTable, withCommandTable } from './docs.js';
import { commandNames } from './program.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('README command table', () => {
  it('is exactly what the command declarations generate (run `npm run docs:cli` after changing a command)', () => {
    const start = readme.indexOf(COMMAND_TABLE_START);
    const end = readme.indexOf(COMMAND_TABLE_END);
    expect(start, 'README.md has the generated table').toBeGreaterThanOrEqual(0);
    expect(readme.slice(start, end + COMMAND_TABLE_END.length)).toBe(commandTable());
  });

  it('has a row per command with its options and defaults, help and --version', () => {
    const rows = commandTable()
      .split('\n')
      .filter((line) => line.startsWith('| `cablepress '));
    expect(rows.map((row) => row.match(/^\| `cablepress ([\w-]+)/)![1])).toEqual([...commandNames, 'help', '--version']);
    expect(rows.find((row) => row.startsWith('| `cablepress build '))).toContain(
      '`--paper <size>` fact sheet paper size (choices: "a4", "letter", default: "a4")<br>',
    );
    expect(commandTable()).toContain('writes &lt;out&gt;/&lt;name&gt;-&lt;version&gt;.tar.gz');
  });

  it('replaces only the marked block, and reports a README without one', () => {
    const text = `intro\n${COMMAND_TABLE_START}\nold | table\n${COMMAND_TABLE_END}\noutro\n`;
    expect(withCommandTable(text, 'NEW')).toBe('intro\nNEW\noutro\n');
    expect(withCommandTable('no table here\n', 'NEW')).toBeNull();
  });
});
