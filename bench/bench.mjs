// Corpus benchmark: prints throughput, memory and stage timings, and appends them to bench/RESULTS.md.
// Run with `npm run bench` (builds first). Figures only: nothing here passes or fails on time.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeCableBytes, parseCable } from '../packages/extract/dist/index.js';
import { extractFacts, transformCable, applyRecipe } from '../packages/transform/dist/index.js';
import { parseRecipe } from '../packages/validate/dist/index.js';
import { allTables } from '../packages/validate/dist/index.js';
import { renderFactSheet } from '../packages/report/dist/index.js';
import { tableToCsv } from '../packages/publish/dist/encode/csv.js';
import { arrowFileBytes, parquetBytes, rowsToArrow } from '../packages/publish/dist/encode/arrow.js';
import { listCorpusFiles } from '../packages/cli/dist/corpus/files.js';
import { runPool } from '../packages/cli/dist/corpus/pool.js';
import { templateFolders } from './synthetic-corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'packages/cli/bin/cablepress.js');
const seedDir = path.join(root, 'datasets/laos-tip-2008');
const seedFile = path.join(seedDir, 'source/08VIENTIANE145.txt');
const TARGET_MB = Number(process.env.BENCH_MB ?? 100);
const RSS_CABLES = (process.env.BENCH_RSS ?? '10000,50000').split(',').map(Number);
const jobsAll = os.availableParallelism();
const lines = [];

function say(text = '') {
  console.log(text);
  lines.push(text);
}

const ms = (t0) => performance.now() - t0;
/** CPU time (user + system, all threads of this process) since `c0`, in ms. */
const cpuMs = (c0) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const fmt = (n, d = 1) => n.toFixed(d);

/**
 * The cable templates, with the id written in the file name: every cable of the repository's template folders (each
 * dataset's source/ and the vendored corpora, or BENCH_TEMPLATES; see bench/synthetic-corpus.mjs), once each.
 */
function templates(filter = () => true) {
  const seen = new Set();
  const files = templateFolders()
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => /\.(txt|html)$/.test(f))
        .sort()
        .map((f) => path.join(dir, f)),
    )
    .filter((file) => !seen.has(path.basename(file)) && seen.add(path.basename(file)));
  return files.filter(filter).map((file) => {
    const name = path.basename(file);
    const stem = name.replace(/\.[^.]+$/, '');
    return { name, stem, ext: path.extname(name), text: readFileSync(file, 'latin1') };
  });
}

/**
 * Writes copies of the templates until `limit` says stop; copy k of a cable has its id (every occurrence of the
 * file stem) rewritten to `<id><k, 5 digits>`, so each copy is a distinct cable. Files go in folders of 1000.
 */
function makeCorpus(dir, tpls, limit) {
  let bytes = 0;
  let count = 0;
  for (let k = 1; ; k++) {
    for (const t of tpls) {
      if (limit(count, bytes)) return { bytes, count };
      const id = `${t.stem}${String(k).padStart(5, '0')}`;
      const folder = path.join(dir, `part-${String(Math.floor(count / 1000)).padStart(3, '0')}`);
      if (count % 1000 === 0) mkdirSync(folder, { recursive: true });
      const content = Buffer.from(t.text.replaceAll(t.stem, id), 'latin1');
      writeFileSync(path.join(folder, `${id}${t.ext}`), content);
      bytes += content.length;
      count++;
    }
  }
}

function run(args, env = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    execFile(process.execPath, args, { env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, ms: ms(t0) }),
    );
  });
}

