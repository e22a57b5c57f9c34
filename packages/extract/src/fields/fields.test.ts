import { describe, expect, it } from 'vitest';
import { dtgParts, expandPrecedence, parseDtgLine } from './dtg.js';
import { parseCreatedMeta, resolveCreated } from './created.js';
import { parseCaveats } from './classification.js';
import { parseRecipientLine } from './recipients.js';
import { canonicalCableId } from './cable-id.js';
import { canonicalStation } from './station.js';
import { parseReferences } from './references.js';
import { parseNondisclosureDeadline } from './nondisclosure.js';
import { parseEo } from './eo.js';
import { parseHandling } from './handling.js';

describe('DTG and precedence', () => {
  it('reads the precedence and DTG line', () => {
    expect(parseDtgLine('P 290544Z FEB 08')).toEqual({ precedence: 'PRIORITY', dtg: '290544Z FEB 08' });
    expect(parseDtgLine('O 131503Z MAR 08')).toEqual({ precedence: 'IMMEDIATE', dtg: '131503Z MAR 08' });
    expect(parseDtgLine('R 220927Z AUG 72 ')).toEqual({ precedence: 'ROUTINE', dtg: '220927Z AUG 72' });
    expect(parseDtgLine('Z 010000Z JAN 10')).toEqual({ precedence: 'FLASH', dtg: '010000Z JAN 10' });
    expect(parseDtgLine('PP RUEHWEB')).toBeNull();
    expect(expandPrecedence('x')).toBeNull();
  });
  it('splits a DTG, with 66-99 read as 19xx', () => {
    expect(dtgParts('290544Z FEB 08')).toEqual({ year: 2008, month: 2, day: 29, hour: 5, minute: 44 });
    expect(dtgParts('220927Z AUG 72')).toEqual({ year: 1972, month: 8, day: 22, hour: 9, minute: 27 });
    expect(dtgParts('320544Z FEB 08')).toBeNull();
    expect(dtgParts('290544Z FOO 08')).toBeNull();
  });
});

describe('created', () => {
  it('reads the three publisher spellings', () => {
    expect(parseCreatedMeta('2008-02-29 05:44:00')).toEqual({ year: 2008, month: 2, day: 29, hour: 5, minute: 44, second: 0 });
    expect(parseCreatedMeta('2010-02-16 14:02')).toEqual({ year: 2010, month: 2, day: 16, hour: 14, minute: null, second: null });
    expect(parseCreatedMeta('Thu Dec 20 00:00:00 +0100 2001')).toEqual({ year: 2001, month: 12, day: 20, hour: null, minute: null, second: null });
    expect(parseCreatedMeta('yesterday')).toBeNull();
  });
  it('keeps the publisher date and takes the time from a same-day DTG', () => {
    expect(resolveCreated('2010-02-16 14:02', '161408Z FEB 10')).toEqual({ created: '2010-02-16T14:08:00Z', mismatch: false });
    expect(resolveCreated('Tue Jun 30 00:00:00 +0200 2009', '300720Z JUN 09')).toEqual({ created: '2009-06-30T07:20:00Z', mismatch: false });
    expect(resolveCreated('Thu Dec 20 00:00:00 +0100 2001', null)).toEqual({ created: '2001-12-20T00:00:00Z', mismatch: false });
    expect(resolveCreated('2010-02-16 14:02', '152359Z FEB 10')).toEqual({ created: '2010-02-16T14:00:00Z', mismatch: false });
    expect(resolveCreated('2010-02-16 14:02', '011408Z FEB 10')).toEqual({ created: '2010-02-16T14:00:00Z', mismatch: true });
    expect(resolveCreated(null, '290544Z FEB 08')).toEqual({ created: '2008-02-29T05:44:00Z', mismatch: false });
    expect(resolveCreated(null, null)).toEqual({ created: null, mismatch: false });
  });
});

describe('caveats', () => {
  it('come from the classification and from handling lines', () => {
    expect(parseCaveats('UNCLASSIFIED//FOR OFFICIAL USE ONLY')).toEqual(['FOUO']);
    expect(parseCaveats('SECRET//NOFORN', ['NOFORN', 'SIPDIS'])).toEqual(['NOFORN']);
    expect(parseCaveats('UNCLASSIFIED', ['SIPDIS', 'SENSITIVE'])).toEqual(['SBU']);
    expect(parseCaveats('CONFIDENTIAL', ['DEPT FOR NEA/MAG AND DRL'])).toEqual([]);
    expect(parseCaveats(null)).toEqual([]);
  });
});

