import { collapseSpaces } from '@cablepress/extract';
import type { ParagraphRow } from '@cablepress/validate';
import { STOP_WORDS } from '../quantities/words.js';
import { splitSentences } from '../text.js';
import { EVIDENCE } from './evidence-words.js';
import { phraseAt, type Span } from './phrases.js';

/** A sentence that states that nothing of an indicator happened: "There were no convictions", "has not prosecuted any". */
export interface StatedZero {
  indicator: string;
  paragraph: ParagraphRow;
  /** The sentence, white space normalised. */
  quote: string;
  /** The words that state the zero, [start, end) in the quote. */
  words: Span;
  /** The paragraph's text before the sentence. */
  before: string;
}

/** Words that may stand between "no" and its noun: "no new", "no officially identified trafficking". */
const MAX_MODIFIERS = 3;
/** Characters after the noun in which a group ("of government officials") narrows the zero. */
const SUBGROUP_WINDOW = 60;

const WORD = /^[a-z][a-z'-]*$/;

/** The indicator a noun phrase after "no" names: a mapped noun, or "victims" with a participle ("identified victims"). */
function indicatorOfNounPhrase(words: readonly string[]): string | null {
  const noun = words.at(-1)!;
  const direct = EVIDENCE.zero.nouns[noun];
  if (direct) return direct;
  if (!EVIDENCE.zero.victims.includes(noun)) return null;
  for (const w of words.slice(0, -1)) {
    const participle = EVIDENCE.zero.verbs[w];
    if (participle?.startsWith('victims-')) return participle;
  }
  return null;
}

/** True when the words after the noun restrict the zero to a group ("of government officials", "against employers"). */
function namesSubgroup(after: string): boolean {
  const window = after.slice(0, SUBGROUP_WINDOW).split(/[.;]/)[0]!;
  const at = Math.min(...[' of ', ' against ', ' among ', ' by '].map((w) => window.indexOf(w)).filter((i) => i >= 0));
  return Number.isFinite(at) && EVIDENCE.zero.subgroups.some((g) => phraseAt(window.slice(at), g).length > 0);
}

/** A second noun joined to the first ("no prosecutions or convictions"): its indicator and the length of " or convictions". */
function joinedNoun(rest: readonly string[], n: number): { indicator: string; length: number } | null {
  const conjunction = rest[n];
  const noun = rest[n + 1]?.replace(/[,;:.)]+$/, '');
  if (!conjunction || !noun || !EVIDENCE.zero.conjunctions.includes(conjunction)) return null;
  const indicator = EVIDENCE.zero.nouns[noun];
  return indicator ? { indicator, length: ` ${conjunction} ${noun}`.length } : null;
}

/** "no (up to three words) noun": the zeros a sentence states with a determiner. */
function zerosByDeterminer(sentence: string): { indicator: string; words: Span }[] {
  const found: { indicator: string; words: Span }[] = [];
  for (const det of EVIDENCE.zero.determiners) {
    for (const at of phraseAt(sentence, det)) {
      const rest = sentence.slice(at + det.length + 1).split(' ');
      for (let n = 1; n <= MAX_MODIFIERS + 1 && n <= rest.length; n++) {
        const words = rest.slice(0, n).map((w) => w.replace(/[,;:)]+$/, ''));
        if (!words.every((w) => WORD.test(w) && !STOP_WORDS.has(w))) break;
        const indicator = indicatorOfNounPhrase(words);
        if (indicator === null) continue;
        let end = at + det.length + 1 + rest.slice(0, n).join(' ').length;
        const joined = joinedNoun(rest, n);
        if (joined && !namesSubgroup(sentence.slice(end + joined.length)))
          found.push({ indicator: joined.indicator, words: { start: at, end: end + joined.length } });
        if (joined) end += joined.length;
        if (!namesSubgroup(sentence.slice(end))) found.push({ indicator, words: { start: at, end } });
        break;
      }
    }
  }
  return found;
}

/** "has not prosecuted any", "did not convict any": the zeros a sentence states with a negated verb and "any". */
function zerosByVerb(sentence: string): { indicator: string; words: Span }[] {
  const found: { indicator: string; words: Span }[] = [];
  for (const neg of EVIDENCE.zero.negated_verbs) {
    for (const at of phraseAt(sentence, neg)) {
      const m = /^ (?:yet )?(\w+) any(?: (?:trafficking |tip )?(\w+))?/.exec(sentence.slice(at + neg.length));
      const indicator = m ? EVIDENCE.zero.verbs[m[1]!] : undefined;
      if (!m || !indicator || (indicator.startsWith('victims-') && !EVIDENCE.zero.victims.includes(m[2] ?? ''))) continue;
      const end = at + neg.length + (indicator.startsWith('victims-') ? m[0].length : m[0].indexOf(' any') + 4);
      if (!namesSubgroup(sentence.slice(end))) found.push({ indicator, words: { start: at, end } });
    }
  }
  return found;
}

/** Every stated zero of a paragraph, one per indicator and sentence. */
export function statedZeros(paragraph: ParagraphRow): StatedZero[] {
  const text = collapseSpaces(paragraph.text);
  const zeros: StatedZero[] = [];
  for (const s of splitSentences(text)) {
    const lower = s.text.toLowerCase();
    const seen = new Set<string>();
    for (const z of [...zerosByDeterminer(lower), ...zerosByVerb(lower)]) {
      if (seen.has(z.indicator)) continue;
      seen.add(z.indicator);
      zeros.push({ indicator: z.indicator, paragraph, quote: s.text, words: z.words, before: text.slice(0, s.start) });
    }
  }
  return zeros;
}
