import { collapseSpaces } from '../text.js';
import { MARKING } from './markings.js';
import { fieldText } from './locate.js';

/** What may follow SUMMARY in a label: "and Comment", "and Action Request", "and Introduction", "/Comment". */
const LABEL_TAIL = '(?:\\s?(?:AND|&|/)\\s?(?:COMMENTS?|ACTION REQUESTS?|INTRODUCTION|RECOMMENDATIONS?|BACKGROUND|TABLE OF CONTENTS))?';
/** Dashes that rule a heading: hyphen, the Unicode hyphens and dashes (U+2010 to U+2015), equals signs. */
const DASHES = '\\-=\\u2010-\\u2015';
/** A heading line: "SUMMARY", "-------\nSUMMARY\n-------", "=== Summary and Comment ===", "— SUMMARY —". */
const HEADING = new RegExp(`^[${DASHES} ]{0,40}(?:EXECUTIVE )?SUMMARY${LABEL_TAIL}\\s?[:.]?[${DASHES} ]{0,40}$`, 'i');
/** An inline label: "Summary:", "SUMMARY AND ACTION REQUEST:", "Summary/Comment:", "Summary -", "BEGIN SUMMARY". */
const INLINE = new RegExp(`(?:^|\\s)(?:BEGIN )?(?:EXECUTIVE )?SUMMARY${LABEL_TAIL}\\s?(?:[:.\\-\\u2013\\u2014]{1,3}|(?=\\s[A-Z(]))\\s*`, 'i');
const END = /\bEND\s+(?:OF\s+)?SUMMARY\b\s?[.:]?/i;
/** A rule line or a heading line that ends a summary without END SUMMARY. */
const RULE = new RegExp(`^[${DASHES}]{3,}`);
/** Dashes that rule a heading on its own line: "---- SUMMARY ----". */
const EDGE_DASHES = new RegExp(`^[${DASHES}]+\\s|\\s[${DASHES}]+$`, 'g');
/** What every SUMMARY heading holds, tested before the heading pattern on each paragraph of the body. */
const SUMMARY_WORD = /summary/i;
/** A dashed heading run on after the summary's last sentence: "... [...]. -------- Training --------". */
const INLINE_RULE = /\s-{4,}\s/;
const CAPS_HEADING = /^[A-Z][A-Z ,/&'-]{2,60}$/;
/** A numbered paragraph at the start of a line with no blank line before it: "1. (C) Summary: ...". */
const NUMBERED_PAR = /^¶?\d{1,3}\s?\./;
const NUMBERED_LINE = /\n(?=[ \t]*¶?\d{1,3}[ \t]?\.[ \t])/g;

function stripPrefix(par: string): string {
  let p = par.trim().replace(/^¶?\s*\d{1,3}\s*\.\s*/, '');
  const m = MARKING.exec(p);
  if (m) p = p.slice(m[0].length).trim();
  return p;
}

/** The label repeated at the start of the summary ("Summary: Summary: ...") is dropped. */
function dropRepeatedLabel(text: string): string {
  const m = INLINE.exec(text.slice(0, 60));
  return m && m.index === 0 ? text.slice(m[0].length) : text;
}

/** The text before the header fields end, when the caller gave a whole cable: the body starts after the last label. */
function bodyOf(text: string): string {
  const located = fieldText(text, 'subject');
  if (located === text) return text;
  const at = text.indexOf(located);
  const rest = at >= 0 ? text.slice(at + located.length) : text;
  return rest;
}

/**
 * Body text (paragraphs separated by blank lines), or a whole cable, → the summary: the text after a label
 * ("Summary:", "Summary and Action Request:", "Summary and Introduction:", "Summary/Comment:", "BEGIN SUMMARY")
 * up to "End Summary", or the paragraphs under a SUMMARY heading (ruled with -, = or dashes) up to the next
 * heading; every paragraph in between is kept. With only "END SUMMARY", the text before it. With no
 * "END SUMMARY", the summary stops at the next heading or numbered paragraph. Each paragraph's lines are joined
 * with one space; paragraphs are separated by a blank line. Null when there is none.
 */
export function parseSummary(text: string): string | null {
  return summaryOfBody(bodyOf(text));
}

/** parseSummary on body text only (what parseCable has): no header to skip. */
export function summaryOfBody(body: string): string | null {
  const summary = findSummary(body);
  if (summary === null) return null;
  const out = summary
    .split(/\n[ \t]*\n/)
    .map((p) => collapseSpaces(p).trim())
    .filter(Boolean)
    .join('\n\n');
  return out || null;
}

function findSummary(text: string): string | null {
  const pars = text
    .replace(NUMBERED_LINE, '\n\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (let k = 0; k < pars.length; k++) {
    const par = pars[k]!;
    if (SUMMARY_WORD.test(par) && HEADING.test(par.replace(/\s+/g, ' ').replace(EDGE_DASHES, ''))) {
      const parts: string[] = [];
      for (let j = k + 1; j < pars.length; j++) {
        const next = pars[j]!;
        if (RULE.test(next) || CAPS_HEADING.test(next)) break;
        const endAt = END.exec(next);
        parts.push(stripPrefix(endAt ? next.slice(0, endAt.index) : next));
        if (endAt) break;
      }
      const joined = dropRepeatedLabel(parts.filter(Boolean).join('\n\n')).trim();
      return joined || null;
    }
    const body = stripPrefix(par);
    const m = INLINE.exec(body.slice(0, 60));
    if (m && m.index < 20 && !/^END\b/i.test(body.slice(0, m.index + 4).trim())) {
      return inlineSummary(dropRepeatedLabel(body.slice(m.index + m[0].length)), pars.slice(k + 1, k + 12));
    }
  }
  return onlyEnd(pars);
}

/**
 * A summary after an inline label: up to END SUMMARY, over the numbered paragraphs before it when it comes
 * later; without one, up to a run-on dashed heading, a rule, a heading or the next numbered paragraph.
 */
function inlineSummary(rest: string, following: string[]): string | null {
  const end = END.exec(rest);
  if (end) return rest.slice(0, end.index).trim() || null;
  const endAt = following.findIndex((p) => END.test(p));
  const parts = [cutInlineRule(rest)];
  for (const next of following) {
    const e = END.exec(next);
    if (e) {
      parts.push(stripPrefix(next.slice(0, e.index)));
      break;
    }
    if (RULE.test(next) || CAPS_HEADING.test(next) || (endAt < 0 && NUMBERED_PAR.test(next))) break;
    parts.push(stripPrefix(next));
  }
  return parts.filter(Boolean).join('\n\n').trim() || null;
}

function cutInlineRule(text: string): string {
  const rule = INLINE_RULE.exec(text);
  return rule ? text.slice(0, rule.index) : text;
}

/** A summary marked only by "END SUMMARY": the paragraphs up to it from the first numbered one (else from the first). */
function onlyEnd(pars: string[]): string | null {
  for (let k = 0; k < pars.length && k < 10; k++) {
    const e = END.exec(pars[k]!);
    if (!e) continue;
    const numbered = pars.findIndex((p) => NUMBERED_PAR.test(p));
    const parts = pars.slice(numbered >= 0 && numbered <= k ? numbered : 0, k).map(stripPrefix);
    parts.push(stripPrefix(pars[k]!.slice(0, e.index)));
    return parts.filter(Boolean).join('\n\n').trim() || null;
  }
  return null;
}
