import { describe, expect, it } from 'vitest';
import { parseTags, splitGlued } from './tags.js';
import { parseSubject, parseTitleSubject } from './subject.js';
import { parseReferences } from './references.js';
import { canonicalCableId, stationOfId } from './cable-id.js';
import { knownStation } from './station.js';
import { locateField, stripPageResidue } from './locate.js';
import { parseSummary } from './summary.js';
import { parseNondisclosureDeadline } from './nondisclosure.js';
import { parseSignedBy } from './signed-by.js';
import { parseInfoRecipients, parseRecipients } from './recipients.js';
import { parseClassificationReasons, parseClassifiedBy, parseClassifiedByRole } from './classified-by.js';

/** 08TRIPOLI819 (corpus-extra): the REF list, a page break, Classified By and paragraph 1 run together. */
const TRIPOLI_819 = `VZCZCXRO5492
OO RUEHFL RUEHKW RUEHLA RUEHROV RUEHSR
DE RUEHTRO #0819/01 2881719
ZNY CCCCC ZZH
O 141719Z OCT 08
FM AMEMBASSY TRIPOLI
TO RUEHC/SECSTATE WASHDC IMMEDIATE 3993
INFO RUEHTU/AMEMBASSY TUNIS IMMEDIATE 0627
RUEHTRO/AMEMBASSY TRIPOLI 4514
C O N F I D E N T I A L SECTION 01 OF 02 TRIPOLI 000819 
 
SIPDIS 
 
E.O. 12958: DECL:  10/14/2018 
TAGS: PHUM PGOV PREL FR LY SZ DA
SUBJECT: SELF-DESCRIBED REGIME CRITIC IDRISS BOUFAYED RELEASED 
 
REF: A. (A) TRIPOLI 332, B) TRIPOLI  472, C) TRIPOLI 592, D) TRIPOLI 541, E) TRIPOLI 158, F) TRIPOLI 159, G) TRIPOLI 160), H) TRIPOLI      B. 161, I) TRIPOLI 165  TRIPOLI 00000819  001.2 OF 002   CLASSIFIED BY: John T. Godfrey, CDA, U.S. Embassy - Tripoli, Dept of State. REASON: 1.4 (b), (d) 1. (C)  Summary: Regime critic Idriss Boufayed, who was sentenced to 25 years in prison in June, has been released. End summary.`;

/** 09SECTION01OF03SANJOSE525 (corpus-extra): REFS over four lines, a page break before paragraph 1. */
const SANJOSE_525_HEADER = `E.O. 12958: N/A 
TAGS: PREL PGOV MASS MARR SOCI EAID CS
SUBJECT: COSTA RICA: MORE MEANINFUL MILITARY MISSIONS 
 
REFS: A) 2008 SAN JOSE 00, B) 2008 SAN JOSE 0800, 
      C) 2008 SAN JOSE 01, D) 2008 SAN JOSE 551, 
      E) SAN JOSE 0028 F) SAN JOSE 0023, 
  G) SAN JOSE 499, ALL NOTAL 
 
SAN JOSE 00000525  001.11 OF 003 
 
¶1.  (SBU) SUMMARY:  Significant U.S. military humnitarian missions 
and training took place in Cosa Rica during April and May,`;

