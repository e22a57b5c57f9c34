import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalCableId, decodeCableBytes, parseCable } from './index.js';
import { corpusDir } from '../test-support/paths.js';

interface Entry {
  id: string;
  file: string;
  format: 'cablegate-txt' | 'cablegate-html';
  created: string;
  classification: string;
  origin: string;
  subject: string | null;
}

const manifest = JSON.parse(readFileSync(path.join(corpusDir, 'manifest.json'), 'utf8')) as Entry[];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar date the file's own metadata gives, as YYYY-MM-DD. */
function metadataDate(created: string): string {
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(created);
  if (iso) return iso[1]!;
  const ruby = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) .* (\d{4})$/.exec(created)!;
  return `${ruby[3]}-${String(MONTHS.indexOf(ruby[1]!) + 1).padStart(2, '0')}-${ruby[2]}`;
}

const read = (e: Entry) => parseCable(decodeCableBytes(readFileSync(path.join(corpusDir, e.file)), e.file), { source: e.file });

describe('every corpus file parses and agrees with its own metadata', () => {
  it('has all 22 manifest entries', () => {
    expect(manifest).toHaveLength(22);
  });
  for (const entry of manifest) {
    it(entry.file, () => {
      const cable = read(entry);
      expect(cable.format).toBe(entry.format === 'cablegate-html' ? 'html' : 'cablegate-text');
      expect(cable.sourceId).toBe(entry.id);
      expect(cable.id).toBe(canonicalCableId(entry.id));
      expect(cable.created?.slice(0, 10)).toBe(metadataDate(entry.created));
      expect(cable.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(cable.classification).toBe(entry.classification);
      expect(cable.origin).toBe(entry.origin);
      expect(cable.title?.replace(/\s+/g, ' ') ?? null).toBe(entry.subject?.replace(/\s+/g, ' ') ?? null);
      expect(cable.sourceName).toBe(entry.file);
    });
  }
});

const byId = new Map(manifest.map((e) => [e.id, e]));
const cable = (id: string) => read(byId.get(id)!);

describe('the oddities each corpus file is kept for', () => {
  it('01HANOI3294: page headers, banners, INFO table, glued routing line, SIPDIS mid-sentence, partial extract', () => {
    const c = cable('01HANOI3294');
    expect(c.partial).toBe(true);
    expect(c.from).toBe('AMEMBASSY HANOI');
    expect(c.to).toEqual([{ route: null, name: 'SECSTATE WASHDC', precedence: null, mcn: '5054' }]);
    expect(c.info.map((r) => r.name)).toContain('SECDEF WASHDC//ISA/ABLAGG');
    expect(c.info.map((r) => r.name)).not.toContain('LOG-00 NP-00 AIT-03 ACQ-00 CIAE-00 C-00 DINT-00');
    expect(c.tags).toEqual(['PREL', 'PINR', 'CH', 'TW', 'VM', 'CVR', 'CTERR']);
    expect(c.handling).toEqual(['SIPDIS', 'SENSITIVE', 'STATE FOR EAP/BCLTV, EAP/CM, INR/EAP/SEA']);
    expect(c.signedBy).toEqual(['BURGHARDT']);
    expect(c.summary?.startsWith('NONG DUC MANH, COMMUNIST PARTY OF VIETNAM (CPV) GENERAL SECRETARY')).toBe(true);
    const all = c.paragraphs.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/PAGE 0\d|UNCLASSIFIED|SIPDIS/);
    expect(all).toContain('"THE TRIP "REAFFIRMED BILATERAL COOPERATION');
    expect(c.paragraphs[0]?.number).toBe(1);
    expect(c.paragraphs[0]?.classification).toBe('SBU');
  });

  it('72TEHRAN5055: 1972 header, addressee number glued to the classification, declassified E.O. line', () => {
    const c = cable('72TEHRAN5055');
    expect(c.created).toBe('1972-08-22T09:27:00Z');
    expect(c.precedence).toBe('ROUTINE');
    expect(c.dtg).toBe('220927Z AUG 72');
    expect(c.to).toEqual([{ route: null, name: 'SECSTATE WASHDC', precedence: null, mcn: '9461' }]);
    expect(c.eo).toBe('AS AMENDED; DECLASSIFIED JUNE 21, 2006');
    expect(c.nondisclosureDeadline).toBe('2006-06-21');
    expect(c.tags).toEqual(['IR', 'PTER']);
    expect(c.references).toEqual([{ text: 'TEHRAN 4887', canonicalId: '72TEHRAN4887', kind: 'cable', bullet: null }]);
    expect(c.summary?.startsWith('FOLLOWING ASSASSINATION OF GENERAL SAID TAHERI')).toBe(true);
    expect(c.summary?.endsWith('CREDIBILITY OF SECURITY ORGANS IN MIND OF PUBLIC.')).toBe(true);
    expect(c.paragraphs.filter((p) => p.number !== null).map((p) => p.number)).toEqual([1, 2, 3]);
    expect(c.paragraphs.find((p) => p.text.startsWith('COMMENT:'))?.kind).toBe('comment');
    expect(c.paragraphs.slice(-3).map((p) => p.kind)).toEqual(['comment', 'comment', 'comment']);
    expect(c.paragraphs[0]?.kind).toBe('paragraph');
    expect(c.signedBy).toEqual(['FARLAND']);
  });

  it('09REYKJAVIK215: routing joined to the banner, blank line between TAGS and SUBJECT, signature', () => {
    const c = cable('09REYKJAVIK215');
    expect(c.info).toEqual([{ route: 'RUEHZL', name: 'EUROPEAN POLITICAL COLLECTIVE', precedence: 'PRIORITY', mcn: null }]);
    expect(c.subject).toBe('ICELAND: ACQUITTAL IN FIRST TIP COURT CASE');
    expect(c.tags).toEqual(['KTIP', 'PGOV', 'PHUM', 'PREL', 'IC']);
    expect(c.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    expect(c.signedBy).toEqual(['WATSON']);
    expect(c.created).toBe('2009-12-04T15:45:00Z');
  });

  it('09CAIRO2263: ¶ markers on REF letters, dashed headings, lower-case signature', () => {
    const c = cable('09CAIRO2263');
    expect(c.references.map((r) => [r.bullet, r.canonicalId])).toEqual([
      ['A', '09STATE112489'],
      ['B', '09CAIRO2083'],
      ['C', '09CAIRO1967'],
      ['D', '09CAIRO1758'],
    ]);
    expect(c.paragraphs.find((p) => p.number === 2)?.section).toBe('Law Enforcement Activity');
    expect(c.paragraphs.find((p) => p.number === 3)?.section).toBe('Anti-Trafficking Legislation Currently Before Parliament');
    expect(c.signedBy).toEqual(['Tueller']);
    expect(c.paragraphs.at(-1)?.text.endsWith('victims of child marriage.')).toBe(true);
    expect(c.handling).toEqual(['SENSITIVE', 'SIPDIS', 'DEPARTMENT FOR G/TIP']);
  });

  it('09CAIRO1222: SUBJECT runs on into REF and Classified By; headings inside reflowed lines; 1.(C)', () => {
    const c = cable('09CAIRO1222');
    expect(c.subject).toBe('EGYPTIAN MFA REACTIONS TO 2009 TIP REPORT');
    expect(c.references.map((r) => r.canonicalId)).toEqual(['08CAIRO2525', '09CAIRO386', '09CAIRO721']);
    expect(c.classifiedBy).toEqual(['William R. Stewart']);
    expect(c.classifiedByRole).toBe('Minister Counselor for Economic and Political Affairs');
    expect(c.classificationReasons).toEqual(['1.4 (b)', '1.4 (d)']);
    expect(c.created).toBe('2009-06-30T07:20:00Z');
    expect(c.paragraphs.map((p) => [p.number, p.classification])).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => [n, 'C']));
    expect(c.paragraphs.find((p) => p.number === 3)?.section).toBe('TIP Report Leaves Bitter Taste');
    expect(c.paragraphs.find((p) => p.number === 2)?.text.endsWith('End Comment.')).toBe(true);
    expect(c.signedBy).toEqual(['SCOBEY']);
    expect(c.truncated).toBe(false);
  });

  it('08MANAMA14: REF then Classified By, "FOR G/TIP AND NEA", signature glued to a banner', () => {
    const c = cable('08MANAMA14');
    expect(c.handling).toEqual(['SIPDIS', 'SIPDIS', 'FOR G/TIP AND NEA']);
    expect(c.references.map((r) => [r.bullet, r.canonicalId])).toEqual([
      ['A', '07MANAMA1097'],
      ['B', '07MANAMA1084'],
    ]);
    expect(c.classifiedBy).toEqual(['Adam Ereli']);
    expect(c.classifiedByRole).toBe('Ambassador');
    expect(c.nondisclosureDeadline).toBe('2018-01-14');
    expect(c.signedBy).toEqual(['ERELI']);
    expect(c.paragraphs.map((p) => p.classification)).toEqual(['U', 'U', 'U', 'C']);
    expect(c.paragraphs[3]?.kind).toBe('comment');
  });

  it('09CARACAS442: page-break lines, one inside a sentence; spurious ¶ before a year; (C)/(S) markings', () => {
    const c = cable('09CARACAS442');
    const all = c.paragraphs.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/CARACAS 0000044/);
    expect(all).toContain('Barrio Adentro in December 2003. Currently');
    expect(c.paragraphs.some((p) => p.text.startsWith('2003.'))).toBe(false);
    expect(new Set(c.paragraphs.map((p) => p.classification))).toEqual(new Set(['C', 'S']));
    expect(c.handling).toContain('DEPARTMENT PASS TO G/TIP (BFLECK)');
    expect(c.classifiedBy).toEqual(['Francisco Fernandez']);
    expect(c.classifiedByRole).toBe('Political Counselor');
    expect(c.signedBy).toEqual([]);
    expect(c.truncated).toBe(false);
  });

  it('10REYKJAVIK31: metadata-only stub is partial, not an error', () => {
    const c = cable('10REYKJAVIK31');
    expect(c.partial).toBe(true);
    expect(c.paragraphs).toEqual([]);
    expect(c.warnings.map((w) => w.code)).toEqual(['TAGS_MISSING', 'SUBJECT_FROM_METADATA', 'BODY_MISSING']);
    expect(c.subject).toBe('ICELAND: 2010 ANTI-TRAFFICKING IN PERSONS (TIP) REPORT');
    expect(c.created).toBe('2010-02-23T00:00:00Z');
  });

  it('10SANAA295: indented lines, 13 sections, ¶ REF letters', () => {
    const c = cable('10SANAA295');
    expect(c.tags).toEqual(['KTIP', 'ELAB', 'KCRM', 'KFRD', 'KWMN', 'PGOV', 'PHUM', 'PREF', 'SMIG']);
    expect(c.references.map((r) => r.canonicalId)).toEqual(['10STATE2094', '09SANAA1936', '09SANAA1998', '09SANAA2219']);
    expect(c.paragraphs.length).toBeGreaterThan(50);
    expect(c.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/UNCLAS SECTION \d+ OF 13/);
  });

  it('09SANJOSE127 and 09SANJOSE128: two parts with the same REF block', () => {
    const one = cable('09SANJOSE127');
    const two = cable('09SANJOSE128');
    expect(one.subject).toBe("PART 1 OF 2: COSTA RICA'S NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT");
    expect(two.subject).toBe("PART 2 OF 2: COSTA RICA'S 9TH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT");
    expect(one.references.map((r) => r.canonicalId)).toEqual(['08SANJOSE911', '08STATE132759', '08SANJOSE194', '08SANJOSE833', '08STATE93829', '09SANJOSE40']);
    expect(two.references).toEqual(one.references);
    expect(two.paragraphs.at(-1)?.text).toContain('sparkstk@state.gov');
  });

  it('06SANJOSE481: partial-extract notice glued to the banner', () => {
    const c = cable('06SANJOSE481');
    expect(c.partial).toBe(true);
    expect(c.warnings.map((w) => w.code)).toContain('PARTIAL_EXTRACT');
    expect(c.subject).toBe('COSTA RICA 2005 TIP REPORT');
    expect(c.references[0]?.canonicalId).toBe('06STATE3836');
    expect(c.paragraphs[0]?.text.startsWith("The following is Embassy San Jose's submission")).toBe(true);
  });

  it('09STATE60608: originated by STATE, signed CLINTON, four-digit reference years', () => {
    const c = cable('09STATE60608');
    expect(c.from).toBe('SECSTATE WASHDC');
    expect(c.references.map((r) => r.canonicalId)).toEqual(['09STATE59732', '09STATE5577']);
    expect(c.signedBy).toEqual(['CLINTON']);
  });

  it('08SECTION01GF02BISHIEK21: malformed id repaired, garbled header tolerated', () => {
    const c = cable('08SECTION01GF02BISHIEK21');
    expect(c.id).toBe('08BISHKEK1021');
    expect(c.sourceId).toBe('08SECTION01GF02BISHIEK21');
    expect(c.tags).toEqual(['PREL', 'PGOV', 'KPAK', 'IC']);
    expect(c.eo).toBe("N'A");
    expect(c.subject).toBe('Libel S5iT3 Chill Fre% Sp%ech in KyR%yzStan');
    expect(c.partial).toBe(true);
    expect(c.warnings.map((w) => w.code)).toContain('SECTION_MISSING');
    expect(c.paragraphs.some((p) => p.text.includes('Missing Section'))).toBe(false);
  });

  it('09MADRID604: text stops after SUBJECT → partial with BODY_MISSING', () => {
    const c = cable('09MADRID604');
    expect(c.partial).toBe(true);
    expect(c.subject).toBe('SPAIN: S/GC DAN FRIED ...');
    expect(c.classificationCaveats).toContain('NOFORN');
    expect(c.warnings.map((w) => w.code)).toContain('BODY_MISSING');
  });

  it('09MEXICO2205: U+2028 line separators everywhere', () => {
    const c = cable('09MEXICO2205');
    expect(c.tags).toEqual(['ECON', 'EAGR', 'EAID', 'SOCI', 'PGOV', 'MX']);
    expect(c.subject).toBe('PUSHED BY HIGHER FOOD PRICES, POVERTY IS UP IN MEXICO SINCE 2006');
    expect(c.paragraphs.find((p) => p.number === 4)?.section).toBe('RECENT UPTICK BUT LONG-TERM TREND IS POSITIVE');
    expect(c.paragraphs.every((p) => !p.text.includes('\u2028'))).toBe(true);
    expect(c.paragraphs.map((p) => p.text).join(' ')).not.toContain('MEXICO 00002205');
  });

  it('09LONDON2581: raw "&" quotation marks are kept, not decoded as entities', () => {
    const c = cable('09LONDON2581');
    const all = c.paragraphs.map((p) => p.text).join(' ');
    expect(all).toContain('&not squeamish8');
    expect(all).not.toContain('¬');
    expect(c.classification).toBe('CONFIDENTIAL//NOFORN');
    expect(c.signedBy).toEqual(['Susman']);
  });

  it('08TRIPOLI220: no SUBJECT, "SIPDIS SIPDIS", handling merged with E.O., 1.(C)', () => {
    const c = cable('08TRIPOLI220');
    expect(c.subject).toBe('');
    expect(c.warnings.map((w) => w.code)).toContain('SUBJECT_MISSING');
    expect(c.handling).toEqual(['SIPDIS', 'SIPDIS', 'DEPT FOR NEA/MAG AND DRL']);
    expect(c.eo).toBe('DECL: 3/13/2018');
    expect(c.nondisclosureDeadline).toBe('2018-03-13');
    expect(c.precedence).toBe('IMMEDIATE');
    expect(c.classifiedBy).toEqual(['Chris Stevens']);
    expect(c.classifiedByRole).toBe('CDA');
    expect(c.paragraphs.find((p) => p.number === 2)?.section).toBe('FATHI EL-JAHMI "RELEASED"');
    expect(c.paragraphs.find((p) => p.number === 6)?.text).toContain('no objection to a visit by Emboffs');
  });

  it('06ASUNCION589: classification link text wins over its title attribute', () => {
    const c = cable('06ASUNCION589');
    expect(c.classification).toBe('UNCLASSIFIED');
    expect(c.tags).toEqual(['PGOV', 'PREL', 'PHUM', 'KWMN', 'SMIG', 'PA']);
    expect(c.signedBy).toEqual([]);
  });

  it('09CAIRO2205: tags glued together mid-line after the handling and E.O. text', () => {
    const c = cable('09CAIRO2205');
    expect(c.tags).toEqual(['KFRD', 'KIRF', 'CVIS', 'CMGT', 'KOCI', 'ASEC', 'PHUM', 'SMIG', 'EG']);
    expect(c.eo).toBe('N/A');
    expect(c.handling.at(-1)).toBe('POSTS FOR FRAUD PREVENTION UNITS');
    expect(c.subject).toBe("BLIND COPTIC GIRLS' CHOIR USED FOR ALIEN SMUGGLING");
    expect(c.references.map((r) => r.canonicalId)).toEqual(['09CAIRO2178']);
    expect(c.paragraphs.map((p) => p.section)).toEqual([null, 'Bogus Support Staff', 'Illegal Immigration Lawyer', 'The 2006 Tour', 'Comment']);
    expect(c.paragraphs.every((p) => !p.text.includes('---'))).toBe(true);
  });

  it('05ISTANBUL38: duplicated tags, homoglyph redactions', () => {
    const c = cable('05ISTANBUL38');
    expect(c.tags).toEqual(['TU', 'BO', 'MD', 'KCRM', 'PGOV', 'KJUS']);
    expect(c.subject).toBe('ISTANBUL POLICE ON TIP AND MURDER OF BELARUSIAN WOMAN');
    expect(c.references.map((r) => r.text)).toEqual(['MINSK 1721', 'ANKAR...']);
    expect(c.paragraphs[0]?.number).toBe(1);
    expect(c.signedBy).toEqual(['ARNETT']);
    expect(c.paragraphs.some((p) => p.text.includes('TAGS:') || p.section?.includes('TAGS:'))).toBe(false);
  });
});
