import type { Recipient } from '../types.js';

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

function parseList(text: string, prefix: RegExp): Recipient[] {
  const out: Recipient[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(prefix, '');
    const r = parseRecipientLine(line);
    if (r) out.push(r);
  }
  return out;
}

/** TO block (one address per line, first line starting "TO ") → recipients. */
export function parseRecipients(text: string): Recipient[] {
  return parseList(text, /^\s*TO\s+/);
}

/** INFO block (one address per line, first line starting "INFO ") → recipients. */
export function parseInfoRecipients(text: string): Recipient[] {
  return parseList(text, /^\s*INFO\s+/);
}
