import { readFileSync } from 'node:fs';

interface TagDictionary {
  source: string;
  tags: Record<string, string>;
}

const dictionary = JSON.parse(readFileSync(new URL('../data/tags.json', import.meta.url), 'utf8')) as TagDictionary;

/** What a TAGS code means, from the tag dictionary (data/tags.json), or null when it is not there. */
export function describeTag(tag: string): string | null {
  return dictionary.tags[tag.toUpperCase()] ?? null;
}
