import { AsyncByteQueue } from 'apache-arrow';
import type { HashedFile } from './hashed-file.js';

/** The byte sink of an Arrow IPC writer that goes straight to a file instead of queueing in memory. */
export class ArrowSink extends AsyncByteQueue {
  constructor(private readonly out: HashedFile) {
    super();
  }

  override write(value: ArrayBufferView | ArrayBuffer | string): void {
    this.out.write(typeof value === 'string' ? value : value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  }
}
