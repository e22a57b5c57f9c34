/**
 * The published home of the datasets: the base URL of the site (`cablepress site` writes it), configured once in the
 * repository's root package.json as `"cablepress": { "homepage": "https://…/" }`. `null` there means not configured:
 * nothing is published yet, and no consumer may invent a URL.
 */
export type Homepage = string | null;

/** An absolute http(s) URL without query or fragment. */
const URL_SHAPE = /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/;

/** The problem with a configured homepage value, or null when it is usable (a URL as above, or null: not configured). */
export function homepageProblem(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || !URL_SHAPE.test(value))
    return `"cablepress.homepage" must be an absolute http(s) URL or null, not ${JSON.stringify(value)?.slice(0, 80)}`;
  return null;
}

/** The homepage as a base URL ending in one slash, or null when not configured. */
export function homepageBase(value: string | null | undefined): Homepage {
  return value ? value.replace(/\/*$/, '/') : null;
}

/** The public page of a dataset under the homepage (`<homepage>/<name>/`), or null when no homepage is configured. */
export function datasetPageUrl(homepage: Homepage, name: string): string | null {
  const base = homepageBase(homepage);
  return base === null ? null : `${base}${encodeURIComponent(name)}/`;
}
