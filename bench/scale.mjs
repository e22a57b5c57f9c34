// Corpus build at Cablegate scale (issue #16): builds a synthetic corpus of BENCH_CABLES cables (default 250,000) in a
// temp folder with bench/synthetic-corpus.mjs, then measures, and appends to bench/RESULTS.md:
//  - parse alone on one core (in process) over the first 10,000 cables;
//  - the full build (CSV + Arrow + Parquet, every table) of the first 10,000 cables with 1 and 2 workers: cables/s,
//    MB/s, CPU ms a cable, peak RSS and the time from start to the first byte of progress on stderr (BENCH_COMPARE=0
//    leaves this out);
//  - peak RSS and time of the full build with 2 workers at each size of BENCH_SIZES (default 10000,50000,250000);
//  - incremental builds (BENCH_INCREMENTAL=0 leaves them out): the first 10,000 cables built with --cache, then 1 % new
//    cables added in a folder of their own, then 1 % more scattered among the others (new names in every folder), each
//    rebuilt with the cache and compared with a clean build of the same files (time, CPU and whether the bytes agree).
// The corpus is made from the repository's cables (BENCH_TEMPLATES to use others, see bench/synthetic-corpus.mjs).
// Every row has the machine's load average at its end: the machine is shared, so compare CPU ms a cable.
// Run with `npm run build && node bench/scale.mjs` (it takes minutes). Figures only: nothing passes or fails on time.
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeCableBytes, parseCable } from '../packages/extract/dist/index.js';
import { listCorpusFiles } from '../packages/cli/dist/corpus/files.js';
import { makeSyntheticCorpus } from './synthetic-corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CABLES = Number(process.env.BENCH_CABLES ?? 250_000);
const SIZES = (process.env.BENCH_SIZES ?? '10000,50000,250000')
  .split(',')
  .map(Number)
  .filter((n) => n <= CABLES);
const lines = [];
const say = (text = '') => {
  console.log(text);
  lines.push(text);
};
const fmt = (n, d = 1) => n.toFixed(d);
const partition = process.env.BENCH_PARTITION ? ['--partition', process.env.BENCH_PARTITION] : [];
const load = () =>
  os
    .loadavg()
    .map((n) => fmt(n, 2))
    .join(' ');

/** The first `n` cables of the corpus as a glob (the generator writes folders of 1000 cables). */
const globOf = (dir, n) =>
  n >= CABLES ? dir : path.join(dir, `part-{${Array.from({ length: Math.ceil(n / 1000) }, (_, i) => String(i).padStart(3, '0')).join(',')}}`, '*');

/** Runs `cablepress build --corpus` in a child process; stderr is a pipe (plain progress lines). */
function build(corpus, out, jobs, work, extra = []) {
  const script = `import { main } from ${JSON.stringify(path.join(root, 'packages/cli/dist/index.js'))};
const code = await main(${JSON.stringify(['build', '--corpus', corpus, '--out', out, '--jobs', String(jobs), ...partition, ...extra])});
const cpu = process.cpuUsage();
process.stdout.write('\\nRSS ' + JSON.stringify({ code, maxRSS: process.resourceUsage().maxRSS, cpu: (cpu.user + cpu.system) / 1000 }) + '\\n');`;
  const file = path.join(work, 'run.mjs');
  writeFileSync(file, script);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstByte;
    let stdout = '';
    let stderr = '';
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr.on('data', (d) => {
      firstByte ??= performance.now() - t0;
      stderr += d;
    });
    child.stdout.on('data', (d) => (stdout += d));
    child.on('close', () => {
      const m = /RSS (\{.*\})/.exec(stdout);
      if (!m) return reject(new Error(`cablepress failed: ${stderr}`));
      const summary = /from (\d+) cable\(s\) in (\d+) file/.exec(stdout);
      resolve({
        ...JSON.parse(m[1]),
        ms: performance.now() - t0,
        firstByte,
        cables: Number(summary?.[1] ?? 0),
        files: Number(summary?.[2] ?? 0),
        lastProgress: stderr.trimEnd().split('\n').at(-1),
      });
    });
  });
}

