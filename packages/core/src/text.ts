/** `text` cut to at most `max` characters, the last of them an ellipsis, never between the halves of a surrogate pair. */
export function ellipsis(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).replace(/[\uD800-\uDBFF]$/, '')}…`;
}

/**
 * `text` without the characters at its end for which `drop` holds, in time linear in the text: `replace(/[...]+$/, '')`
 * tries every run of them, so a run of megabytes takes minutes.
 */
export function trimEndWhile(text: string, drop: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1]!)) end--;
  return text.slice(0, end);
}