/** Runs the CLI in a child process and reports its peak resident set size (main thread and workers). */
async function cliWithRss(args, work) {
  const script = `import { main } from ${JSON.stringify(path.join(root, 'packages/cli/dist/index.js'))};
const code = await main(${JSON.stringify(args)});
const cpu = process.cpuUsage();
process.stderr.write('\\nRSS ' + JSON.stringify({ code, maxRSS: process.resourceUsage().maxRSS, cpu: (cpu.user + cpu.system) / 1000 }) + '\\n');`;
  const file = path.join(work, 'rss-run.mjs');
  writeFileSync(file, script);
  const r = await run([file]);
  const m = /RSS (\{.*\})/.exec(r.stderr);
  if (!m) throw new Error(`cablepress failed: ${r.stderr}`);
  const info = JSON.parse(m[1]);
  return { ...info, ms: r.ms, summary: JSON.parse(r.stdout) };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeIt(fn, runs = 7) {
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(ms(t0));
  }
  return median(times);
}

async function timeAsync(fn, runs = 5) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(ms(t0));
  }
  return median(times);
}

/** Reads, decodes and runs one pass of a regular expression over every file: the floor for any parser. */
function floor(files) {
  const re = /^SUBJECT:[^\n]*|TAGS:[^\n]*/gm;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let bytes = 0;
  let hits = 0;
  for (const f of files) {
    const b = readFileSync(f.file);
    bytes += b.length;
    const text = decodeCableBytes(b, f.label);
    for (const _ of text.matchAll(re)) hits++;
  }
  return { ms: ms(t0), cpu: cpuMs(c0), bytes, hits };
}

function inProcess(files, stage) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let bytes = 0;
  let cables = 0;
  for (const f of files) {
    const b = readFileSync(f.file);
    bytes += b.length;
    try {
      const cable = parseCable(decodeCableBytes(b, f.label), { source: f.label });
      if (stage === 'transform') {
        const core = transformCable(cable, { file: f.label, sha256: createHash('sha256').update(b).digest('hex') });
        extractFacts(
          cable,
          core.paragraphs.map((p) => p.paragraph_id),
        );
      }
      cables++;
    } catch {
      // counted as not parsed
    }
  }
  return { ms: ms(t0), cpu: cpuMs(c0), bytes, cables };
}

async function pooled(files, stage, jobs) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let bytes = 0;
  let cables = 0;
  const chunks = [];
  for (let i = 0; i < files.length; i += 64) chunks.push(files.slice(i, i + 64).map(({ file, label }) => ({ file, label })));
  await runPool(chunks, { jobs, stage }, (_, result) => {
    for (const cable of result.cables) {
      bytes += cable.bytes;
      if (cable.ok) cables++;
    }
  });
  return { ms: ms(t0), cpu: cpuMs(c0), bytes, cables };
}

function seedTables() {
  const bytes = readFileSync(seedFile);
  const cable = parseCable(decodeCableBytes(bytes, seedFile), { source: seedFile });
  const core = transformCable(cable, { file: '08VIENTIANE145.txt', sha256: createHash('sha256').update(bytes).digest('hex') });
  const facts = extractFacts(
    cable,
    core.paragraphs.map((p) => p.paragraph_id),
  );
  const recipe = parseRecipe(JSON.parse(readFileSync(path.join(seedDir, 'indicators.json'), 'utf8')), 'indicators.json');
  let indicators = [];
  let note = '';
  try {
    indicators = applyRecipe(recipe, { quantities: facts.quantities, paragraphs: core.paragraphs });
  } catch (error) {
    note = ` (the indicator recipe did not apply: ${error.code ?? error.message}; indicators left empty)`;
  }
  return { bytes, cable, tables: { ...core, ...facts, indicators }, note };
}