describe('field parsers find their field in whatever text they are given', () => {
  it('tags: the same answer from the line, a header chunk and a whole cable', () => {
    const expected = ['PHUM', 'PGOV', 'PREL', 'FR', 'LY', 'SZ', 'DA'];
    expect(parseTags('TAGS: PHUM PGOV PREL FR LY SZ DA')).toEqual(expected);
    expect(parseTags(TRIPOLI_819.slice(TRIPOLI_819.indexOf('E.O.'), TRIPOLI_819.indexOf('REF:')))).toEqual(expected);
    expect(parseTags(TRIPOLI_819)).toEqual(expected);
  });
  it('subject: the same answer from the line, a header chunk and a whole cable', () => {
    const expected = 'SELF-DESCRIBED REGIME CRITIC IDRISS BOUFAYED RELEASED';
    expect(parseSubject('SUBJECT: SELF-DESCRIBED REGIME CRITIC IDRISS BOUFAYED RELEASED ')).toBe(expected);
    expect(parseSubject(TRIPOLI_819)).toBe(expected);
    expect(parseSubject(SANJOSE_525_HEADER)).toBe('COSTA RICA: MORE MEANINFUL MILITARY MISSIONS');
  });
  it('references: the list ends at the page break, Classified By and the numbered paragraph', () => {
    const ids = parseReferences(TRIPOLI_819, 2008, '08TRIPOLI819').map((r) => r.canonicalId);
    expect(ids).toEqual([
      '08TRIPOLI332',
      '08TRIPOLI472',
      '08TRIPOLI592',
      '08TRIPOLI541',
      '08TRIPOLI158',
      '08TRIPOLI159',
      '08TRIPOLI160',
      '08TRIPOLI161',
      '08TRIPOLI165',
    ]);
    expect(parseReferences(SANJOSE_525_HEADER, 2009).map((r) => [r.bullet, r.canonicalId])).toEqual([
      ['A', '08SANJOSE0'],
      ['B', '08SANJOSE800'],
      ['C', '08SANJOSE1'],
      ['D', '08SANJOSE551'],
      ['E', '09SANJOSE28'],
      ['F', '09SANJOSE23'],
      ['G', '09SANJOSE499'],
    ]);
  });
  it('drops the lone backslashes a database-row export ends its lines with (06GENEVA1673), not one inside a word', () => {
    expect(parseSubject('SUBJECT: HRC: SPECIAL SESSION ON PALESTINE \\\n \\\nREF: A. A) BERN 1253 \\\n')).toBe('HRC: SPECIAL SESSION ON PALESTINE');
    expect(parseSubject('SUBJECT: FILES FROM C:\\TEMP')).toBe('FILES FROM C:\\TEMP');
  });

  it('drops a portion marking typed in lower case in a lower-case cable (07STATE135366), not a lower-case word', () => {
    expect(parseSubject('Subject: (s) following-up with germany on its efforts to prevent a shipment')).toBe(
      'following-up with germany on its efforts to prevent a shipment',
    );
    expect(parseSubject('SUBJECT: (s) Visit of the Minister')).toBe('(s) Visit of the Minister');
  });

  it('takes a subject from a publisher title without the half of a marking the title kept (07STATE135366.txt, 09USUNNEWYORK306)', () => {
    expect(parseTitleSubject('s) following-up with germany on its efforts to')).toBe('following-up with germany on its efforts to');
    expect(parseTitleSubject('C) ICC\u2019S OCAMPO ON SUDAN: GO AFTER BASHIR\u2019S MONEY')).toBe('ICC\u2019S OCAMPO ON SUDAN: GO AFTER BASHIR\u2019S MONEY');
    expect(parseTitleSubject('ICELAND: 2010 ANTI-TRAFFICKING IN PERSONS (TIP) REPORT')).toBe('ICELAND: 2010 ANTI-TRAFFICKING IN PERSONS (TIP) REPORT');
    expect(parseTitleSubject('SOURCE REMOVED] TARGETED BY IRANIAN REGIME')).toBe('SOURCE REMOVED] TARGETED BY IRANIAN REGIME');
  });

  it('labels as people typed them', () => {
    expect(parseTags('TAS: PREL, PGOV, IZ')).toEqual(['PREL', 'PGOV', 'IZ']);
    expect(parseTags('TGS: ECON ETRD')).toEqual(['ECON', 'ETRD']);
    expect(parseTags('TAGES: KPAO, PREL')).toEqual(['KPAO', 'PREL']);
    expect(parseTags('tags prel, pgov')).toEqual(['PREL', 'PGOV']);
    expect(parseSubject('SUBJ: GUINEA: PRESIDENT CONTE DIES')).toBe('GUINEA: PRESIDENT CONTE DIES');
    expect(parseSubject('E.O. 12958: N/A\nUBJECT: ZIMBABWE: FUEL SHORTAGES WORSEN\n')).toBe('ZIMBABWE: FUEL SHORTAGES WORSEN');
    expect(parseSubject('Subject; Visit of the Minister of Interior')).toBe('Visit of the Minister of Interior');
    expect(parseReferences('Reftel: STATE 118397', 2008).map((r) => r.canonicalId)).toEqual(['08STATE118397']);
    expect(parseReferences('REF. A. STATE 1 B. STATE 2', 2008).map((r) => r.canonicalId)).toEqual(['08STATE1', '08STATE2']);
    expect(parseReferences('REF: REF: STATE 118397', 2008).map((r) => r.canonicalId)).toEqual(['08STATE118397']);
    expect(parseReferences('SUBJECT: OFFICIAL VISIT BY THE PRIMEREF: STATE 12345', 2009).map((r) => r.canonicalId)).toEqual(['09STATE12345']);
  });
  it('two REF sections are read in order (a cable listed twice counts once), and SUBJECT may come before TAGS', () => {
    const text = 'SUBJECT: VISIT\nTAGS: PREL\nREF: STATE 1\n\nClassified By: DCM for reasons 1.4 (b)\n\nREF: A. STATE 1 B. LIMA 22\n\n1. (C) Text.';
    expect(parseReferences(text, 2009).map((r) => r.canonicalId)).toEqual(['09STATE1', '09LIMA22']);
    expect(parseTags(text)).toEqual(['PREL']);
    expect(parseSubject(text)).toBe('VISIT');
  });
  it('page-break residue inside a field is removed', () => {
    expect(stripPageResidue('A. STATE 1\nPAGE 02 ROME 03067 211833Z\nB. STATE 2').replace(/\s+/g, ' ')).toBe('A. STATE 1 B. STATE 2');
    expect(parseSubject('SUBJECT: CAIRO TALKS CAIRO 00000442 002 OF 003 CONTINUE')).toBe('CAIRO TALKS CONTINUE');
  });
  it('a field ends at the next label, a blank line or a numbered paragraph', () => {
    expect(locateField('TAGS: PREL\nSUBJECT: X\n\n1. Text', 'subject')).toEqual([' X']);
    expect(locateField('SUBJECT: A\nB\n\nREF: C', 'subject')).toEqual([' A\nB']);
    expect(locateField('no label here', 'tags')).toEqual([]);
  });
});

