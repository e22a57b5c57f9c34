import cliProgress from 'cli-progress';
import type { Io } from '../io.js';

export interface ProgressCounts {
  files: number;
  bytes: number;
  failed: number;
}

/** Progress of a corpus build on stderr: a bar on a terminal, a plain line every few seconds otherwise. */
export class Progress {
  private bar: cliProgress.SingleBar | undefined;
  private started = performance.now();

  constructor(
    io: Io,
    private readonly totalFiles: number,
    private readonly totalBytes: number,
    enabled: boolean,
  ) {
    if (!enabled) return;
    const tty = io.isTTY === true;
    const stream = {
      isTTY: tty,
      columns: tty ? process.stderr.columns : undefined,
      write: (text: string) => {
        io.stderr(text);
        return true;
      },
    } as unknown as NodeJS.WritableStream;
    this.bar = new cliProgress.SingleBar(
      {
        stream,
        noTTYOutput: !tty,
        notTTYSchedule: 5000,
        fps: 5,
        hideCursor: tty,
        format: 'corpus [{bar}] {percentage}% | {files}/{totalFiles} files | {mb}/{totalMb} MB | {rate} cables/s | {failed} failed | ETA {eta_formatted}',
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(Math.max(1, totalBytes), 0, this.payload({ files: 0, bytes: 0, failed: 0 }));
  }

  private payload(counts: ProgressCounts): Record<string, string | number> {
    const seconds = (performance.now() - this.started) / 1000;
    return {
      files: counts.files,
      totalFiles: this.totalFiles,
      mb: (counts.bytes / 1e6).toFixed(1),
      totalMb: (this.totalBytes / 1e6).toFixed(1),
      rate: seconds > 0 ? Math.round(counts.files / seconds) : 0,
      failed: counts.failed,
    };
  }

  update(counts: ProgressCounts): void {
    this.bar?.update(counts.bytes, this.payload(counts));
  }

  stop(counts: ProgressCounts): void {
    if (!this.bar) return;
    this.bar.update(Math.max(1, this.totalBytes), this.payload(counts));
    this.bar.stop();
  }
}