async function main() {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const started = new Date();
  const work = mkdtempSync(path.join(os.tmpdir(), 'cablepress-bench-'));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      rmSync(work, { recursive: true, force: true });
      process.exit(130);
    });
  }
  try {
    say(`## ${started.toISOString().replace(/\.\d+Z$/, 'Z')}`);
    say('');
    say(
      `Machine: ${cpu}, ${os.availableParallelism()} cores, ${fmt(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; commit ${await gitHead()}; load average at start ${os
        .loadavg()
        .map((l) => fmt(l, 2))
        .join(' ')} (figures are only meaningful on an idle machine).`,
    );
    say('');

    const all = templates();
    const corpusDir = path.join(work, 'corpus');
    const made = makeCorpus(corpusDir, all, (_, bytes) => bytes >= TARGET_MB * 1e6);
    const files = await listCorpusFiles(corpusDir, root);
    say(`Settings: BENCH_MB=${TARGET_MB}, BENCH_RSS=${RSS_CABLES.join(',')}.`);
    say('');
    say(
      `Corpus: ${made.count} cables, ${fmt(made.bytes / 1e6)} MB (the ${all.length} dev-corpus and seed cables repeated under distinct ids; ${fmt(made.bytes / made.count / 1e3)} KB a cable).`,
    );
    say('');
    floor(files);
    const fl = floor(files);
    say('### Throughput');
    say('');
    say('Wall time decides cables/s and MB/s; CPU ms/cable is user + system time of every thread, which does not depend on');
    say('the load of the machine: equal CPU per cable with 1 and 2 workers means the parallel version does no extra work.');
    say('');
    say('| what | workers | cables/s | MB/s | ms/cable | CPU ms/cable | × floor time |');
    say('|---|---|---|---|---|---|---|');
    const row = (what, cores, r) =>
      say(
        `| ${what} | ${cores} | ${fmt((r.cables / r.ms) * 1000, 0)} | ${fmt(r.bytes / 1e3 / r.ms)} | ${fmt(r.ms / r.cables, 3)} | ${r.cpu === undefined ? '' : fmt(r.cpu / r.cables, 3)} | ${fmt(r.ms / fl.ms)} |`,
      );
    row('floor: read + decode + one regex pass', 1, { ...fl, cables: made.count });
    const p1 = inProcess(files, 'parse');
    row('parse (in process)', 1, p1);
    const t1 = inProcess(files, 'transform');
    row('parse + transform (core + facts, in process)', 1, t1);
    const results = {};
    for (const stage of ['parse', 'transform']) {
      for (const jobs of [...new Set([1, jobsAll])]) {
        results[`${stage}-${jobs}`] = await pooled(files, stage, jobs);
        row(`${stage === 'parse' ? 'parse' : 'parse + transform'} (worker pool, --jobs ${jobs})`, jobs, results[`${stage}-${jobs}`]);
      }
    }
    const builds = {};
    for (const jobs of [...new Set([1, jobsAll])]) {
      const out = path.join(work, `out-${jobs}`, 'bench-corpus');
      const r = await cliWithRss(['build', '--corpus', corpusDir, '--out', out, '--jobs', String(jobs), '--json'], work);
      if (r.code !== 0 && r.code !== 3) throw new Error(`corpus build failed (${r.code}): ${JSON.stringify(r.summary).slice(0, 2000)}`);
      builds[jobs] = r;
      row(`full build: CLI end to end, CSV + Arrow + Parquet (--jobs ${jobs}; peak RSS ${fmt(r.maxRSS / 1024, 0)} MB)`, jobs, {
        ms: r.ms,
        cpu: r.cpu,
        bytes: made.bytes,
        cables: made.count,
      });
    }
    say('');
    const speedup = (stage) => (jobsAll > 1 ? fmt(results[`${stage}-1`].ms / results[`${stage}-${jobsAll}`].ms, 2) : 'n/a');
    say(
      `Speed-up with ${jobsAll} workers over 1: parse ${speedup('parse')}×, parse + transform ${speedup('transform')}×, full build ${jobsAll > 1 ? fmt(builds[1].ms / builds[jobsAll].ms, 2) : 'n/a'}×.`,
    );
    say('');

    say('### Memory');
    say('');
    const txt = templates((file) => file.endsWith('.txt') && path.basename(file) !== path.basename(seedFile));
    const small = txt.length > 0 ? txt : templates();
    const rssDir = path.join(work, 'rss');
    const rssMade = makeCorpus(rssDir, small, (count) => count >= RSS_CABLES.at(-1));
    say(
      `Corpus of the ${small.length} small dev-corpus .txt cables (${fmt(rssMade.bytes / rssMade.count / 1e3)} KB a cable; the Cablegate release averages 6.8 KB), full build with --jobs ${jobsAll}:`,
    );
    say('');
    say('| cables | MB | peak RSS (MB) | seconds | cables/s | CPU ms/cable |');
    say('|---|---|---|---|---|---|');
    for (const n of RSS_CABLES) {
      const parts = Math.ceil(n / 1000);
      const pattern = n === RSS_CABLES.at(-1) ? rssDir : `${rssDir}/part-{${Array.from({ length: parts }, (_, i) => String(i).padStart(3, '0')).join(',')}}/*`;
      const r = await cliWithRss(
        ['build', '--corpus', pattern, '--out', path.join(work, `rss-out-${n}`, 'rss-corpus'), '--jobs', String(jobsAll), '--json'],
        work,
      );
      say(
        `| ${r.summary.cables} | ${fmt(r.summary.bytes / 1e6)} | ${fmt(r.maxRSS / 1024, 0)} | ${fmt(r.ms / 1000)} | ${fmt(r.summary.cables / (r.ms / 1000), 0)} | ${fmt(r.cpu / r.summary.cables, 3)} |`,
      );
      rmSync(path.join(work, `rss-out-${n}`), { recursive: true, force: true });
    }
    say('');

    const seed = seedTables();
    say(`### The seed cable (08VIENTIANE145, 66 KB), time per stage${seed.note}`);
    say('');
    const text = decodeCableBytes(seed.bytes, seedFile);
    const stages = {
      parse: timeIt(() => parseCable(decodeCableBytes(seed.bytes, seedFile), { source: seedFile })),
      transform: timeIt(() => {
        const core = transformCable(seed.cable, { file: 'x', sha256: 'x' });
        extractFacts(
          seed.cable,
          core.paragraphs.map((p) => p.paragraph_id),
        );
      }),
      CSV: timeIt(() => {
        for (const t of allTables) tableToCsv(t, seed.tables[t.name] ?? []);
      }),
      Arrow: timeIt(() => {
        for (const t of allTables) arrowFileBytes(rowsToArrow(t, seed.tables[t.name] ?? []));
      }),
      Parquet: timeIt(() => {
        for (const t of allTables) parquetBytes(rowsToArrow(t, seed.tables[t.name] ?? []));
      }),
      PDF: await timeAsync(() =>
        renderFactSheet({
          tables: seed.tables,
          findings: [],
          dataset: { name: 'laos-tip-2008', version: '0.1.0', title: 'Laos' },
          paper: 'a4',
          creationDate: new Date('2008-02-29T05:44:00Z'),
        }),
      ),
    };
    say('| stage | ms |');
    say('|---|---|');
    for (const [stage, t] of Object.entries(stages)) say(`| ${stage} | ${fmt(t, 2)} |`);
    say(
      `| sum | ${fmt(
        Object.values(stages).reduce((a, b) => a + b, 0),
        2,
      )} |`,
    );
    say('');
    const scratch = path.join(work, 'seed', 'datasets', 'laos-tip-2008');
    mkdirSync(scratch, { recursive: true });
    for (const entry of ['package.json', 'source', 'indicators.json', 'CHANGELOG.md'])
      cpSync(path.join(seedDir, entry), path.join(scratch, entry), { recursive: true });
    const b = await run([cli, 'build', scratch, '--quiet']);
    const rel = await run([cli, 'release', scratch, '--out', path.join(work, 'seed', 'releases'), '--json']);
    say(
      `CLI wall time on a copy of the seed dataset, Node start-up included: \`cablepress build\` ${fmt(b.ms, 0)} ms (exit ${b.code}), \`cablepress release\` ${fmt(rel.ms, 0)} ms (exit ${rel.code}; it rebuilds to check drift).`,
    );
    say('');

    say('### Linearity');
    say('');
    say(
      'The seed body repeated k times in one cable (parse, transform) and the seed rows repeated k times (writers), every size warmed up first; time per KB of input should stay flat.',
    );
    say('');
    const start = text.indexOf('\n', text.indexOf('SUBJECT'));
    const body = text.slice(start);
    say('| k | KB | parse ms/KB | transform ms/KB | CSV ms/KB | Arrow ms/KB | Parquet ms/KB |');
    say('|---|---|---|---|---|---|---|');
    const sizes = [1, 2, 4, 8].map((k) => {
      const big = text + body.repeat(k - 1);
      const rows = Object.fromEntries(Object.entries(seed.tables).map(([n, r]) => [n, Array.from({ length: k }, () => r).flat()]));
      return { k, big, kb: big.length / 1e3, cable: parseCable(big, { source: 'big.txt' }), rows };
    });
    const measure = ({ big, cable, rows }) => ({
      parse: timeIt(() => parseCable(big, { source: 'big.txt' }), 5),
      transform: timeIt(() => {
        const core = transformCable(cable, { file: 'x', sha256: 'x' });
        extractFacts(
          cable,
          core.paragraphs.map((p) => p.paragraph_id),
        );
      }, 5),
      csv: timeIt(() => allTables.forEach((t) => tableToCsv(t, rows[t.name] ?? [])), 5),
      arrow: timeIt(() => allTables.forEach((t) => arrowFileBytes(rowsToArrow(t, rows[t.name] ?? []))), 5),
      parquet: timeIt(() => allTables.forEach((t) => parquetBytes(rowsToArrow(t, rows[t.name] ?? []))), 5),
    });
    for (const size of [...sizes].reverse()) measure(size);
    for (const size of sizes) {
      const t = measure(size);
      const perKb = (v) => fmt(v / size.kb, 4);
      say(`| ${size.k} | ${fmt(size.kb, 0)} | ${perKb(t.parse)} | ${perKb(t.transform)} | ${perKb(t.csv)} | ${perKb(t.arrow)} | ${perKb(t.parquet)} |`);
    }
    say('');
    say(
      `Load average at the end: ${os
        .loadavg()
        .map((l) => fmt(l, 2))
        .join(' ')}.`,
    );
    say('');
    const seedSum = Object.values(stages).reduce((a, b) => a + b, 0);
    const twoOverOne = jobsAll > 1 ? results['parse-1'].ms / results[`parse-${jobsAll}`].ms : NaN;
    say('### Targets');
    say('');
    say('| target | measured | |');
    say('|---|---|---|');
    const target = (what, value, ok) => say(`| ${what} | ${value} | ${ok ? 'met' : 'missed'} |`);
    target('parse ≥ 50 MB/s on one core', `${fmt(p1.bytes / 1e3 / p1.ms)} MB/s`, p1.bytes / 1e3 / p1.ms >= 50);
    target('≤ 1 ms a cable (parse, dev-corpus mix)', `${fmt(p1.ms / p1.cables, 3)} ms`, p1.ms / p1.cables <= 1);
    target(`${jobsAll} workers ≥ 1.7× one (parse)`, `${fmt(twoOverOne, 2)}×`, twoOverOne >= 1.7);
    target('the seed release ≤ 1 s (sum of stages, in process)', `${fmt(seedSum, 0)} ms`, seedSum <= 1000);
    say('');
    say('"No stage worse than linear": see the linearity table (time per KB flat or falling as the input grows) and the two memory runs.');
    say('');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  appendFileSync(path.join(root, 'bench/RESULTS.md'), `${lines.join('\n')}\n`);
  console.log(`appended to bench/RESULTS.md`);
}

async function gitHead() {
  const r = await new Promise((resolve) => execFile('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], (e, out) => resolve(e ? 'unknown' : out.trim())));
  return r;
}

await main();