describe('tags', () => {
  it('lists over several lines continue after a comma or when the next line is codes', () => {
    expect(parseTags('TAGS: PREL, PGOV, ECON,\nETRD, IZ\nSUBJECT: X')).toEqual(['PREL', 'PGOV', 'ECON', 'ETRD', 'IZ']);
    expect(parseTags('TAGS: PREL PGOV\nKNNP IR\n\n1. (C) Text')).toEqual(['PREL', 'PGOV', 'KNNP', 'IR']);
    expect(parseTags('TAGS: PREL PGOV\nSIPDIS\nSUBJECT: X')).toEqual(['PREL', 'PGOV']);
  });
  it('a repeated header glued after the tags is not tags', () => {
    expect(parseTags('TAGS: PREL IT UNCLAS SECTION 02 OF 02 ROME 001234 SIPDIS')).toEqual(['PREL', 'IT']);
    expect(parseTags('TAGS: PGOV KDEM C O N F I D E N T I A L SECTION 02 OF 03 LIMA 000123')).toEqual(['PGOV', 'KDEM']);
  });
  it('person tags with and without the comma', () => {
    expect(parseTags('TAGS: OVIP CLINTON HILLARY PREL SNAR MX')).toEqual(['OVIP', 'CLINTON, HILLARY', 'PREL', 'SNAR', 'MX']);
    expect(parseTags('TAGS: OVIP (RICE, CONDOLEEZZA) PREL')).toEqual(['OVIP', 'RICE, CONDOLEEZZA', 'PREL']);
    expect(parseTags('TAGS: OVIP RICE, CONDOLEEZZA, PREL')).toEqual(['OVIP', 'RICE, CONDOLEEZZA', 'PREL']);
  });
  it('phrases stay one tag', () => {
    expect(parseTags('TAGS: PHUM, HUMAN RIGHTS, PGOV')).toEqual(['PHUM', 'HUMAN RIGHTS', 'PGOV']);
    expect(parseTags('TAGS: PTER COUNTER TERRORISM')).toEqual(['PTER', 'COUNTER TERRORISM']);
  });
  it('glued tags are split only into known codes', () => {
    expect(splitGlued('PRELKU')).toEqual(['PREL', 'KU']);
    expect(splitGlued('IZPGOV')).toEqual(['IZ', 'PGOV']);
    expect(splitGlued('TERRORISM')).toBeNull();
    expect(parseTags('TAGS: PRELKU IZPGOV TERRORISM')).toEqual(['PREL', 'KU', 'IZ', 'PGOV', 'TERRORISM']);
  });
});

