import { CablepressError, InputError } from '@cablepress/core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCableBytes, parseCable, parseReferences } from './index.js';
import { corpusDir, seedPath } from '../test-support/paths.js';

const seedText = readFileSync(seedPath, 'utf8');

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('decodeCableBytes', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('TAGS: KTIP ¶1.')]);
    expect(decodeCableBytes(bytes)).toBe('TAGS: KTIP ¶1.');
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    const text = 'SUBJECT: ICELAND';
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i);
      be[3 + 2 * i] = text.charCodeAt(i);
    }
    expect(decodeCableBytes(le)).toBe(text);
    expect(decodeCableBytes(be)).toBe(text);
  });

  it('rejects a PNG with InputError NOT_TEXT naming the file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const err = thrown(() => decodeCableBytes(png, 'scan.png'));
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('NOT_TEXT');
    expect((err as InputError).location.file).toBe('scan.png');
  });

  it('rejects bytes that are mostly invalid UTF-8', () => {
    const bytes = new Uint8Array(400).map((_, i) => (i % 2 ? 0xff : 0x41));
    expect((thrown(() => decodeCableBytes(bytes, 'x.bin')) as InputError).code).toBe('NOT_TEXT');
  });

  it('keeps text with a few invalid bytes, replacing them', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('SUBJECT: CAF'), 0xe9, ...new TextEncoder().encode(' TALKS')]);
    expect(decodeCableBytes(bytes)).toBe('SUBJECT: CAF\ufffd TALKS');
  });
});

describe('parseCable input errors', () => {
  it('EMPTY_INPUT for empty or blank text, with the file and line', () => {
    for (const text of ['', '   \n\t\n', '\ufeff']) {
      const err = thrown(() => parseCable(text, { source: 'empty.txt' })) as InputError;
      expect(err).toBeInstanceOf(InputError);
      expect(err.code).toBe('EMPTY_INPUT');
      expect(err.location).toEqual({ file: 'empty.txt', line: 1, column: 1 });
    }
  });

  it('NOT_A_CABLE for text that is not a cable', () => {
    const err = thrown(() => parseCable('Dear Sir,\nPlease find attached the minutes.\n', { source: 'letter.txt' })) as InputError;
    expect(err.code).toBe('NOT_A_CABLE');
    expect(err.location.file).toBe('letter.txt');
    expect(err.toJSON()).toMatchObject({ kind: 'input', code: 'NOT_A_CABLE' });
  });

  it('NOT_A_CABLE for an HTML page without a cable', () => {
    const err = thrown(() => parseCable('<!doctype html><html><body><p>Nothing here</p></body></html>', { source: 'page.html' })) as InputError;
    expect(err.code).toBe('NOT_A_CABLE');
  });
});

describe('forced formats', () => {
  it('format html on a text file finds no cable', () => {
    expect((thrown(() => parseCable('just words', { format: 'html', source: 'x.txt' })) as InputError).code).toBe('NOT_A_CABLE');
  });
  it('format plusd-text is the same as auto for the seed', () => {
    expect(parseCable(seedText, { format: 'plusd-text' }).paragraphs.length).toBe(parseCable(seedText).paragraphs.length);
  });
  it('format cablegate-text on the seed reads the wrong lines as metadata but still finds the body', () => {
    const c = parseCable(seedText, { format: 'cablegate-text' });
    expect(c.format).toBe('cablegate-text');
    expect(c.sourceId).toBe('Identifier');
    expect(c.tags).toEqual(['KCRM', 'PHUM', 'KWMN', 'ELAB', 'SMIG', 'ASEC', 'PREF', 'KFRD', 'PREL', 'LA']);
    expect(c.paragraphs.find((p) => p.number === 5)?.text.startsWith('The penal code was amended')).toBe(true);
  });
});

