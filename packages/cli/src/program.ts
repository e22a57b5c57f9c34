import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { UsageError } from '@cablepress/core';
import { EXIT, type Io } from './io.js';
import { DEFAULT_MAX_INPUT_MB } from './read-input.js';

/**
 * Every command and option of `cablepress`, declared once. The help text (`cablepress help <command>`,
 * `cablepress <command> --help`) and the README's command table (`npm run docs:cli`) are both made from these
 * declarations. To add an option, add one line to its command below and read it in `commands/<name>.ts`; to add a
 * command, add an entry to COMMANDS and a `commands/<name>.ts` whose `run` has the type `RunCommand<'<name>'>`.
 */

function wholeNumber(minimum: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < minimum) throw new InvalidArgumentError(`It must be a whole number of at least ${minimum}.`);
    return Number(value);
  };
}

/** A folder path: an empty one would write into the current folder without saying so. */
function folderPath(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('It must name a folder.');
  return value;
}

function anyNumber(value: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError('It must be a number.');
  return Number(value);
}

function positiveNumber(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) throw new InvalidArgumentError('It must be a positive number.');
  return Number(value);
}

const paperOption = () => new Option('--paper <size>', 'fact sheet paper size').choices(['a4', 'letter'] as const).default('a4' as const);
const jsonOption = (what: string) => new Option('--json', `print ${what} as one JSON object on stdout instead of text`).default(false);