describe('cable ids and stations', () => {
  it('stationOfId names the station of a canonical id, PlusD ids of the 1970s too', () => {
    expect(stationOfId('08VIENTIANE145')).toBe('VIENTIANE');
    expect(stationOfId('09STATE60608')).toBe('STATE');
    expect(stationOfId('1979STATE123456_e')).toBe('STATE');
    expect(stationOfId('UNKNOWN')).toBeNull();
  });

  it('canonicalCableId corrects the malformed ids of the releases', () => {
    expect(canonicalCableId('08SCTION02OF02SAOPAULO335')).toBe('08SAOPAULO335');
    expect(canonicalCableId('09SECTION02OF03QRIPOLI583')).toBe('09TRIPOLI583');
    expect(canonicalCableId('09SECTIN01OF03ROME12')).toBe('09ROME12');
    expect(canonicalCableId('07ECTION01O02LIMA9')).toBe('07LIMA9');
    expect(canonicalCableId('07SECTION010QF02MOSCOW9')).toBe('07MOSCOW9');
    expect(canonicalCableId('08EFTOBAGHDAD123')).toBe('08BAGHDAD123');
    expect(canonicalCableId('EFTO08BAGHDAD123')).toBe('08BAGHDAD123');
    expect(canonicalCableId('06AMEMBASSYPARIS12')).toBe('06PARIS12');
    expect(canonicalCableId('05EMBASSYLIMA7')).toBe('05LIMA7');
    expect(canonicalCableId('09STATE123TOSEC45')).toBe('09STATE123');
    expect(canonicalCableId('09STATE77ZFR3')).toBe('09STATE77');
    expect(canonicalCableId('10KABUL5SUSPECTEDDUPLICATE2')).toBe('10KABUL5');
    expect(canonicalCableId('09SIFIEDLONDON3')).toBe('09LONDON3');
    expect(canonicalCableId('09NOFORNLONDON3')).toBe('09LONDON3');
    expect(canonicalCableId('08-STATE-1234')).toBe('08STATE1234');
    expect(canonicalCableId('0808LUANDA123')).toBe('08LUANDA123');
    expect(canonicalCableId('2008STATE1234')).toBe('08STATE1234');
    expect(canonicalCableId('1975PARIS00123')).toBe('1975PARIS00123');
    expect(canonicalCableId('08T0KYO12')).toBe('08TOKYO12');
  });
  it('the gazetteer knows posts, aliases and misspellings', () => {
    expect(knownStation('RIO')).toBe('RIODEJANEIRO');
    expect(knownStation('Sao Paulo')).toBe('SAOPAULO');
    expect(knownStation('HAGUE')).toBe('THEHAGUE');
    expect(knownStation('MEXICO CITY')).toBe('MEXICO');
    expect(knownStation('USUN NEW YORK')).toBe('USUNNEWYORK');
    expect(knownStation('UNVIE')).toBe('UNVIEVIENNA');
    expect(knownStation('AIT TAIPEI')).toBe('AITTAIPEI');
    expect(knownStation('PARIS FR')).toBe('UNESCOPARISFR');
    expect(knownStation('B0G0TA')).toBe('BOGOTA');
    expect(knownStation('NOWHERE')).toBeNull();
  });
});

