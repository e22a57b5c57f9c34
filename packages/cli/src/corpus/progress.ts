import cliProgress from 'cli-progress';
import type { Io } from '../io.js';

export interface ProgressCounts {
  files: number;
  bytes: number;
  failed: number;
}

/**
 * Progress of a corpus build on stderr: a bar on a terminal; otherwise a plain line at the start, every
 * `everySeconds` seconds and at the end. The rate is files over the seconds since `started` (the start of the build),
 * and `stop` returns those seconds, so the last line shows the rate the summary reports.
 */
export class Progress {
  private bar: cliProgress.SingleBar | undefined;
  private plain: { io: Io; every: number; last: number } | undefined;

  constructor(
    io: Io,
    private readonly totalFiles: number,
    private readonly totalBytes: number,
    enabled: boolean,
    private readonly started = performance.now(),
    everySeconds = 5,
  ) {
    if (!enabled) return;
    if (io.isTTY !== true) {
      this.plain = { io, every: everySeconds * 1000, last: performance.now() };
      this.line({ files: 0, bytes: 0, failed: 0 }, performance.now());
      return;
    }
    const stream = {
      isTTY: true,
      columns: process.stderr.columns,
      write: (text: string) => {
        io.stderr(text);
        return true;
      },
    } as unknown as NodeJS.WritableStream;
    this.bar = new cliProgress.SingleBar(
      {
        stream,
        fps: 5,
        hideCursor: true,
        format: 'corpus [{bar}] {percentage}% | {files}/{totalFiles} files | {mb}/{totalMb} MB | {rate} cables/s | {failed} failed | ETA {eta_formatted}',
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(Math.max(1, totalBytes), 0, this.payload({ files: 0, bytes: 0, failed: 0 }, performance.now()));
  }

  private payload(counts: ProgressCounts, now: number): Record<string, string | number> {
    const seconds = (now - this.started) / 1000;
    return {
      files: counts.files,
      totalFiles: this.totalFiles,
      mb: (counts.bytes / 1e6).toFixed(1),
      totalMb: (this.totalBytes / 1e6).toFixed(1),
      rate: seconds > 0 ? Math.round(counts.files / seconds) : 0,
      failed: counts.failed,
      seconds: seconds.toFixed(1),
    };
  }

  /** One plain line: `corpus: 1024/250000 files (0.4 %), 7.4/1812.0 MB, 410 cables/s, 0 failed, 2.5 s`. */
  private line(counts: ProgressCounts, now: number): void {
    const p = this.payload(counts, now);
    const percent = this.totalBytes > 0 ? ((100 * counts.bytes) / this.totalBytes).toFixed(1) : '100.0';
    this.plain!.io.stderr(
      `corpus: ${p.files}/${p.totalFiles} files (${percent} %), ${p.mb}/${p.totalMb} MB, ${p.rate} cables/s, ${p.failed} failed, ${p.seconds} s\n`,
    );
    this.plain!.last = now;
  }

  update(counts: ProgressCounts): void {
    const now = performance.now();
    if (this.plain && now - this.plain.last >= this.plain.every) this.line(counts, now);
    this.bar?.update(counts.bytes, this.payload(counts, now));
  }

  /** Shows the final counts and returns the seconds since the build started, which the rate was computed over. */
  stop(counts: ProgressCounts, now: number): number {
    if (this.plain) this.line(counts, now);
    if (this.bar) {
      this.bar.update(Math.max(1, this.totalBytes), this.payload(counts, now));
      this.bar.stop();
      this.bar = undefined;
    }
    this.plain = undefined;
    return (now - this.started) / 1000;
  }
}