const COMMANDS = {
  init: {
    declare: () =>
      new Command('init')
        .summary('create a new dataset from a cable file, and build it')
        .description(
          'Creates datasets/<name>/ in the repository around the current folder: the cable copied byte for byte into source/, a package.json (name, version 0.1.0, title and description from the cable, license, source and fact sheet paths, the default recipe that fits), the new package added to package-lock.json so that npm ci keeps working; then builds the dataset and says what to do next. Refuses a name that exists.',
        )
        .argument('<cable-file>', 'a cable: PlusD or Cablegate text export, or a WikiLeaks cable page')
        .addOption(
          new Option('--name <name>', 'the dataset name, lowercase [a-z0-9-]').default(
            undefined,
            'country, subject words and year of the cable, e.g. laos-tip-2008',
          ),
        )
        .addOption(jsonOption('what was created and built')),
    load: async () => (await import('./commands/init.js')).run,
  },
  build: {
    declare: () =>
      new Command('build')
        .summary('build a dataset and its fact sheet from its source cable (or many cables with --corpus)')
        .description(
          "Reads the dataset's source cable, builds every table, runs the checks and writes data/, datapackage.json, README.md, validation.json and the fact sheet. With --corpus and --out, builds one dataset from many cable files.",
        )
        .argument('[dataset-dir]', 'the dataset folder, e.g. datasets/laos-tip-2008 (left out in corpus mode)')
        .addOption(paperOption())
        .addOption(jsonOption('the build summary'))
        .addOption(new Option('--quiet', 'print nothing but errors').default(false))
        .addOption(new Option('--all', 'build every dataset package under datasets/ of the repository (each that lists its source cables)').default(false))
        .addOption(new Option('--corpus <dir-or-glob>', 'corpus mode: read every cable file in this folder or glob'))
        .addOption(new Option('--out <dataset-dir>', 'corpus mode: the dataset folder to write').argParser(folderPath))
        .addOption(new Option('--jobs <n>', 'corpus mode: worker threads').default(undefined, 'the number of cores').argParser(wholeNumber(1)))
        .addOption(
          new Option('--partition <column>', "corpus mode: write each table's Parquet as a Hive-style folder, one file per year or origin").choices([
            'year',
            'origin',
          ] as const),
        )
        .addOption(
          new Option(
            '--cache <dir>',
            'corpus mode: keep each chunk of cables and each cable built in this folder, keyed by the content of their files and the code version; a rebuild builds only the cables that changed and encodes again only their chunks, with the bytes of a clean build (without it, every cable is built: use that for releases)',
          ).argParser(folderPath),
        )
        .addOption(new Option('--max-input-mb <mb>', 'largest cable file read, in megabytes').default(DEFAULT_MAX_INPUT_MB).argParser(positiveNumber)),
    load: async () => (await import('./commands/build.js')).run,
  },
  validate: {
    declare: () =>
      new Command('validate')
        .summary('check a published dataset: files, bytes, hashes and every row against its schema')
        .description(
          "Checks a published dataset the way users do: datapackage.json, every file's bytes and sha256, every row against its Table Schema, the Arrow and Parquet files against the CSV and, in a dataset folder with releases.json, the recorded release.",
        )
        .argument('<dataset>', 'a dataset folder or a release bundle (.tar.gz or .zip)')
        .addOption(jsonOption('the findings')),
    load: async () => (await import('./commands/validate.js')).run,
  },
  diff: {
    declare: () =>
      new Command('diff')
        .summary('compare two dataset folders or release bundles, table by table')
        .description(
          'Compares two datasets (folders or release bundles): names and sources, columns added, removed, re-typed or re-ordered, rows added, removed or changed by primary key, and the version bump the Frictionless rules ask for.',
        )
        .argument('<old>', 'the older dataset folder or release bundle')
        .argument('<new>', 'the newer dataset folder or release bundle')
        .addOption(jsonOption('the whole diff'))
        .addOption(new Option('--check', 'exit 1 when the new version bumps less than the changes require').default(false))
        .addOption(new Option('--rows <n>', 'changed rows to show per table').default(5).argParser(wholeNumber(0))),
    load: async () => (await import('./commands/diff.js')).run,
  },
  review: {
    declare: () =>
      new Command('review')
        .summary('show the indicators and candidates of a dataset; accept, reject or correct one')
        .description(
          "Shows the published indicators and the candidates not published, each with its sentence, who decided (the rules, a reviewer, the recipe) and why a candidate is not published. With --accept, --reject or --correct and a --reason, records the decision in the dataset's reviews.json, which every build applies (rebuild and add a changeset).",
        )
        .argument('<dataset>', 'the dataset folder, e.g. datasets/tip-reports')
        .addOption(new Option('--accept <id>', 'publish this candidate (a candidate_id)'))
        .addOption(new Option('--reject <id>', 'do not publish this indicator or candidate (an indicator_id or candidate_id)'))
        .addOption(new Option('--correct <id>', 'publish this indicator or candidate with --value or --indicator'))
        .addOption(new Option('--value <n>', 'with --correct: the right value, as the sentence states it').argParser(anyNumber))
        .addOption(new Option('--indicator <name>', 'with --correct: the right indicator, one of the definitions'))
        .addOption(new Option('--reason <text>', 'why: required with a decision, shown to data users'))
        .addOption(jsonOption('the indicators, candidates and the decision recorded')),
    load: async () => (await import('./commands/review.js')).run,
  },
  site: {
    declare: () =>
      new Command('site')
        .summary('build the static site of every dataset')
        .description(
          'Builds the static site: a catalog page and one page per dataset with its key figures, tables, cable text and release files, from every published dataset under datasets/ (one with a datapackage.json) or from the folders given.',
        )
        .argument('[dataset-dir...]', 'dataset folders (default: every published dataset under datasets/)')
        .addOption(new Option('--out <dir>', 'folder to write the site to').default('site').argParser(folderPath))
        .addOption(jsonOption('the pages written')),
    load: async () => (await import('./commands/site.js')).run,
  },
  release: {
    declare: () =>
      new Command('release')
        .summary('write the versioned release bundles and SHA256SUMS')
        .description(
          "Rebuilds the dataset in a scratch folder and refuses to release when the committed files differ or changed under an already released version; a version not released yet is rebuilt with today's date (SOURCE_DATE_EPOCH when set) as its release date; then writes <out>/<name>-<version>.tar.gz, .zip and SHA256SUMS and records the release and its date in releases.json.",
        )
        .argument('[dataset-dir]', 'the dataset folder, e.g. datasets/laos-tip-2008')
        .addOption(new Option('--all', 'release every dataset package under datasets/ of the repository').default(false))
        .addOption(new Option('--out <dir>', 'folder for the bundles and SHA256SUMS').default('releases').argParser(folderPath))
        .addOption(paperOption())
        .addOption(new Option('--skip-rebuild', 'do not rebuild from the source; only check against releases.json').default(false))
        .addOption(new Option('--dry-run', 'check for drift but write nothing').default(false))
        .addOption(jsonOption('the release summary')),
    load: async () => (await import('./commands/release.js')).run,
  },
};