describe('references', () => {
  it('every bullet form', () => {
    const ids = (t: string): (string | null)[] => parseReferences(t, 2009).map((r) => r.bullet);
    expect(ids('REF: A. STATE 1 B. STATE 2')).toEqual(['A', 'B']);
    expect(ids('REF: A) STATE 1 B) STATE 2')).toEqual(['A', 'B']);
    expect(ids('REF: (A) STATE 1 (B) STATE 2')).toEqual(['A', 'B']);
    expect(ids('REF: [A] STATE 1 [B] STATE 2')).toEqual(['A', 'B']);
    expect(ids('REF: A: STATE 1 B: STATE 2')).toEqual(['A', 'B']);
    expect(ids('REF: A.) STATE 1 B.) STATE 2')).toEqual(['A', 'B']);
    expect(ids('REF: a. STATE 1 b. STATE 2')).toEqual(['A', 'B']);
    expect(ids('REF: A. (A) STATE 1 B. (B) STATE 2')).toEqual(['A', 'B']);
    expect(parseReferences('REF: A. REF A STATE 1', 2009).map((r) => r.canonicalId)).toEqual(['09STATE1']);
  });
  it('a cable id in any case, with aliases, years and more words after it', () => {
    const ids = (t: string): (string | null)[] => parseReferences(t, 2009).map((r) => r.canonicalId);
    expect(ids('REF: Sao Paulo 1234')).toEqual(['09SAOPAULO1234']);
    expect(ids('REF: A. RIO 45 B. HAGUE 12 C. MEXICO CITY 9')).toEqual(['09RIODEJANEIRO45', '09THEHAGUE12', '09MEXICO9']);
    expect(ids("REF: A. '08 STATE 1 B. 08 STATE 2 C. BAGHDAD 3 (08) D. 2008 STATE 4")).toEqual(['08STATE1', '08STATE2', '08BAGHDAD3', '08STATE4']);
    expect(ids('REF: A. STATE 1 AND PREVIOUS B. STATE 55 CIRCULAR C. LIMA 7 (DEMARCHE ON UNGA VOTE)')).toEqual(['09STATE1', '09STATE55', '09LIMA7']);
    expect(ids('REF: STATE 2799 AND 2764')).toEqual(['09STATE2799', '09STATE2764']);
    expect(ids('REF: STATE 2799; 2764, 2701')).toEqual(['09STATE2799', '09STATE2764', '09STATE2701']);
    expect(ids('REF: A. EMBASSY BEIJING 123 B. DEPTEL 55 C. AMEMBASSY PARIS 66')).toEqual(['09BEIJING123', '09STATE55', '09PARIS66']);
  });
  it('a message named by its DTG or an intelligence report number is not a cable id', () => {
    const ids = (t: string): (string | null)[] => parseReferences(t, 2008).map((r) => r.canonicalId);
    expect(ids('REF: A. SECSTATE 12345 B. SECDEF 121234Z MAR 08')).toEqual(['08STATE12345', null]);
    expect(ids('REF: A) IIR 6 822 0123 08')).toEqual([null]);
    expect(ids('REF: (A) BRUSSELS 1234 (B) USEU BRUSSELS 234 (C) 08STATE123456')).toEqual(['08BRUSSELS1234', '08USEUBRUSSELS234', '08STATE123456']);
  });
  it('a portion marking at the start of the next paragraph is not a bullet', () => {
    const refs = parseReferences('REF: A. STATE 1\n\nB. STATE 2\n\n(U) The Ambassador met the minister on May 3.', 2009);
    expect(refs.map((r) => [r.bullet, r.text])).toEqual([
      ['A', 'STATE 1'],
      ['B', 'STATE 2'],
    ]);
  });
});

describe('classified by', () => {
  const read = (t: string): [string[], string | null, string[]] => [parseClassifiedBy(t), parseClassifiedByRole(t), parseClassificationReasons(t)];
  it('the name without the role, the role separately, the reasons however introduced', () => {
    expect(read('Classified By: Ambassador Adam Ereli for reasons 1.4 (b) and (d).')).toEqual([['Adam Ereli'], 'Ambassador', ['1.4 (b)', '1.4 (d)']]);
    expect(read("Classified By: Charge d'Affaires a.i. Jonathan Farrar, reasons 1.4(b) and (d)")).toEqual([
      ['Jonathan Farrar'],
      "Charge d'Affaires a.i.",
      ['1.4 (b)', '1.4 (d)'],
    ]);
    expect(read('CLASSIFIED BY: CHRISTINA B. ROCCA, ASSISTANT SECRETARY FOR SOUTH ASIAN AFFAIRS. REASON: 1.5 (D)')).toEqual([
      ['CHRISTINA B. ROCCA'],
      'ASSISTANT SECRETARY FOR SOUTH ASIAN AFFAIRS',
      ['1.5 (d)'],
    ]);
    expect(read('Classified By: ECONCOUNS John Smith, Jr. per 1.4 (b)')).toEqual([['John Smith, Jr.'], 'ECONCOUNS', ['1.4 (b)']]);
    expect(read('Clasified By: Ambassador Ryan C. Crocker due to 1.4 (b)')).toEqual([['Ryan C. Crocker'], 'Ambassador', ['1.4 (b)']]);
    expect(read('Classified By: AIT Director Bill Stanton, Reason(s): 1.4 (b/d)')).toEqual([['Bill Stanton'], 'AIT Director', ['1.4 (b)', '1.4 (d)']]);
    expect(read('Classified By: DCM Robert S. Deutsch under 1.4 (d)')).toEqual([['Robert S. Deutsch'], 'DCM', ['1.4 (d)']]);
    expect(read("Classified By: Charge d'Affaires, a.i. Jonathan Cohen, reasons 1.4 (b) and (d)")).toEqual([
      ['Jonathan Cohen'],
      "Charge d'Affaires, a.i.",
      ['1.4 (b)', '1.4 (d)'],
    ]);
    expect(read('Classified by: Acting Deputy Chief of Mission Jane Doe, reasons 1.4 b and d')).toEqual([
      ['Jane Doe'],
      'Acting Deputy Chief of Mission',
      ['1.4 (b)', '1.4 (d)'],
    ]);
  });
  it('a label glued to the word before, a name split by a line wrap, in a whole header', () => {
    expect(parseClassifiedBy('TRIPOLI 00000819 001.2 OF 002 ...CAIROClassified By: DCM Stuart Jones under 1.4 (d)')).toEqual(['Stuart Jones']);
    expect(parseClassifiedBy('Classified By: Ambassador Adam\nEreli, reasons 1.4 (b)')).toEqual(['Adam Ereli']);
    expect(parseClassifiedBy(TRIPOLI_819)).toEqual(['John T. Godfrey']);
    expect(parseClassifiedByRole(TRIPOLI_819)).toBe('CDA');
  });
});