describe('metadata that disagrees with the cable', () => {
  it('HEADER_BODY_MISMATCH for another serial and another classification level', () => {
    const c = parseCable(seedText.replace('08VIENTIANE145\n', '08VIENTIANE146\n').replace('UNCLASSIFIED//FOR OFFICIAL USE ONLY\nEmbassy', 'SECRET\nEmbassy'));
    const messages = c.warnings.filter((w) => w.code === 'HEADER_BODY_MISMATCH').map((w) => w.message);
    expect(messages).toEqual([
      'The id 08VIENTIANE146 and the banner serial 000145 disagree.',
      'The id 08VIENTIANE146 and the transmission serial #0145 disagree.',
      'The metadata says SECRET but the banner says UNCLASSIFIED.',
    ]);
    expect(c.id).toBe('08VIENTIANE146');
  });
  it('tags from the PlusD Tags: line when the cable has none', () => {
    const c = parseCable(seedText.replace(/^TAGS: .*\n/gm, ''));
    expect(c.tags).toEqual(['KCRM', 'PHUM', 'KWMN', 'ELAB', 'SMIG', 'ASEC', 'PREF', 'KFRD', 'PREL', 'LA']);
    expect(c.warnings.map((w) => w.code)).toContain('TAGS_FROM_METADATA');
  });
  it('no warning when they agree', () => {
    expect(parseCable(seedText).warnings.map((w) => w.code)).toEqual(['TRUNCATED']);
  });
});

describe('PlusD metadata layouts', () => {
  const cableStart = seedText.indexOf('VZCZC');
  const rest = seedText.slice(cableStart);
  const expectSeed = (text: string) => {
    const c = parseCable(text);
    expect(c.format).toBe('plusd-text');
    expect([c.id, c.created, c.classification, c.origin]).toEqual([
      '08VIENTIANE145',
      '2008-02-29T05:44:00Z',
      'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
      'Embassy Vientiane',
    ]);
    expect(c.source.slice(c.fieldSpans.origin!.start, c.fieldSpans.origin!.end)).toBe('Embassy Vientiane');
    expect(c.paragraphs.find((p) => p.number === 5)?.text.startsWith('The penal code was amended')).toBe(true);
  };
  it('labels then values (the seed)', () => expectSeed(seedText));
  it('"Label: value" lines', () =>
    expectSeed(
      `Identifier: 08VIENTIANE145\nCreated: 2008-02-29 05:44:00\nClassification: UNCLASSIFIED//FOR OFFICIAL USE ONLY\nOrigin: Embassy Vientiane\nCable title: EIGHTH ANNUAL TIP REPORT FOR LAOS\n${rest}`,
    ));
  it('a label row and a value row copied from a table, with a Released column', () =>
    expectSeed(
      `Identifier\tCreated\tReleased\tClassification\tOrigin\n08VIENTIANE145\t2008-02-29 05:44:00\t2011-08-30 01:44\tUNCLASSIFIED//FOR OFFICIAL USE ONLY\tEmbassy Vientiane\n${rest}`,
    ));
  it('labels then values with a Released label', () =>
    expectSeed(
      `Identifier\nCreated\nReleased\nClassification\nOrigin\n08VIENTIANE145\n2008-02-29 05:44:00\n2011-08-30 01:44:00\nUNCLASSIFIED//FOR OFFICIAL USE ONLY\nEmbassy Vientiane\n${rest}`,
    ));
});