function parseAlone(files) {
  const buffers = files.map((f) => readFileSync(f.file));
  for (const b of buffers.slice(0, 500)) parseCable(decodeCableBytes(b, 'x'), { source: 'x' });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let bytes = 0;
  for (const b of buffers) {
    parseCable(decodeCableBytes(b, 'x'), { source: 'x' });
    bytes += b.length;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { ms, bytes, cables: buffers.length, cpu: (cpu.user + cpu.system) / 1000 };
}

/** sha256 of every file of a dataset folder, by path. */
function digests(dir, prefix = '') {
  const out = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) Object.assign(out, digests(path.join(dir, entry.name), rel));
    else
      out[rel] = createHash('sha256')
        .update(readFileSync(path.join(dir, entry.name)))
        .digest('hex');
  }
  return out;
}

/** The incremental builds: 10k cables with --cache, then 1 % added in a folder of their own, then 1 % scattered. */
async function incremental(corpus, work, row) {
  const cache = ['--cache', path.join(work, 'cache')];
  const out = path.join(work, 'inc', 'scale');
  const mbOf = (files) => files.reduce((n, f) => n + f.bytes, 0) / 1e6;
  const step = async (what, glob, extra) => {
    const files = await listCorpusFiles(glob, work);
    const r = await build(glob, out, 2, work, extra);
    row(what, 2, files.length, mbOf(files), r);
    return { r, files };
  };
  const clean = async (glob) => {
    const r = await build(glob, path.join(work, 'clean', 'scale'), 2, work);
    const same = JSON.stringify(digests(path.join(work, 'clean', 'scale'))) === JSON.stringify(digests(out));
    rmSync(path.join(work, 'clean'), { recursive: true, force: true });
    return { r, same };
  };
  say('');
  say('| what | workers | cables | MB | wall s | cables/s | MB/s | CPU ms/cable | peak RSS MB | first progress byte ms | load average after |');
  say('|---|---|---|---|---|---|---|---|---|---|---|');
  const base = await step('incremental: 10k, first build with --cache', globOf(corpus, 10_000), cache);
  const added = path.join(corpus, 'part-new');
  makeSyntheticCorpus(added, 100, { seed: 17, first: 900_000 });
  for (const folder of readdirSync(added))
    for (const f of readdirSync(path.join(added, folder))) renameSync(path.join(added, folder, f), path.join(corpus, 'part-new', f));
  for (const folder of readdirSync(added)) if (folder.startsWith('part-')) rmSync(path.join(added, folder), { recursive: true, force: true });
  const withNew = `${corpus}/{${Array.from({ length: 10 }, (_, i) => `part-${String(i).padStart(3, '0')}`).join(',')},part-new}/*`;
  const folderStep = await step('incremental: +1 % in a new folder, rebuilt with --cache', withNew, cache);
  const folderClean = await clean(withNew);
  row('clean build of the same files', 2, folderStep.files.length, mbOf(folderStep.files), folderClean.r);
  const scattered = path.join(work, 'scattered');
  makeSyntheticCorpus(scattered, 100, { seed: 18, first: 800_000 });
  let k = 0;
  for (const folder of readdirSync(scattered))
    for (const f of readdirSync(path.join(scattered, folder)))
      renameSync(path.join(scattered, folder, f), path.join(corpus, `part-${String(k++ % 10).padStart(3, '0')}`, f));
  const scatteredStep = await step('incremental: +1 % more scattered in every folder, rebuilt with --cache', withNew, cache);
  const cacheFiles = readdirSync(cache[1]);
  const cacheMb = cacheFiles.reduce((n, f) => n + statSync(path.join(cache[1], f)).size, 0) / 1e6;
  const scatteredClean = await clean(withNew);
  row('clean build of the same files', 2, scatteredStep.files.length, mbOf(scatteredStep.files), scatteredClean.r);
  say(
    `\nIncremental rebuilds (2 workers): +1 % in a new folder ${fmt((folderStep.r.ms / folderClean.r.ms) * 100)} % of the clean build's wall time (${fmt((folderStep.r.cpu / folderClean.r.cpu) * 100)} % of its CPU), bytes ${folderClean.same ? 'identical' : 'DIFFERENT'}; +1 % scattered ${fmt((scatteredStep.r.ms / scatteredClean.r.ms) * 100)} % of the wall time (${fmt((scatteredStep.r.cpu / scatteredClean.r.cpu) * 100)} % of its CPU), bytes ${scatteredClean.same ? 'identical' : 'DIFFERENT'}. First build with the cache: ${fmt(base.r.cpu / 1000, 1)} s of CPU. The cache then held ${fmt(cacheMb, 1)} MB in ${cacheFiles.length} entries.`,
  );
}