/** 08STATE116943 (corpus-extra): an office distribution block, then TO, INFO and an XMT line. */
const STATE_116943 = `INFO  LOG-00   MFA-00   EEB-00   AF-00    AIT-00   A-00     CIAE-00  
      SAS-00   FA-00      /002R

P 031812Z NOV 08
FM SECSTATE WASHDC
TO SECURITY OFFICER COLLECTIVE PRIORITY
AMEMBASSY TRIPOLI PRIORITY 
INFO AMCONSUL CASABLANCA PRIORITY 
XMT AMCONSUL JOHANNESBURG
AMCONSUL JOHANNESBURG
S E C R E T STATE 116943

NOFORN

E.O. 12958: DECL: MR
TAGS: ASEC`;

describe('recipients', () => {
  it('from a whole routing header: TO until INFO, INFO to the end, XMT kept as excluded on the collective', () => {
    expect(parseRecipients(STATE_116943)).toEqual([
      { route: null, name: 'SECURITY OFFICER COLLECTIVE', precedence: 'PRIORITY', mcn: null, excluded: ['AMCONSUL JOHANNESBURG'] },
      { route: null, name: 'AMEMBASSY TRIPOLI', precedence: 'PRIORITY', mcn: null },
    ]);
    expect(parseInfoRecipients(STATE_116943)).toEqual([{ route: null, name: 'AMCONSUL CASABLANCA', precedence: 'PRIORITY', mcn: null }]);
  });
  it('PAGE lines are ignored, and the TO block alone gives the same list', () => {
    const header =
      'FM AMEMBASSY ROME\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 1234\nINFO RUEHFR/AMEMBASSY PARIS 567\nPAGE 02 ROME 03067 211833Z\nRUEHLO/AMEMBASSY LONDON 890\nC O N F I D E N T I A L ROME 003067';
    expect(parseInfoRecipients(header).map((r) => r.name)).toEqual(['AMEMBASSY PARIS', 'AMEMBASSY LONDON']);
    expect(parseRecipients(header)).toEqual(parseRecipients('TO RUEHC/SECSTATE WASHDC IMMEDIATE 1234'));
  });
});