describe('layouts seen in other cables', () => {
  it('numbered paragraphs with no blank line between them', () => {
    const c = parseCable(
      'TAGS: EFIN, FR\nSUBJECT: BUDGET\n\n1. THE GOF EXPECTS A DEFICIT.\n2. OFFICIALS TOLD EMBOFF THAT THE BUDGET\nWOULD BE REVISED IN\n3. PERCENT STEPS.\n3. COMMENT: WE DOUBT IT.\n',
    );
    expect(c.paragraphs.map((p) => [p.number, p.text])).toEqual([
      [1, 'THE GOF EXPECTS A DEFICIT.'],
      [2, 'OFFICIALS TOLD EMBOFF THAT THE BUDGET WOULD BE REVISED IN 3. PERCENT STEPS.'],
      [3, 'COMMENT: WE DOUBT IT.'],
    ]);
  });
  it('a 1970s teleprinter copy: ACTION/INFO table, header fields running into the body, NNN', () => {
    const text = [
      'PAGE 01 PARIS 00123 031530Z',
      'ACTION EUR-12',
      'INFO OCT-01 ISO-00 CIAE-00 /031 W',
      '------------------ 031545 /43',
      'R 031512Z JAN 75',
      'FM AMEMBASSY PARIS',
      'TO SECSTATE WASHDC 7856',
      'INFO AMEMBASSY LONDON',
      'C O N F I D E N T I A L PARIS 00123',
      'E.O. 11652: GDS',
      'TAGS: EFIN, FR',
      'SUBJECT: FRENCH BUDGET',
      'REF: STATE 283001',
      'CLASSIFIED BY: DCM JOHN SMITH, REASONS 1.5 (B) AND (D).',
      'SUMMARY: THE GOF EXPECTS A SMALL DEFICIT. END SUMMARY.',
      '1. FINANCE MINISTRY OFFICIALS TOLD EMBOFF.',
      'RUSH',
      'NNN',
    ].join('\n');
    const c = parseCable(text);
    expect([c.id, c.created, c.classification, c.eo, c.subject]).toEqual(['75PARIS123', '1975-01-03T15:12:00Z', 'CONFIDENTIAL', 'GDS', 'FRENCH BUDGET']);
    expect(c.info).toEqual([{ route: null, name: 'AMEMBASSY LONDON', precedence: null, mcn: null }]);
    expect(c.references.map((r) => r.canonicalId)).toEqual(['75STATE283001']);
    expect(c.classifiedBy).toEqual(['JOHN SMITH']);
    expect(c.classifiedByRole).toBe('DCM');
    expect(c.summary).toBe('THE GOF EXPECTS A SMALL DEFICIT.');
    expect(c.paragraphs.map((p) => p.text)).toEqual(['SUMMARY: THE GOF EXPECTS A SMALL DEFICIT. END SUMMARY.', 'FINANCE MINISTRY OFFICIALS TOLD EMBOFF.']);
    expect(c.signedBy).toEqual(['RUSH']);
  });
  it('a word hyphenated at a line end is rejoined, without its hyphen only when the cable spells it so elsewhere', () => {
    const c = parseCable(
      'TAGS: KTIP\nSUBJECT: X\n\n1. (U) Victims of traf-\nficking are many; trafficking is a crime. The well-\nwritten laws, the ONE-\nON-ONE meeting.\n',
    );
    expect(c.paragraphs[0]?.text).toBe('Victims of trafficking are many; trafficking is a crime. The well-written laws, the ONE-ON-ONE meeting.');
    const p = c.paragraphs[0]!;
    const at = p.text.indexOf('trafficking');
    expect(c.source.slice(p.offsets[at]!, p.offsets[at + 10]! + 1)).toBe('traf-\nficking');
  });
  it('a body paragraph that starts like a header field is kept', () => {
    const c = parseCable('TAGS: KTIP\nSUBJECT: X\n\n1. (U) First.\n\nE.O. 13526 requires that\nall documents be marked.\n\n2. (U) Second.\n');
    expect(c.paragraphs.map((p) => p.text)).toEqual(['First.', 'E.O. 13526 requires that all documents be marked.', 'Second.']);
  });
  it('a cable without metadata whose banner serial is garbled takes its id from FM and the transmission serial', () => {
    const text =
      'DE RUEHEK #1021/01 2800932\nP 060932Z OCT 08\nFM AMEMBASSY BISHKEK\nTO RUEHC/SECSTATE WASHDC PRIORITY 1417\nUNCLAS SECTION 01 GF 02 BISHIEK 00Q021\n\nTAGS: PREL PGGV KPAK IC\nSUBJECT: LIBEL SUITS\n\n1. (SBU) Text.\n';
    expect(parseCable(text).id).toBe('08BISHKEK1021');
  });
  it('an HTML page that breaks lines with <br> inside <pre>', () => {
    const page =
      "<html><body><table class='cable'><tr><th>Reference ID</th><th>Date</th><th>Classification</th><th>Origin</th></tr><tr><td>09REYKJAVIK215</td><td>2009-12-04 15:04</td><td>UNCLASSIFIED</td><td>Embassy Reykjavik</td></tr></table><pre>P 041545Z DEC 09<br>FM AMEMBASSY REYKJAVIK<br/>TO RUEHC/SECSTATE WASHDC PRIORITY 4231<br>UNCLAS REYKJAVIK 000215<br><br>TAGS: KTIP PGOV<br>SUBJECT: ICELAND: ACQUITTAL<br><br>1. (U) In October, prosecutors indicted Catalina Ncogo &amp; others.<br></pre></body></html>";
    const c = parseCable(page);
    expect([c.id, c.created, c.from, c.subject]).toEqual(['09REYKJAVIK215', '2009-12-04T15:45:00Z', 'AMEMBASSY REYKJAVIK', 'ICELAND: ACQUITTAL']);
    expect(c.paragraphs[0]?.text).toBe('In October, prosecutors indicted Catalina Ncogo & others.');
  });
});