const work = mkdtempSync(path.join(os.tmpdir(), 'cablepress-scale-'));
const cleanup = () => rmSync(work, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
try {
  const corpus = path.join(work, 'corpus');
  const t0 = performance.now();
  const made = makeSyntheticCorpus(corpus, CABLES);
  const commit = `commit ${process.env.BENCH_COMMIT ?? execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()}`;
  say(`\n## ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}: corpus at Cablegate scale (bench/scale.mjs)\n`);
  say(
    `Machine: ${os.cpus()[0].model.split(' ').slice(0, 2).join(' ')}, ${os.availableParallelism()} cores; Node ${process.version}; ${commit}; load average at start ${load()}.`,
  );
  say(
    `Corpus: ${made.count} synthetic cables (bench/synthetic-corpus.mjs), ${fmt(made.bytes / 1e6)} MB, ${fmt(made.bytes / made.count / 1e3)} KB a cable; generated in ${fmt((performance.now() - t0) / 1000)} s.${partition.length > 0 ? ` Builds with ${partition.join(' ')}.` : ''}\n`,
  );

  const first10k = await listCorpusFiles(globOf(corpus, 10_000), work);
  const parse = parseAlone(first10k);
  say('| what | workers | cables | MB | wall s | cables/s | MB/s | CPU ms/cable | peak RSS MB | first progress byte ms | load average after |');
  say('|---|---|---|---|---|---|---|---|---|---|---|');
  say(
    `| parse alone, in process | 1 | ${parse.cables} | ${fmt(parse.bytes / 1e6)} | ${fmt(parse.ms / 1000, 2)} | ${fmt((parse.cables / parse.ms) * 1000, 0)} | ${fmt(parse.bytes / 1e3 / parse.ms)} | ${fmt(parse.cpu / parse.cables, 3)} | | | ${load()} |`,
  );
  const row = (what, jobs, n, mb, r) =>
    say(
      `| ${what} | ${jobs} | ${n} | ${fmt(mb)} | ${fmt(r.ms / 1000, 2)} | ${fmt((n / r.ms) * 1000, 0)} | ${fmt((mb * 1e3) / r.ms)} | ${fmt(r.cpu / n, 3)} | ${fmt(r.maxRSS / 1024, 0)} | ${fmt(r.firstByte ?? NaN, 0)} | ${load()} |`,
    );
  const mb10k = first10k.reduce((n, f) => n + f.bytes, 0) / 1e6;
  const full = {};
  for (const jobs of process.env.BENCH_COMPARE === '0' ? [] : [1, 2]) {
    full[jobs] = await build(globOf(corpus, 10_000), path.join(work, `out-${jobs}`, 'scale'), jobs, work);
    row('full build, 10k', jobs, first10k.length, mb10k, full[jobs]);
    rmSync(path.join(work, `out-${jobs}`), { recursive: true, force: true });
  }
  for (const n of SIZES.filter((s) => s !== 10_000)) {
    const files = await listCorpusFiles(globOf(corpus, n), work);
    const r = await build(globOf(corpus, n), path.join(work, `out-${n}`, 'scale'), 2, work);
    row(`full build, ${n / 1000}k`, 2, files.length, files.reduce((s, f) => s + f.bytes, 0) / 1e6, r);
    say(`|  last progress line: \`${r.lastProgress}\` | | | | | | | | | | |`);
    rmSync(path.join(work, `out-${n}`), { recursive: true, force: true });
  }
  if (full[2])
    say(
      `\nSpeed-up of the full build with 2 workers over 1 (10k): ${fmt(full[1].ms / full[2].ms, 2)}× by wall time, ${fmt(full[1].cpu / full[2].cpu, 2)} CPU of 1 worker per CPU of 2.`,
    );
  if (process.env.BENCH_INCREMENTAL !== '0') await incremental(corpus, work, row);
  say(`\nLoad average at the end: ${load()}.`);
} finally {
  cleanup();
}
appendFileSync(path.join(root, 'bench/RESULTS.md'), `${lines.join('\n')}\n`);
