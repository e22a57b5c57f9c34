import gazetteer from '../data/posts.json' with { type: 'json' };

const POSTS: Record<string, string[]> = gazetteer.posts;
/** Posts whose historical name the 1970s PlusD ids keep, under the name the Cablegate ids use ("TAIPEI" → "AITTAIPEI"). */
const CABLEGATE_FORM: Record<string, string> = gazetteer.cablegateForms;

/** Every post and alias, upper case with single spaces and also with no spaces, → the post. */
const STATION_OF = new Map<string, string>();
for (const [post, aliases] of Object.entries(POSTS)) {
  STATION_OF.set(post, post);
  for (const alias of aliases) {
    const upper = alias.toUpperCase();
    STATION_OF.set(upper, post);
    STATION_OF.set(upper.replace(/[^A-Z]/g, ''), post);
  }
}
/** The spellings without spaces, the ones an unknown station is compared with. */
const SPELLINGS = [...STATION_OF.keys()].filter((k) => /^[A-Z]+$/.test(k));

/** Shortest unknown station corrected at all, and shortest corrected by two edits or as a prefix. */
const MIN_ONE_EDIT = 4;
const MIN_TWO_EDITS = 8;
const MIN_PREFIX = 5;

/** A zero between letters is an O, a one between letters an I ("T0KYO", "0TTAWA", "SANTIAG0"). */
function lettersOf(station: string): string {
  return station
    .toUpperCase()
    .replace(/(?<=[A-Z])0|0(?=[A-Z])/g, 'O')
    .replace(/(?<=[A-Z])1(?=[A-Z])/g, 'I')
    .replace(/\s+/g, ' ')
    .trim();
}

function lookUp(upper: string): string | null {
  return STATION_OF.get(upper) ?? STATION_OF.get(upper.replace(/[^A-Z]/g, '')) ?? null;
}

/** The post a station name denotes ("SAO PAULO", "Rio", "HAGUE", "T0KYO", "PARIS FR"), or null when unknown. */
export function knownStation(station: string): string | null {
  const upper = lettersOf(station);
  const direct = lookUp(upper);
  if (direct) return direct;
  const withCountry = /^(.{3,40}?),? [A-Z]{2}$/.exec(upper);
  return withCountry ? lookUp(withCountry[1]!) : null;
}

const nearest = new Map<string, string | null>();

/**
 * The post an unknown station most likely misspells: the one post whose spelling is nearest, one edit away
 * (two for a station of eight letters or more; a swap of two letters is one edit), or the one post it is the
 * start of ("RIODEJAN", "PHNOMPEN"). Null when two posts are as near, or the station is too short to tell.
 */
export function nearestStation(station: string): string | null {
  const letters = lettersOf(station).replace(/[^A-Z]/g, '');
  if (letters.length < MIN_ONE_EDIT) return null;
  const cached = nearest.get(letters);
  if (cached !== undefined) return cached;
  const found = uniqueNearest(letters) ?? uniquePrefix(letters);
  if (nearest.size < 10_000) nearest.set(letters, found);
  return found;
}

function uniqueNearest(letters: string): string | null {
  const limit = letters.length >= MIN_TWO_EDITS ? 2 : 1;
  let best = limit + 1;
  const posts = new Set<string>();
  for (const spelling of SPELLINGS) {
    if (Math.abs(spelling.length - letters.length) > limit) continue;
    const d = editDistance(letters, spelling, best);
    if (d < best) {
      best = d;
      posts.clear();
    }
    if (d === best) posts.add(STATION_OF.get(spelling)!);
  }
  return best <= limit && posts.size === 1 ? [...posts][0]! : null;
}

function uniquePrefix(letters: string): string | null {
  if (letters.length < MIN_PREFIX) return null;
  const posts = new Set<string>();
  for (const spelling of SPELLINGS) if (spelling.length > letters.length && spelling.startsWith(letters)) posts.add(STATION_OF.get(spelling)!);
  return posts.size === 1 ? [...posts][0]! : null;
}

/** Edits (insert, delete, replace, swap of neighbours) from a to b; any value above `cap` stands for "too far". */
export function editDistance(a: string, b: string, cap: number): number {
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = new Array<number>(m + 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > cap) return cap + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m]!;
}

/** The post a station names, known or nearest; null when neither. */
export function resolveStation(station: string): string | null {
  return knownStation(station) ?? nearestStation(station);
}

/** Station spelling as used in canonical Cablegate ids: the post (known, else nearest), else the letters as written. */
export function canonicalStation(station: string): string {
  const post = resolveStation(station);
  return post ? (CABLEGATE_FORM[post] ?? post) : station.toUpperCase().replace(/[^A-Z]/g, '');
}