describe('text variants are read alike', () => {
  const base = parseCable(seedText);
  const same = (text: string) => {
    const c = parseCable(text);
    expect(c.id).toBe(base.id);
    expect(c.subject).toBe(base.subject);
    expect(c.tags).toEqual(base.tags);
    expect(c.paragraphs.map((p) => p.text)).toEqual(base.paragraphs.map((p) => p.text));
  };
  it('with a BOM', () => same(`\ufeff${seedText}`));
  it('with CRLF line ends', () => same(seedText.replace(/\n/g, '\r\n')));
  it('with lone CR line ends', () => same(seedText.replace(/\n/g, '\r')));
  it('with U+2028 line separators', () => same(seedText.replace(/\n/g, '\u2028')));
  it('with stray control characters', () => same(seedText.replace(/ the /g, ' the\u0007 ').replace(/\n\n/g, '\n\u0000\n')));
  it('an HTML page with a BOM, CRLF and &#10; newlines', () => {
    const page = readFileSync(path.join(corpusDir, '09REYKJAVIK215.txt'), 'utf8');
    const html = readFileSync(path.join(corpusDir, '10CAIRO209.html'), 'utf8');
    const variant = `\ufeff${html.replace(/\n/g, '\r\n').replace(/&#x000A;/g, '&#10;')}`;
    const a = parseCable(html);
    const b = parseCable(variant);
    expect(b.id).toBe(a.id);
    expect(b.paragraphs.map((p) => p.text)).toEqual(a.paragraphs.map((p) => p.text));
    expect(parseCable(page.replace(/\n/g, '\r\n')).paragraphs.map((p) => p.text)).toEqual(parseCable(page).paragraphs.map((p) => p.text));
  });
});

describe('hostile input finishes quickly and never throws an untyped error', () => {
  const n = 200_000;
  const cases: [string, string][] = [
    ['spaces', `UNCLAS VIENTIANE 000145\n${' '.repeat(n)}x`],
    ['dashes', `TAGS: X\nSUBJECT: Y\n${'- '.repeat(n / 2)}\n`],
    ['letter keys on one line', `SUBJECT: X\n${'A. '.repeat(n / 3)}`],
    ['short lines', `SUBJECT: X\n${'A.\n'.repeat(n / 3)}`],
    ['banner words', 'UNCLAS '.repeat(n / 7)],
    ['unclosed tags', `<html><pre>${'<a'.repeat(n / 2)}</pre>`],
    ['unfinished references', `<html><pre>${'&#x'.repeat(n / 3)}</pre>`],
    ['roman headings', `TAGS: X\n\n${'XXVII. T\n\n'.repeat(n / 10)}`],
    ['REF bullets', `TAGS: X\nREF: ${'A. B. '.repeat(n / 6)}`],
    ['SUBJECT run-on', `SUBJECT: ${'REF '.repeat(n / 4)}`],
    ['numbered paragraphs', `TAGS: X\n\n${'1. (SBU) a\n\n'.repeat(n / 12)}`],
    ['pilcrows', `TAGS: X\n\n${'¶'.repeat(n)}`],
    ['signature lines', `TAGS: X\n\nHello.\n${'SMITH\n'.repeat(n / 6)}`],
    ['parentheses in TAGS', `TAGS: ${'('.repeat(n)}\nSUBJECT: x\n`],
    ['dashed heading line', `TAGS: X\n\nfoo ------${' a'.repeat(n / 2)} ------`],
    ['page-break words', `TAGS: X\n\nfoo ${'ABC 12345678 '.repeat(n / 13)}`],
    ['summary', `TAGS: X\n\nSUMMARY: ${'x '.repeat(n / 2)}`],
    ['one paragraph of many lines', `TAGS: X\n\nfoo\n${'bar\n'.repeat(n / 4)}`],
    ['paragraphs joined across blank lines', `TAGS: X\n\nfoo\n${'\nbar\n'.repeat(n / 5)}`],
    ['a line of dashes ending in a letter', `TAGS: X\n\n${'-'.repeat(n)}x\n`],
    ['a long dash run ending a line', `TAGS: X\n\nfoo ${'-'.repeat(n)}\n`],
    ['dashes, words, dashes', `TAGS: X\n\nfoo ${'----- a '.repeat(n / 8)}-----\n`],
    ['blank lines before Cable title', `${'\n'.repeat(n)}Cable title: x`],
    ['Ruby dates', `01X\nT\nThu Dec 20 00:00:00 +0100 2001\n${'Thu Dec 20 00:00:00 +0100 2001\n'.repeat(n / 31)}`],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      try {
        const c = parseCable(text, { source: name });
        for (const p of c.paragraphs) expect(p.offsets.length).toBe(p.text.length);
      } catch (err) {
        expect(err).toBeInstanceOf(CablepressError);
      }
    });
  }
});

