import { createHash } from 'node:crypto';

/** Lowercase hex SHA-256 of some bytes or text (text is hashed as UTF-8). */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
