/**
 * Decodes a file's bytes as text: UTF-8 (a BOM is dropped), or UTF-16 LE/BE when the file starts with a
 * UTF-16 BOM. Throws InputError NOT_TEXT (with the file name) for binary data such as an image: NUL bytes
 * without a UTF-16 BOM, or invalid UTF-8 in more than a handful of places.
 */
export function decodeCableBytes(bytes: Uint8Array, file?: string): string {
  const where = file === undefined ? {} : { file };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  const nul = body.indexOf(0);
  if (nul >= 0) {
    throw new InputError(
      'NOT_TEXT',
      `${file ?? 'The input'} is not a text file (it contains NUL bytes at byte ${start + nul}).`,
      where,
      'Give a cable as UTF-8 text (.txt) or HTML.',
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const text = new TextDecoder('utf-8').decode(body);
    let bad = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
    if (bad > 16 && bad * 100 > text.length) {
      throw new InputError('NOT_TEXT', `${file ?? 'The input'} is not UTF-8 text (${bad} invalid byte sequences).`, where, 'Convert the file to UTF-8.');
    }
    return text;
  }
}
import { InputError } from '@cablepress/core';