describe('the header is found wherever the cable puts it', () => {
  it('a caption banner above the routing header (09STATE100153)', () => {
    const text =
      'UNCLASSIFIED   STATE   00100153 \nO 251814Z SEP 09\nFM SECSTATE WASHDC\nTO ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE IMMEDIATE\nRUEHTRO/AMEMBASSY TRIPOLI IMMEDIATE 9888\nUNCLAS SECTION 01 OF 02 STATE 100153 \n \nSENSITIVE \n \nE.O. 12958: N/A \nTAGS: IR KNNP MNUC PARM\nSUBJECT: EXISTENCE OF A COVERT URANIUM ENRICHMENT \nFACILITY IN IRAN \n \n¶1.  (U) This is an action request.\n';
    const c = parseCable(text);
    expect(c.to.map((r) => r.name)).toEqual(['ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE', 'AMEMBASSY TRIPOLI']);
    expect([c.tags, c.subject]).toEqual([['IR', 'KNNP', 'MNUC', 'PARM'], 'EXISTENCE OF A COVERT URANIUM ENRICHMENT FACILITY IN IRAN']);
    expect(c.paragraphs[0]?.text).toBe('This is an action request.');
  });
  it('header fields on the banner line itself (02ANKARA8305)', () => {
    const text =
      'P 151240Z NOV 02\nFM AMEMBASSY ANKARA\nTO SECSTATE WASHDC PRIORITY 6070\nS E C R E T SECTION 01 OF 05 ANKARA 008305S/CT FOR REAPE.O. 12958: DECL: 11/14/2012 TAGS: PTER TU\n\n¶1. (U) CLASSIFIED BY DCM ROBERT S. DEUTSCH; REASONS 1.5 (B) AND (D).\n\n¶2. (U) COMBATING TERRORISM HAS LONG BEEN A PRIORITY.\n';
    const c = parseCable(text);
    expect([c.tags, c.nondisclosureDeadline, c.classifiedBy, c.classifiedByRole]).toEqual([['PTER', 'TU'], '2012-11-14', ['ROBERT S. DEUTSCH'], 'DCM']);
    expect(c.paragraphs.map((p) => p.number)).toEqual([1, 2]);
  });
  it('a REF list, a page break, Classified By and paragraph 1 on one line (08TRIPOLI819)', () => {
    const text =
      'O 141719Z OCT 08\nFM AMEMBASSY TRIPOLI\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 3993\nC O N F I D E N T I A L SECTION 01 OF 02 TRIPOLI 000819 \n \nE.O. 12958: DECL:  10/14/2018 \nTAGS: PHUM PGOV PREL FR LY SZ DA\nSUBJECT: SELF-DESCRIBED REGIME CRITIC IDRISS BOUFAYED RELEASED \n \nREF: A. (A) TRIPOLI 332, B) TRIPOLI  472  TRIPOLI 00000819  001.2 OF 002   CLASSIFIED BY: John T. Godfrey, CDA, U.S. Embassy - Tripoli, Dept of State. REASON: 1.4 (b), (d) 1. (C)  Summary: Regime critic Idriss Boufayed has been released. End summary.\n';
    const c = parseCable(text);
    expect(c.references.map((r) => r.canonicalId)).toEqual(['08TRIPOLI332', '08TRIPOLI472']);
    expect([c.classifiedBy, c.classifiedByRole, c.summary]).toEqual([['John T. Godfrey'], 'CDA', 'Regime critic Idriss Boufayed has been released.']);
    expect(c.paragraphs[0]?.number).toBe(1);
  });
  it('a numbered upper-case paragraph holding CLASSIFIED BY: is kept (97WELLINGTON1656)', () => {
    const text =
      'R 010000Z JAN 97\nFM AMEMBASSY WELLINGTON\nTO SECSTATE WASHDC 1656\nC O N F I D E N T I A L WELLINGTON 001656\n\nE.O. 12958: DECL: 1.6X6\nTAGS: PGOV ECON PINR NZ\nSUBJECT: BIO REPORT\n\n\n¶1. (U) CLASSIFIED BY: JOSIAH H. BEEMAN, AMBASSADOR.\nREASONS: 1.5(B) AND (D).\n\n¶2. (C) SUMMARY: TEXT. END SUMMARY.\n';
    const c = parseCable(text);
    expect(c.paragraphs[0]?.text).toBe('CLASSIFIED BY: JOSIAH H. BEEMAN, AMBASSADOR. REASONS: 1.5(B) AND (D).');
    expect([c.classifiedBy, c.classifiedByRole]).toEqual([['JOSIAH H. BEEMAN'], 'AMBASSADOR']);
  });
});

