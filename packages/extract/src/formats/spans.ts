import type { Span } from '../types.js';
import type { MappedText } from '../text.js';

/** The source span of mapped characters [start, end). */
export function spanOf(text: MappedText, start: number, end: number): Span {
  if (end <= start) {
    const at = start < text.map.length ? text.map[start]! : text.map.length > 0 ? text.map[text.map.length - 1]! + 1 : 0;
    return { start: at, end: at };
  }
  return { start: text.map[start]!, end: text.map[end - 1]! + 1 };
}
