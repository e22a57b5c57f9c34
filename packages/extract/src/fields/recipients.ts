import type { Recipient } from '../types.js';
import { bannerIndex } from '../reader/lines.js';
import { isDocument } from './locate.js';

const PRECEDENCE = new Set(['FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE']);
const ROUTE = /^[A-Z]{4,8}$/;

/** One address line → recipient: "RUEHC/SECSTATE WASHDC PRIORITY 1866" → route, name, precedence, mcn. */
export function parseRecipientLine(line: string): Recipient | null {
  const text = line.replace(/\s+/g, ' ').trim().replace(/\/+$/, '');
  if (!text) return null;
  let route: string | null = null;
  let rest = text;
  const slash = text.indexOf('/');
  if (slash > 0 && ROUTE.test(text.slice(0, slash))) {
    route = text.slice(0, slash);
    rest = text.slice(slash + 1).trim();
  }
  const words = rest.split(' ');
  let mcn: string | null = null;
  let precedence: string | null = null;
  const last = words[words.length - 1];
  if (words.length > 1 && last && /^\d{1,6}$/.test(last)) {
    mcn = last;
    words.pop();
  }
  const prec = words[words.length - 1];
  if (words.length > 1 && prec && PRECEDENCE.has(prec)) {
    precedence = prec;
    words.pop();
    if (words.length > 1 && words[words.length - 1] === 'NIACT') {
      words.pop();
      precedence = `NIACT ${precedence}`;
    }
  }
  const name = words.join(' ');
  if (!name) return null;
  return { route, name, precedence, mcn };
}

/** Lines that end the address lists: a classification banner, BT, a header field, a handling line. */
const LIST_END =
  /^(?:BT$|NNNN|UNCLAS|C O N F|S E C R E T|CONFIDENTIAL\b|SECRET\b|LIMITED OFFICIAL USE|E\.? ?O\.? ?1|TAGS?\b|SUBJ|SIPDIS|SENSITIVE\b|NOFORN\b|REF\b|Classified By)/i;
/** Routing lines before and between the lists. */
const ROUTING = /^(?:FM|DE|ZNR|ZNY|VZCZC|[OPRZ]{1,2} \d{6}Z|PP |OO |RR )/;
const PAGE_LINE = /^PAGE \d{2,3}\b/;
/** An office distribution table before FM: "INFO  LOG-00   MFA-00 ...", "SAS-00   FA-00      /002R". */
const DISTRIBUTION = /^(?:(?:INFO|ACTION|ORIGIN)\s+)?[A-Z]{1,6}-\d{2}\b|\/\d{3}[A-Z]$/;
const COLLECTIVE = /COLLECTIVE|ALL (?:DIPLOMATIC|USEU|NATO|OECD|AMERICAN)|POSTS\b|ALL USCINCS/;

/** A classification glued to the last address: "...PRIORITY 3034C O N F I D E N T I A L CAIRO", "WASHDC 9461UNCLASSIFIED". */
const GLUED_CLASSIFICATION = /(?<=\d|PRIORITY|IMMEDIATE|ROUTINE|WASHDC|\/)(?:UNCLAS|C O N F|S E C R E T|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)/;

/** Where a banner starts inside an address line, or -1. */
function gluedBanner(line: string): number {
  const at = bannerIndex(line);
  if (at > 0) return at;
  const m = GLUED_CLASSIFICATION.exec(line);
  return m ? m.index : -1;
}

interface Lists {
  to: Recipient[];
  info: Recipient[];
}

/**
 * The TO and INFO lists of a routing header (or any text holding one): TO runs until INFO, INFO to the end
 * of the lists (a banner, BT or a header field); PAGE lines (also on the TO or INFO line itself) and a repeated
 * routing header are ignored. An XMT line ("XMT " or "XMT/", also right after INFO) and the lines after it
 * list addresses excluded from the collective above: they become `excluded` on that recipient. Null when the
 * text has no TO, INFO or XMT label.
 */
function readLists(text: string): Lists | null {
  const lists: Lists & { xmt: string[] } = { to: [], info: [], xmt: [] };
  let state: 'to' | 'info' | 'xmt' | null = null;
  let labelled = false;
  const seen = new Set<string>();
  for (const raw of text.split('\n')) {
    let line = raw.trim().replace(/\\$/, '');
    if (!line || PAGE_LINE.test(line)) continue;
    const banner = gluedBanner(line);
    if (banner > 0) line = line.slice(0, banner).trim();
    if (DISTRIBUTION.test(line)) {
      state = null;
      continue;
    }
    const label = /^(TO|INFO|XMT)(?:\s+|\/)/.exec(line);
    if (label) {
      const name = label[1]!.toLowerCase() as 'to' | 'info' | 'xmt';
      labelled = true;
      if (seen.has(name) && name !== 'xmt') {
        state = null;
        continue;
      }
      seen.add(name);
      const rest = line.slice(label[0].length).trim();
      const xmt = /^XMT(?:\s+|\/)/.exec(rest);
      state = xmt ? 'xmt' : name;
      addTo(lists, state, xmt ? rest.slice(xmt[0].length) : rest);
      if (banner > 0) break;
      continue;
    }
    if (labelled && (LIST_END.test(line) || /^INFO\s/.test(line))) break;
    if (ROUTING.test(line)) {
      state = null;
      continue;
    }
    if (state) addTo(lists, state, line);
    if (banner > 0) break;
  }
  if (!labelled) return null;
  if (lists.xmt.length > 0) {
    const all = [...lists.to, ...lists.info];
    const target = [...all].reverse().find((r) => COLLECTIVE.test(r.name)) ?? all[all.length - 1];
    if (target) target.excluded = [...new Set(lists.xmt)];
  }
  return { to: lists.to, info: lists.info };
}

function addTo(lists: Lists & { xmt: string[] }, state: 'to' | 'info' | 'xmt', line: string): void {
  if (PAGE_LINE.test(line)) return;
  const r = parseRecipientLine(line);
  if (!r) return;
  if (state === 'xmt') lists.xmt.push(r.name);
  else lists[state].push(r);
}

function parseList(text: string, prefix: RegExp): Recipient[] {
  const out: Recipient[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(prefix, '');
    if (PAGE_LINE.test(line.trim())) continue;
    const r = parseRecipientLine(line);
    if (r) out.push(r);
  }
  return out;
}

/**
 * The TO recipients, from a TO block (one address per line, "TO " before the first) or from a whole routing
 * header: the lines from TO up to INFO. A collective followed by an XMT line carries the excluded addresses.
 */
export function parseRecipients(text: string): Recipient[] {
  return readLists(text)?.to ?? (isDocument(text) ? [] : parseList(text, /^\s*TO\s+/));
}

/** The INFO recipients, from an INFO block or from a whole routing header: the lines from INFO to the end of the lists. */
export function parseInfoRecipients(text: string): Recipient[] {
  return readLists(text)?.info ?? (isDocument(text) ? [] : parseList(text, /^\s*INFO\s+/));
}
