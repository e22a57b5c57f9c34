// Reads the .cpuprofile files `node --cpu-prof` writes (one per thread) and prints where the time went, by stage of
// the build: each sample is charged to the innermost frame on its stack that marks a stage (parseCable → parse,
// assertRows → row validation, ...), else to GC, idle or "other". Usage:
//   node --cpu-prof --cpu-prof-dir=<dir> packages/cli/bin/cablepress.js build --corpus <c> --out <o> --jobs 1
//   node bench/profile.mjs <dir-or-file>... [--top 25] [--cables N]
// Figures only; nothing passes or fails.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Stage markers, matched against a frame's function name and file; the innermost match on a stack wins. */
export const STAGES = [
  ['read', (f) => f.functionName === 'readFileSync' || f.functionName === 'tryReadSync'],
  ['parse', (f) => f.functionName === 'parseCable' || f.functionName === 'decodeCableBytes'],
  ['transform: core tables', (f) => f.functionName === 'transformCable'],
  ['transform: facts', (f) => f.functionName === 'extractFacts'],
  ['transform: indicators', (f) => f.functionName === 'applyRecipe' || f.functionName === 'buildIndicators'],
  ['row validation', (f) => f.functionName === 'assertRows' || f.functionName === 'checkRows' || f.functionName === 'validateRows'],
  ['cross-checks', (f) => f.functionName === 'runChecks'],
  ['organizations merge', (f) => f.functionName === 'mergeOrganizations'],
  ['encode: CSV', (f) => f.functionName === 'csvBody' || f.functionName === 'tableToCsv' || f.functionName === 'csvLines'],
  [
    'encode: Arrow',
    (f) => f.functionName === 'rowsToArrow' || f.functionName === 'tableToIPC' || f.functionName === 'arrowStream' || f.functionName === 'recordBatchBytes',
  ],
  ['encode: Parquet', (f) => f.functionName === 'parquetOfStream' || f.functionName === 'writeParquet' || f.functionName === 'parquetBytes'],
  ['hashing', (f) => f.functionName === 'digest' || (f.functionName === 'update' && f.url.includes('internal/crypto')) || f.functionName === 'createHash'],
  [
    'hand-over: post/receive',
    (f) =>
      f.functionName === 'postMessage' ||
      f.functionName === '[worker] onmessage' ||
      f.functionName === 'emitMessage' ||
      f.functionName === 'receiveMessageOnPort',
  ],
  ['main: append parts', (f) => f.functionName === 'appendParts' || f.functionName === 'appendPart'],
  ['main: intake', (f) => f.functionName === 'take'],
  ['main: footers, descriptor', (f) => f.functionName === 'finish' && f.url.includes('publish')],
  ['file writes', (f) => f.functionName === 'writeSync' || f.functionName === 'appendFileSync'],
  ['cache', (f) => f.url.includes('/cache/')],
];

const SPECIAL = { '(garbage collector)': 'GC', '(idle)': 'idle', '(program)': 'V8 program (compile, runtime)' };

function files(args) {
  return args.flatMap((arg) =>
    statSync(arg).isDirectory()
      ? readdirSync(arg)
          .filter((f) => f.endsWith('.cpuprofile'))
          .sort()
          .map((f) => path.join(arg, f))
      : [arg],
  );
}

/** Milliseconds of each stage and of each function's self time in one profile. */
export function analyse(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageOf = new Map();
  const resolve = (id) => {
    if (stageOf.has(id)) return stageOf.get(id);
    const node = byId.get(id);
    const special = SPECIAL[node.callFrame.functionName];
    let stage = special ?? STAGES.find(([, match]) => match(node.callFrame))?.[0];
    if (!stage) stage = parent.has(id) ? resolve(parent.get(id)) : 'other';
    stageOf.set(id, stage);
    return stage;
  };
  const stages = new Map();
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const stage = resolve(id);
    stages.set(stage, (stages.get(stage) ?? 0) + dt);
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? path.basename(f.url) : ''}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return { total, stages, self };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const [, value] = args.splice(i, 2);
    return Number(value);
  };
  const top = opt('--top', 25);
  const cables = opt('--cables', 0);
  for (const file of files(args)) {
    const { total, stages, self } = analyse(JSON.parse(readFileSync(file, 'utf8')));
    const busy = total - (stages.get('idle') ?? 0);
    console.log(`\n${path.basename(file)}: ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy`);
    console.log(`\n| stage | ms | % of busy |${cables ? ' ms/cable |' : ''}\n|---|---|---|${cables ? '---|' : ''}`);
    for (const [stage, ms] of [...stages].sort((a, b) => b[1] - a[1])) {
      if (stage === 'idle') continue;
      console.log(`| ${stage} | ${ms.toFixed(0)} | ${((ms / busy) * 100).toFixed(1)} |${cables ? ` ${(ms / cables).toFixed(3)} |` : ''}`);
    }
    console.log(`\ntop ${top} functions by self time:`);
    for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${key}`);
  }
}