describe('misspelled header labels', () => {
  it('TAS: and UBJECT: are read as TAGS and SUBJECT by parseCable', () => {
    const c = parseCable(
      'R 010000Z JAN 09\nFM AMEMBASSY ROME\nTO SECSTATE WASHDC 1\nUNCLAS ROME 000123\n\nE.O. 12958: N/A\nTAS: PREL IT\nUBJECT: TEST CABLE\n\n1. (U) Text here.\n',
    );
    expect([c.tags, c.subject, c.paragraphs.map((p) => p.text)]).toEqual([['PREL', 'IT'], 'TEST CABLE', ['Text here.']]);
  });
});

describe('a label glued to the word before', () => {
  it('...CAIROClassified By: ends the subject and starts Classified By', () => {
    const c = parseCable(
      'R 010000Z JAN 09\nFM AMEMBASSY CAIRO\nTO SECSTATE WASHDC 1\nCONFIDENTIAL CAIRO 000123\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL EG\nSUBJECT: TALKS IN CAIROClassified By: DCM Stuart Jones for reasons 1.4 (b) and (d).\n\n1. (C) Text here.\n',
    );
    expect([c.subject, c.classifiedBy, c.classifiedByRole, c.classificationReasons]).toEqual([
      'TALKS IN CAIRO',
      ['Stuart Jones'],
      'DCM',
      ['1.4 (b)', '1.4 (d)'],
    ]);
  });
});

describe('an unnumbered first paragraph right after the references', () => {
  it('stays in the body even with no blank line before it', () => {
    const text =
      'R 010000Z JAN 09\nFM AMEMBASSY ROME\nTO SECSTATE WASHDC 1\nUNCLAS ROME 000123\n\nE.O. 12958: N/A\nTAGS: PREL IT\nSUBJECT: TEST CABLE\nREF: A. ROME 1 B. STATE 2\nThe Embassy delivered the demarche to the Foreign Ministry on May 5 and received a reply.\n\n2. (U) Text here.\n';
    const c = parseCable(text);
    expect(c.references.map((r) => r.text)).toEqual(['ROME 1', 'STATE 2']);
    expect(c.paragraphs.map((p) => p.text)).toEqual([
      'The Embassy delivered the demarche to the Foreign Ministry on May 5 and received a reply.',
      'Text here.',
    ]);
    expect(parseReferences(text, 2009)).toEqual(c.references);
  });
});
