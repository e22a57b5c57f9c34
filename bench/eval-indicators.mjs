// Measures the published indicators of the TIP report cables against the hand labels (bench/indicator-labels.json):
// builds datasets/tip-reports in a scratch copy with the current code, then prints precision and recall per indicator.
// Precision: published rows whose value is the labelled figure, of the published rows whose label is stated or none
// stated (a row published where the label is ambiguous counts neither way). Recall: stated figures published with
// their value, of all stated figures. Run with `npm run eval` (it builds the packages first).
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const labels = JSON.parse(await readFile(path.join(root, 'bench/indicator-labels.json'), 'utf8')).labels;

async function buildIndicators() {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'cablepress-eval-'));
  const dir = path.join(scratch, 'tip-reports');
  try {
    for (const entry of ['source', 'package.json', 'CHANGELOG.md']) {
      await cp(path.join(root, 'datasets/tip-reports', entry), path.join(dir, entry), { recursive: true });
    }
    await cp(path.join(root, 'datasets/tip-reports/reviews.json'), path.join(dir, 'reviews.json')).catch(() => undefined);
    execFileSync(process.execPath, [path.join(root, 'packages/cli/bin/cablepress.js'), 'build', dir, '--quiet'], { stdio: 'inherit' });
    const csv = await readFile(path.join(dir, 'data/indicators.csv'), 'utf8');
    return Papa.parse(csv, { header: true, skipEmptyLines: true }).data;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const rows = await buildIndicators();
const published = new Map(rows.map((r) => [`${r.indicator_id}`, r]));
const perIndicator = new Map();
const stat = (ind) => perIndicator.get(ind) ?? perIndicator.set(ind, { published: 0, right: 0, ambiguous: 0, stated: 0, found: 0 }).get(ind);
const wrong = [];
const missed = [];
for (const label of labels) {
  const s = stat(label.indicator);
  const row = published.get(`${label.report}-${label.indicator}`);
  if (label.status === 'stated') s.stated++;
  if (row) {
    if (label.status === 'ambiguous') s.ambiguous++;
    else {
      s.published++;
      if (label.status === 'stated' && Number(row.value) === label.value) s.right++;
      else
        wrong.push(
          `${row.indicator_id} = ${row.value} (label: ${label.status === 'stated' ? label.value : label.status}) ${row.citation}: ${row.quote.slice(0, 120)}`,
        );
    }
  }
  if (label.status === 'stated') {
    if (row && Number(row.value) === label.value) s.found++;
    else missed.push(`${label.report}-${label.indicator} = ${label.value} ${label.citation}: ${label.quote.slice(0, 120)}`);
  }
}

const pct = (a, b) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
const total = { published: 0, right: 0, ambiguous: 0, stated: 0, found: 0 };
console.log('indicator             published  right  on-ambiguous  precision  stated  found  recall');
for (const [ind, s] of perIndicator) {
  for (const k of Object.keys(total)) total[k] += s[k];
  console.log(
    `${ind.padEnd(22)}${String(s.published).padStart(9)}${String(s.right).padStart(7)}${String(s.ambiguous).padStart(14)}${pct(s.right, s.published).padStart(11)}${String(s.stated).padStart(8)}${String(s.found).padStart(7)}${pct(s.found, s.stated).padStart(8)}`,
  );
}
console.log(
  `${'all'.padEnd(22)}${String(total.published).padStart(9)}${String(total.right).padStart(7)}${String(total.ambiguous).padStart(14)}${pct(total.right, total.published).padStart(11)}${String(total.stated).padStart(8)}${String(total.found).padStart(7)}${pct(total.found, total.stated).padStart(8)}`,
);
if (wrong.length > 0) console.log(`\npublished but not the labelled figure:\n  ${wrong.join('\n  ')}`);
if (missed.length > 0) console.log(`\nstated figures not published:\n  ${missed.join('\n  ')}`);
