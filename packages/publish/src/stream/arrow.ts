import { AsyncByteQueue, RecordBatchFileWriter, tableFromIPC } from 'apache-arrow';
import { FileBlock } from 'apache-arrow/ipc/metadata/file';
import { Message } from 'apache-arrow/ipc/metadata/message';
import type { HashedFile } from './hashed-file.js';

/** The byte sink of an Arrow IPC writer that goes straight to a file instead of queueing in memory. */
export class ArrowSink extends AsyncByteQueue {
  constructor(private readonly out: HashedFile) {
    super();
  }

  override write(value: ArrayBufferView | ArrayBuffer | string): void {
    this.out.write(
      typeof value === 'string'
        ? value
        : value instanceof ArrayBuffer
          ? new Uint8Array(value)
          : new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
    );
  }
}

/** The record batch of an IPC stream that holds a schema, one record batch and the end-of-stream marker, framed as in the stream. */
interface FramedBatch {
  bytes: Uint8Array;
  /** Continuation marker, length prefix and metadata with its padding, as the file footer counts it. */
  metaDataLength: number;
  bodyLength: number;
}

const CONTINUATION = -1;

/** The one record batch of `stream`, or null when the stream is not a schema, one record batch and its end. */
export function framedBatch(stream: Uint8Array): FramedBatch | null {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const end = stream.byteLength - 8;
  if (end < 16 || view.getInt32(0, true) !== CONTINUATION || view.getInt32(end, true) !== CONTINUATION || view.getInt32(end + 4, true) !== 0) return null;
  const start = 8 + view.getInt32(4, true);
  if (start + 8 > end || view.getInt32(start, true) !== CONTINUATION) return null;
  const metaDataLength = 8 + view.getInt32(start + 4, true);
  if (start + metaDataLength > end) return null;
  const message = Message.decode(stream.subarray(start + 8, start + metaDataLength));
  if (!message.isRecordBatch() || start + metaDataLength + message.bodyLength !== end) return null;
  return { bytes: stream.subarray(start, end), metaDataLength, bodyLength: message.bodyLength };
}

/**
 * An Arrow IPC file writer that also takes the record batch of a one-batch IPC stream as it is: a stream message and a
 * file message are framed alike, so the bytes go into the file with their block in the footer, where `write` would
 * decode the batch and encode it again (a third of the main thread's time in a corpus build). Other streams are
 * decoded and written batch by batch.
 */
export class ArrowFileAppender extends RecordBatchFileWriter {
  appendStream(stream: Uint8Array): void {
    const batch = framedBatch(stream);
    if (!batch) {
      for (const b of tableFromIPC(stream).batches) this.write(b);
      return;
    }
    this._recordBatchBlocks.push(new FileBlock(batch.metaDataLength, batch.bodyLength, this._position));
    this._write(batch.bytes);
  }
}
