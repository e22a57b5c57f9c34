import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { main } from './main.js';
import { commandNames, createProgram } from './program.js';

function captureIo(): Io & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd: process.cwd(), env: {}, out: () => out.join(''), err: () => err.join('') };
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** Each declared option of a command: its flags and the default text the help must show. */
function declaredOptions(name: string): { flags: string; shown: string | undefined }[] {
  const program = createProgram(captureIo(), () => undefined);
  const command = program.commands.find((c) => c.name() === name)!;
  return command.options
    .filter((o) => o.long !== '--help')
    .map((o) => ({ flags: o.flags, shown: o.defaultValueDescription ?? (o.defaultValue === undefined ? undefined : JSON.stringify(o.defaultValue)) }));
}

describe('help', () => {
  it.each(commandNames)('`help %s` and `%s --help` print every option with its default', async (name) => {
    const viaHelp = await run(['help', name]);
    const viaFlag = await run([name, '--help']);
    expect(viaHelp).toMatchObject({ code: 0, err: '' });
    expect(viaFlag).toEqual(viaHelp);
    expect(viaHelp.out).toMatch(new RegExp(`^Usage: cablepress ${name} \\[options\\]`));
    const options = declaredOptions(name);
    expect(options.length).toBeGreaterThan(0);
    for (const { flags, shown } of options) {
      const line = viaHelp.out.slice(viaHelp.out.indexOf(`  ${flags} `)).split(/\n {2}-/)[0]!;
      expect(line, flags).toContain(flags);
      if (shown !== undefined) expect(line.replace(/\s+/g, ' '), flags).toContain(`default: ${shown}`);
    }
  });

  it('shows the defaults a person needs for build, diff and release', async () => {
    const build = (await run(['help', 'build'])).out;
    expect(build).toMatch(/--paper <size> +fact sheet paper size \(choices: "a4", "letter", default: "a4"\)/);
    expect(build).toMatch(/--jobs <n> +corpus mode: worker threads \(default: the number of cores\)/);
    expect(build).toMatch(/--quiet +print nothing but errors \(default: false\)/);
    expect((await run(['diff', '-h'])).out).toMatch(/--rows <n> +changed rows to show per table \(default: 5\)/);
    expect((await run(['release', '--help'])).out).toMatch(/--out <dir> +folder for the bundles and SHA256SUMS \(default: "releases"\)/);
  });

  it('lists every command and the exit codes with no arguments, `help` or `--help`', async () => {
    const bare = await run([]);
    expect(bare.code).toBe(0);
    for (const name of commandNames) expect(bare.out).toMatch(new RegExp(`^ {2}${name} `, 'm'));
    expect(bare.out).toContain('2 bad input or usage');
    expect(await run(['help'])).toEqual(bare);
    expect(await run(['--help'])).toEqual(bare);
  });

  it('prints the version of the cli package with --version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await run(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
    expect(await run(['-V'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });
});

describe("usage errors: one USAGE sentence naming the command, exit 2, never commander's own output", () => {
  it.each([
    [['build', 'datasets/x', '--paper', 'a3'], "build: option '--paper <size>' argument 'a3' is invalid. Allowed choices are a4, letter."],
    [['diff', 'a'], "diff: missing required argument 'new'."],
    [['validate', 'a', 'b'], "validate: too many arguments for 'validate'. Expected 1 argument but got 2."],
    [['release', 'x', '--dry-rn'], "release: unknown option '--dry-rn' (Did you mean --dry-run?)."],
    [['build', '--corpus', 'c', '--out', 'o', '--jobs', '0'], "build: option '--jobs <n>' argument '0' is invalid. It must be a whole number of at least 1."],
    [['diff', 'a', 'b', '--rows', 'many'], "diff: option '--rows <n>' argument 'many' is invalid. It must be a whole number of at least 0."],
    [['release', 'x', '--out'], "release: option '--out <dir>' argument missing."],
  ])('%j', async (argv, message) => {
    const hint = `Run \`cablepress help ${argv[0]}\` to see its arguments and options.`;
    expect(await run(argv)).toEqual({ code: 2, out: '', err: `cablepress: USAGE: ${message} ${hint}\n` });
    const json = await run([argv[0]!, '--json', ...argv.slice(1)]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toEqual({ ok: false, exitCode: 2, error: { kind: 'input', code: 'USAGE', message, location: {}, hint } });
  });

  it('refuses help for a command that does not exist', async () => {
    expect(await run(['help', 'biuld'])).toEqual({
      code: 2,
      out: '',
      err: 'cablepress: USAGE: unknown command "biuld". Run `cablepress help` to see the commands and their options.\n',
    });
  });

  it('asks for corpus mode as a whole when only part of it is given', async () => {
    const { code, err } = await run(['build', '--jobs', '2']);
    expect(code).toBe(2);
    expect(err).toMatch(/^cablepress: USAGE: corpus mode takes --corpus <dir-or-glob> and --out <dataset-dir>/);
  });
});
