import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFailure } from '@cablepress/core';

/** What a streamed file ended up as: its size and SHA-256, for the datapackage resource. */
export interface WrittenFile {
  /** Absolute path of the file. */
  file: string;
  bytes: number;
  /** Lowercase hex SHA-256 of the bytes. */
  sha256: string;
}

/** Writes smaller than this are gathered first: the Arrow writer hands over every buffer and padding on its own. */
const GATHER = 1 << 16;

/** A file written front to back in chunks, hashed and counted as it goes, so nobody reads it back. */
export class HashedFile {
  readonly file: string;
  private fd: number;
  private hash: Hash = createHash('sha256');
  private size = 0;
  private gathered = Buffer.allocUnsafe(GATHER);
  private used = 0;

  constructor(file: string) {
    this.file = file;
    this.fd = this.failing(() => openSync(file, 'w'));
  }

  write(chunk: Uint8Array | string): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (bytes.byteLength === 0) return;
    this.size += bytes.byteLength;
    if (this.used + bytes.byteLength <= GATHER) {
      this.gathered.set(bytes, this.used);
      this.used += bytes.byteLength;
      return;
    }
    this.flush();
    if (bytes.byteLength < GATHER) {
      this.gathered.set(bytes, 0);
      this.used = bytes.byteLength;
    } else {
      this.put(bytes);
    }
  }

  private put(bytes: Uint8Array): void {
    this.hash.update(bytes);
    let offset = 0;
    while (offset < bytes.byteLength) offset += this.failing(() => writeSync(this.fd, bytes, offset, bytes.byteLength - offset));
  }

  private flush(): void {
    if (this.used === 0) return;
    this.put(this.gathered.subarray(0, this.used));
    this.used = 0;
  }

  /** Runs a system call on the file; a full disk, a read-only folder or too many open files becomes a typed error naming it. */
  private failing<T>(call: () => T): T {
    try {
      return call();
    } catch (error) {
      throw writeFailure(error, this.file, dirname(this.file), 'the previous release is intact');
    }
  }

  /** Closes the file without writing what is gathered, for a write that is given up (its folder is deleted next). */
  abandon(): void {
    this.used = 0;
    try {
      closeSync(this.fd);
    } catch {
      // already closed, or the close failed: the file is deleted with its folder either way
    }
  }

  close(): WrittenFile {
    this.flush();
    this.failing(() => closeSync(this.fd));
    return { file: this.file, bytes: this.size, sha256: this.hash.digest('hex') };
  }
}
