import type { Code } from '@cablepress/core';
import { OrganizationTally, type CableCandidates } from '@cablepress/pipeline';
import { CableIdSet, type PackedFiles } from './packed.js';
import type { JsonListFile } from './json-list.js';
import type { RerunChunk } from './pool.js';
import { processChunk, type ChunkResult, type Partition } from './work.js';

/** A file that gave no cable rows, as listed in failures.json. */
export interface Failure {
  file: string;
  code: Code;
  message: string;
}

/** Failures kept for the summary; failures.json lists them all. */
const SUMMARY_FAILURES = 100;

/**
 * What the main thread keeps while chunks arrive in file order: counts, the ids seen (for duplicates), warnings by
 * code, the latest `created`, the organizations merged cable by cable, the indicator candidates of the TIP report
 * cables (with their partition; a few KB a cable, decided once all are in) and the first failures. Failures and
 * findings go straight to their files; other rows never stop here.
 */
export class ChunkIntake {
  files = 0;
  bytes = 0;
  cables = 0;
  failed = 0;
  latest: string | null = null;
  readonly organizations = new OrganizationTally();
  readonly tipCandidates: CableCandidates[] = [];
  /** The partition value of each cable with indicator candidates, when the corpus is partitioned. */
  readonly tipPartitions = new Map<string, string>();
  readonly failures: Failure[] = [];
  readonly warningCodes = new Map<string, number>();
  private seen = new CableIdSet();

  constructor(
    private readonly corpus: PackedFiles,
    private readonly failuresFile: JsonListFile,
    private readonly findingsFile: JsonListFile,
    private readonly partition: Partition | undefined,
  ) {}

  /** Lists a file that gave no rows (in failures.json and, for the first ones, the summary). */
  fail(failure: Failure): void {
    this.failed++;
    if (this.failures.length < SUMMARY_FAILURES) this.failures.push(failure);
    this.failuresFile.add(failure);
  }

  /**
   * Takes the outcomes of the chunk whose first file is number `start`, in file order, and returns the parts to write.
   * A cable already read from an earlier file is a DUPLICATE_CABLE failure, and its chunk is built again without it by
   * a worker (`rerun`; here only when that worker died).
   */
  async take(start: number, result: ChunkResult, rerun: RerunChunk): Promise<ChunkResult['parts']> {
    const chunk = this.corpus.slice(start, start + result.cables.length);
    const duplicates: number[] = [];
    result.cables.forEach((outcome, position) => {
      const file = chunk[position]!;
      this.files++;
      this.bytes += file.bytes;
      if (!outcome.ok) return this.fail({ file: file.label, code: outcome.code, message: outcome.message });
      const first = this.seen.addOrGet(outcome.cableId, start + position);
      if (first !== undefined) {
        duplicates.push(position);
        return this.fail({
          file: file.label,
          code: 'DUPLICATE_CABLE',
          message: `cable ${outcome.cableId} was already read from ${this.corpus.label(first)}; this copy is left out.`,
        });
      }
      this.cables++;
      for (const [code, n] of Object.entries(outcome.warnings)) this.warningCodes.set(code, (this.warningCodes.get(code) ?? 0) + n);
      for (const finding of outcome.findings ?? []) this.findingsFile.add({ cable_id: outcome.cableId, ...finding });
      if (outcome.created !== null && (this.latest === null || outcome.created > this.latest)) this.latest = outcome.created;
      this.organizations.add(outcome.organizations);
      if (outcome.tipCandidates) {
        this.tipCandidates.push(outcome.tipCandidates);
        if (this.partition) this.tipPartitions.set(outcome.cableId, outcome.partition!);
      }
    });
    if (duplicates.length === 0) return result.parts;
    const kept =
      (await rerun(chunk, duplicates)) ?? processChunk(chunk, 'build', { exclude: duplicates, ...(this.partition ? { partition: this.partition } : {}) });
    return kept.parts;
  }

  /** How many warnings the cables built so far have. */
  get warnings(): number {
    return [...this.warningCodes.values()].reduce((a, b) => a + b, 0);
  }

  /** Warnings by code, codes in alphabetical order. */
  byCode(): Record<string, number> {
    return Object.fromEntries([...this.warningCodes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}