describe('signer', () => {
  it('skips what follows the signature', () => {
    expect(parseSignedBy('Please slug any reporting on this issue for XXXXXXXXXXXX.\nRice \n\n\nNnnn \n\n\nEnd Cable Text')).toEqual(['Rice']);
    expect(parseSignedBy('End text of submission Part 1 of 2. \n \nVAN VOORST \n \n \n \n1 \nSENSITIVE BUT UNCLASSIFIED')).toEqual(['VAN VOORST']);
    expect(parseSignedBy('responses. \nMINIMIZE CONSIDERED. \nCLINTON')).toEqual(['CLINTON']);
    expect(parseSignedBy('will follow.\nJONES\n\nLIMITED OFFICIAL USE\n\nNNNN')).toEqual(['JONES']);
    expect(parseSignedBy('end of text.\nSMITH\nCABLE ENDS')).toEqual(['SMITH']);
    expect(parseSignedBy('as planned.\nKENNEDY\n\nDeclassified/Released US Department of State EO Systematic Review 30 JUN 2005')).toEqual(['KENNEDY']);
    expect(parseSignedBy('as planned.\nKENNEDY\nNOTE BY OC/T: NOT PASSED TO ABOVE ADDRESSEE(S).')).toEqual(['KENNEDY']);
    expect(parseSignedBy('as planned.\nBROWN\nSIPDIS\n.')).toEqual(['BROWN']);
    expect(parseSignedBy("as planned.\nBROWN\nVisit Embassy Kabul's website at http://kabul.usembassy.gov")).toEqual(['BROWN']);
  });
  it('strips decorations and reads a name after END COMMENT', () => {
    expect(parseSignedBy('additional information to EUR/RPM. \nWEINROD..')).toEqual(['WEINROD']);
    expect(parseSignedBy('the report.\nSMITH##')).toEqual(['SMITH']);
    expect(parseSignedBy('they agreed. END COMMENT. Jones')).toEqual(['Jones']);
    expect(parseSignedBy('the report.\nSMITH ,;:#')).toEqual(['SMITH']);
  });
  it('reads a last line of 100,000 commas (its trailing decorations were taken off in time growing with their square: minutes for 16 MB)', () => {
    expect(parseSignedBy(`The ministry ${', '.repeat(100_000)}`)).toEqual([]);
  });
});

describe('summary', () => {
  it('label variants, rules and a label repeated inside the first paragraph', () => {
    expect(parseSummary('1. (C) Summary and Action Request: The minister agreed. End Summary.\n\n2. (C) Text.')).toBe('The minister agreed.');
    expect(parseSummary('1. (SBU) Summary and Introduction: Post reports. End summary.')).toBe('Post reports.');
    expect(parseSummary('1. (C) Summary/Comment: Talks stalled. End Summary/Comment.')).toBe('Talks stalled.');
    expect(parseSummary('=======\nSUMMARY\n=======\n\n1. (U) Summary: Laos is a source country.\n\n2. (U) More.\n\n=======\nDETAILS\n=======')).toBe(
      'Laos is a source country.\n\nMore.',
    );
    expect(parseSummary('\u2014\u2014\u2014\nSummary\n\u2014\u2014\u2014\n\nFirst point.\n\nEND SUMMARY')).toBe('First point.');
  });
  it('wrapped lines are joined with one space', () => {
    expect(parseSummary('1. (C) Summary: The minister\nagreed to\n  the plan.\n\nHe left.  End Summary.')).toBe('The minister agreed to the plan.\n\nHe left.');
  });
  it('no blank line before the summary, only END SUMMARY, or no END SUMMARY', () => {
    expect(parseSummary('SUBJECT: TALKS\nREF: STATE 1\n1. (C) Summary: The talks began.\nEnd Summary.\n2. (C) Text.')).toBe('The talks began.');
    expect(parseSummary('1. (C) The talks began.\n\n2. (C) Both sides agreed. END SUMMARY.\n\n3. (C) Details.')).toBe('The talks began.\n\nBoth sides agreed.');
    expect(parseSummary('1. (C) Summary: The talks began.\n\nThey went well.\n\n2. (C) Details.')).toBe('The talks began.\n\nThey went well.');
  });
});

describe('nondisclosure deadline', () => {
  it('from the E.O. line in a header chunk or a whole cable', () => {
    expect(parseNondisclosureDeadline(TRIPOLI_819)).toBe('2018-10-14');
    expect(parseNondisclosureDeadline('SIPDIS\nE.O. 12958: DECL: 06/28/2019\nTAGS: PREL\nSUBJECT: MEETING ON 01/02/2009')).toBe('2019-06-28');
    expect(parseNondisclosureDeadline('DECL: 06/28/2019')).toBe('2019-06-28');
  });
  it('dates written with dashes or dots, or day first', () => {
    expect(parseNondisclosureDeadline('E.O. 12958: DECL: 06-28-2019')).toBe('2019-06-28');
    expect(parseNondisclosureDeadline('E.O. 12958: DECL 10.03.18')).toBe('2018-10-03');
    expect(parseNondisclosureDeadline('E.O. 12958: DECL: 28/06/2019')).toBe('2019-06-28');
    expect(parseNondisclosureDeadline('E.O. 12958: DECL: 1.4B AND D')).toBeNull();
  });
});
