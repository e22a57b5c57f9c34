// CPU time of each stage of the per-cable build, in process on one thread, over a synthetic corpus made from the
// repository's cables (bench/synthetic-corpus.mjs): read, parse, core tables, facts, row validation (assertRows),
// cross-checks (runChecks), and the encoders of a chunk of 128 cables (CSV lines, Arrow record batch, Parquet row
// group) and the sha256 of the source. The stages run one after the other for every cable, as a worker runs them.
// `npm run build && node bench/stages.mjs [cables]` (default 2000; BENCH_TEMPLATES as in synthetic-corpus.mjs). Each
// figure is process CPU time (user + system) per cable, so the machine's load inflates it less than wall time; the
// load average is printed beside. Figures only.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { Compression, Table as WasmTable, writeParquet, WriterPropertiesBuilder } from 'parquet-wasm';
import { decodeCableBytes, parseCable } from '../packages/extract/dist/index.js';
import { extractFacts, transformCable } from '../packages/transform/dist/index.js';
import { allTables, assertRows, runChecks } from '../packages/validate/dist/index.js';
import { rowsToArrow } from '../packages/publish/dist/encode/arrow.js';
import { csvLines } from '../packages/publish/dist/encode/csv.js';
import { makeSyntheticCorpus } from './synthetic-corpus.mjs';

const CABLES = Number(process.argv[2] ?? 2000);
const CHUNK = 128;
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

const work = mkdtempSync(path.join(os.tmpdir(), 'cablepress-stages-'));
try {
  const made = makeSyntheticCorpus(work, CABLES);
  const files = readdirSync(work, { recursive: true })
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort()
    .map((f) => path.join(work, f));
  const spent = new Map();
  const time = (stage, fn) => {
    const c0 = cpu();
    const out = fn();
    spent.set(stage, (spent.get(stage) ?? 0) + cpu() - c0);
    return out;
  };
  const encode = (rows) => {
    for (const table of allTables) {
      const list = rows.get(table.name) ?? [];
      if (list.length === 0) continue;
      time('encode: CSV', () => new TextEncoder().encode(csvLines(table, list)));
      const stream = time('encode: Arrow', () => tableToIPC(rowsToArrow(table, list), 'stream'));
      time('encode: Parquet', () =>
        writeParquet(
          WasmTable.fromIPCStream(stream),
          new WriterPropertiesBuilder()
            .setCompression(Compression.ZSTD)
            .setMaxRowGroupSize(1 << 30)
            .build(),
        ),
      );
    }
  };
  const pass = (list) => {
    spent.clear();
    let rows = new Map();
    let ok = 0;
    const c0 = cpu();
    list.forEach((file, i) => {
      const bytes = time('read', () => readFileSync(file));
      try {
        const cable = time('parse', () => parseCable(decodeCableBytes(bytes, file), { source: file }));
        const sha256 = time('sha256 of the source', () => createHash('sha256').update(bytes).digest('hex'));
        const core = time('transform: core tables', () => transformCable(cable, { file, sha256 }));
        const facts = time('transform: facts', () =>
          extractFacts(
            cable,
            core.paragraphs.map((p) => p.paragraph_id),
          ),
        );
        const tables = { ...core, ...facts };
        time('row validation', () => {
          for (const table of allTables) if (tables[table.name]) assertRows(table, tables[table.name]);
        });
        time('cross-checks', () => runChecks({ tables, sources: new Map([[cable.id, cable.source]]) }));
        for (const [name, list] of Object.entries(tables)) {
          if (!rows.has(name)) rows.set(name, []);
          rows.get(name).push(...list);
        }
        ok++;
      } catch {
        // a file that is not a cable: counted out
      }
      if ((i + 1) % CHUNK === 0 || i === list.length - 1) {
        encode(rows);
        rows = new Map();
      }
    });
    return { ok, total: cpu() - c0 };
  };
  pass(files.slice(0, Math.min(300, files.length)));
  const loadBefore = load();
  const { ok, total } = pass(files);
  console.log(
    `${ok} cables of ${files.length} (${(made.bytes / made.count / 1e3).toFixed(1)} KB a cable, ${made.templates} templates), load average ${loadBefore} → ${load()}, Node ${process.version}`,
  );
  console.log('\n| stage | CPU ms/cable | % |\n|---|---|---|');
  for (const [stage, ms] of [...spent].sort((a, b) => b[1] - a[1])) console.log(`| ${stage} | ${(ms / ok).toFixed(3)} | ${((ms / total) * 100).toFixed(1)} |`);
  console.log(`| total | ${(total / ok).toFixed(3)} | 100 |`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
