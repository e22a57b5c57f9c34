import { describe, expect, it } from 'vitest';
import { canonicalStation, knownStation, nearestStation } from './station.js';
import { canonicalCableId } from './cable-id.js';
import { parseReferences } from './references.js';

describe('stations', () => {
  it('an unknown station is the one post one edit away, or two from eight letters', () => {
    expect(nearestStation('SOIA')).toBe('SOFIA');
    expect(nearestStation('BRUSSLS')).toBe('BRUSSELS');
    expect(nearestStation('TRIPOLII')).toBe('TRIPOLI');
    expect(nearestStation('WELLINGOTN')).toBe('WELLINGTON');
    expect(nearestStation('SECTSTATE')).toBe('STATE');
  });
  it('or the one post it is the start of, from five letters', () => {
    expect(nearestStation('RIODEJAN')).toBe('RIODEJANEIRO');
    expect(nearestStation('PHNOM PEN')).toBe('PHNOMPENH');
  });
  it('a short or ambiguous station is not corrected', () => {
    expect(nearestStation('ABC')).toBeNull();
    expect(nearestStation('HOME')).toBeNull();
    expect(nearestStation('XYZZYQ')).toBeNull();
  });
  it('aliases, agencies and the Cablegate forms of historical posts', () => {
    expect(knownStation('PAUP')).toBe('PORTAUPRINCE');
    expect(knownStation('USDOC WASHDC')).toBe('USDOC');
    expect(canonicalStation('TAIPEI')).toBe('AITTAIPEI');
    expect(canonicalCableId('66USUNNY12')).toBe('66USUNNEWYORK12');
    expect(canonicalCableId('1975USUNNY00012')).toBe('1975USUNNY00012');
    expect(canonicalCableId('08SANTIAG0123')).toBe('08SANTIAGO123');
    expect(canonicalCableId('060TTAWA2258')).toBe('06OTTAWA2258');
  });
  it('garbled SECTION spellings fused into an id', () => {
    expect(canonicalCableId('09SQCTION01OF02CAIRO12')).toBe('09CAIRO12');
    expect(canonicalCableId('09SECTIKN02OF03KABUL7')).toBe('09KABUL7');
  });
  it('an unknown word in a REF list is never a station', () => {
    expect(parseReferences('REF: A. QWERTYZ 1234', 2008).map((r) => r.kind)).toEqual(['other']);
    expect(parseReferences('REF: A. BRUSSLS 1234', 2008).map((r) => r.canonicalId)).toEqual(['08BRUSSELS1234']);
  });
});