describe('recipient lines', () => {
  it('reads NIACT IMMEDIATE and keeps serials as strings', () => {
    expect(parseRecipientLine('RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 0042')).toEqual({
      route: 'RUEHC',
      name: 'SECSTATE WASHDC',
      precedence: 'NIACT IMMEDIATE',
      mcn: '0042',
    });
    expect(parseRecipientLine('RUEHLMC)EILLENNIUM CHALLENGE ACRP')).toEqual({
      route: null,
      name: 'RUEHLMC)EILLENNIUM CHALLENGE ACRP',
      precedence: null,
      mcn: null,
    });
    expect(parseRecipientLine('   ')).toBeNull();
  });
});

describe('stations', () => {
  it('are written without spaces, with known aliases', () => {
    expect(canonicalStation('SAN JOSE')).toBe('SANJOSE');
    expect(canonicalStation('SECSTATE')).toBe('STATE');
    expect(canonicalStation('BISHIEK')).toBe('BISHKEK');
  });
});

describe('E.O. and handling lines', () => {
  it('drop the E.O. prefix, also garbled or old ones', () => {
    expect(parseEo('E.O. 12958: DECL: 06/28/2019 ')).toBe('DECL: 06/28/2019');
    expect(parseEo("E.M. 12958: N'A")).toBe("N'A");
    expect(parseEo('E.O. 11652: GDS')).toBe('GDS');
    expect(parseEo('EO 13526: DECL: 2019/11/12')).toBe('DECL: 2019/11/12');
  });
  it('give one entry per handling instruction', () => {
    expect(parseHandling(['SIPDIS SIPDIS ', 'DEPT FOR NEA/MAG AND DRL'])).toEqual(['SIPDIS', 'SIPDIS', 'DEPT FOR NEA/MAG AND DRL']);
    expect(parseHandling(['This record is a partial extract of the original cable. The full text of the original cable is not available.', 'SIPDIS'])).toEqual([
      'SIPDIS',
    ]);
    expect(parseHandling(['DEPARTMENT FOR NEA/ELA, G/TIP FOR YOUSEY, NEA/ELA FOR  CHATTERJI'])).toEqual([
      'DEPARTMENT FOR NEA/ELA, G/TIP FOR YOUSEY, NEA/ELA FOR CHATTERJI',
    ]);
  });
});

describe('PlusD ids of the 1970s', () => {
  it('keep their four-digit year, padded serial and lower-case suffix', () => {
    expect(canonicalCableId('1975PARIS00123')).toBe('1975PARIS00123');
    expect(canonicalCableId('1979STATE123456_E')).toBe('1979STATE123456_e');
    expect(canonicalCableId('1975 PARIS 123')).toBe('1975PARIS00123');
  });
  it('make references in the same form', () => {
    expect(parseReferences('REF: A) STATE 283001; B) 74 PARIS 31456', 1975, '1975PARIS00123').map((r) => r.canonicalId)).toEqual([
      '1975STATE283001',
      '1974PARIS31456',
    ]);
    expect(parseReferences('REF: 99 STATE 1234', 2001).map((r) => r.canonicalId)).toEqual(['99STATE1234']);
  });
});

describe('references', () => {
  it('split an item that names several cables, and keep other items whole', () => {
    expect(parseReferences('REF: STATE 12345, BOGOTA 234', 2007).map((r) => [r.text, r.canonicalId])).toEqual([
      ['STATE 12345', '07STATE12345'],
      ['BOGOTA 234', '07BOGOTA234'],
    ]);
    expect(parseReferences('REF: A. 07 STATE 1 AND 07 STATE 2 B. EMAIL FROM SMITH, DATED 12/3', 2007).map((r) => [r.bullet, r.text, r.canonicalId])).toEqual([
      ['A', '07 STATE 1', '07STATE1'],
      ['A', '07 STATE 2', '07STATE2'],
      ['B', 'EMAIL FROM SMITH, DATED 12/3', null],
    ]);
    expect(parseReferences('REF: (A) 07 STATE 12345 (NOTAL), (B) 07 BOGOTA 234', 2007).map((r) => r.canonicalId)).toEqual(['07STATE12345', '07BOGOTA234']);
  });
});

describe('nondisclosure deadlines', () => {
  it('read the date forms cables use, and nothing else', () => {
    expect(parseNondisclosureDeadline('E.O. 12958: DECL: 20190628')).toBe('2019-06-28');
    expect(parseNondisclosureDeadline('E.O. 13526: DECL: 2020/01/05')).toBe('2020-01-05');
    expect(parseNondisclosureDeadline('DECL: 1.6X1')).toBeNull();
    expect(parseNondisclosureDeadline('DECL: OADR')).toBeNull();
    expect(parseNondisclosureDeadline('DECL: 02/30/2019')).toBeNull();
    expect(parseNondisclosureDeadline('DECLASSIFIED 21 JUNE 2006')).toBe('2006-06-21');
  });
});