export type CommandName = keyof typeof COMMANDS;

type Declared<N extends CommandName> = ReturnType<(typeof COMMANDS)[N]['declare']>;
type ArgsOf<C> = C extends Command<infer A, infer _O, infer _G> ? A : never;
type OptionsOf<C> = C extends Command<infer _A, infer O, infer _G> ? O : never;

/** The signature of a command's `run`: its declared arguments, its parsed options (with defaults), the outside world. */
export type RunCommand<N extends CommandName> = (args: ArgsOf<Declared<N>>, options: OptionsOf<Declared<N>>, io: Io) => Promise<number>;

export const commandNames = Object.keys(COMMANDS) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

function cliVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** Commander's option description, plus the default of an option whose default is computed at run time (--jobs). */
function describeOption(this: Help, option: Parameters<Help['optionDescription']>[0]): string {
  const described = Help.prototype.optionDescription.call(this, option);
  return option.defaultValue === undefined && option.defaultValueDescription ? `${described} (default: ${option.defaultValueDescription})` : described;
}

const EXIT_CODES_HELP = `
Exit codes: ${EXIT.ok} ok, ${EXIT.invalid} invalid data, ${EXIT.input} bad input or usage, ${EXIT.partial} some corpus files failed, ${EXIT.internal} internal error.
Error codes and what to do about each: docs/errors.md.`;

/** The `cablepress` program: every command declared, output sent to `io`, nothing printed or exited on commander's own. */
export function createProgram(io: Io, onExitCode: (code: number) => void): Command {
  const program = new Command('cablepress')
    .description('Turns US diplomatic cables into versioned open datasets (CSV, Arrow, Parquet, datapackage.json) and a PDF fact sheet.')
    .version(cliVersion(), '-V, --version', 'print the cablepress version')
    .helpCommand('help [command]', 'print the options of a command with their defaults')
    .helpOption('-h, --help', 'print this help')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined, getOutHelpWidth: () => 100, getErrHelpWidth: () => 100 })
    .configureHelp({ showGlobalOptions: false, optionDescription: describeOption });
  for (const name of commandNames) {
    const { declare, load } = COMMANDS[name];
    const command = (declare() as Command<unknown[], Record<string, unknown>>).copyInheritedSettings(program).helpOption('-h, --help', 'print this help');
    command.action(async () => {
      const run = (await load()) as (args: unknown[], options: Record<string, unknown>, io: Io) => Promise<number>;
      onExitCode(await run(command.processedArgs, command.opts(), io));
    });
    program.addCommand(command as Command);
  }
  return program;
}

/** Commander's error, as the one-sentence USAGE error a person sees (exit 2). */
export function usageErrorOf(error: CommanderError, argv: string[]): UsageError {
  const name = argv.find((a) => !a.startsWith('-'));
  const detail = `${error.message
    .replace(/^error: /, '')
    .split('\n')
    .map((line) => line.trim())
    .join(' ')
    .replace(/\.$/, '')}.`;
  if (name !== undefined && isCommandName(name)) {
    return new UsageError(`${name}: ${detail}`, `Run \`cablepress help ${name}\` to see its arguments and options.`);
  }
  return new UsageError(detail);
}

export { CommanderError };
