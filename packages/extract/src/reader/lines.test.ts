import { describe, expect, it } from 'vitest';
import {
  bannerIndex,
  fieldAt,
  fieldSplits,
  inlinePageBreak,
  isBannerLine,
  isHandlingNoise,
  isLayoutNoise,
  isStrongParagraphStart,
  trailingHeading,
} from './lines.js';
import { MARKING, markingOf } from '../fields/markings.js';

describe('line classifiers (real lines from the corpus)', () => {
  it('find the classification banner, also glued to a routing line', () => {
    expect(isBannerLine('UNCLAS VIENTIANE 000145')).toBe(true);
    expect(isBannerLine('C O N F I D E N T I A L SECTION 01 OF 03 TRIPOLI 000220')).toBe(true);
    expect(isBannerLine('UNCLAS SECTION 01 GF 02 BISHIEK 00Q021')).toBe(true);
    expect(isBannerLine('LIMITED OFFICIAL USE PARIS 00123')).toBe(true);
    expect(isBannerLine('2001HANOI03294 - UNCLASSIFIED')).toBe(false);
    expect(bannerIndex('RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITYUNCLAS REYKJAVIK 000215')).toBe(45);
    expect(bannerIndex('TO SECSTATE WASHDC 9461UNCLASSIFIED TEHRAN 5055')).toBe(23);
    expect(bannerIndex('RHEHNSC/NSC WASHDC PRIORITYC O N F I D E N T I A L MANAMA 000014')).toBe(27);
    expect(bannerIndex('SECDEF WASHDC//ISA/ABLAGG//UNCLAS SECTION 01 OF 02 HANOI 003294')).toBe(27);
  });

  it('know page breaks, page headers, section lines and banners as noise', () => {
    expect(isLayoutNoise('VIENTIANE 00000145 002 OF 005')).toBe(true);
    expect(isLayoutNoise('CARACAS 00000442 002.2 OF 003')).toBe(true);
    expect(isLayoutNoise('PAGE 02        HANOI  03294  01 OF 02  201049Z')).toBe(true);
    expect(isLayoutNoise('PAGE 01 PARIS 00123 031530Z')).toBe(true);
    expect(isLayoutNoise('SECTION 02 OF 04')).toBe(true);
    expect(isLayoutNoise('UNCLASSIFIED')).toBe(true);
    expect(isLayoutNoise('UNCLASSIFIED     PTQ9982'.replace(/\s+/g, ' '))).toBe(true);
    expect(isLayoutNoise('SUMMARY')).toBe(false);
    expect(isHandlingNoise('SIPDIS SIPDIS')).toBe(true);
    expect(isHandlingNoise('SENSITIVE BUT UNCLASSIFIED')).toBe(false);
  });

  it('cut a page break out of a reflowed line and a dashed heading off its end', () => {
    const t = 'had no objection to a TRIPOLI 00000220 002 OF 003 visit by Emboffs';
    const cut = inlinePageBreak(t)!;
    expect(t.slice(0, cut[0]) + t.slice(cut[1])).toBe('had no objection to a visit by Emboffs');
    const h = 'to subside. -------------------------------------- Continued GOE Commitment to Combat TIP ---------------------------';
    const th = trailingHeading(h)!;
    expect(h.slice(0, th.textEnd)).toBe('to subside.');
    expect(h.slice(th.titleStart, th.titleEnd)).toBe('Continued GOE Commitment to Combat TIP');
    expect(trailingHeading('the highest levels -')).toBeNull();
    const one = 'converted to Christianity. End Summary. Bogus Support Staff -------------------';
    const oh = trailingHeading(one)!;
    expect([one.slice(0, oh.textEnd), one.slice(oh.titleStart, oh.titleEnd)]).toEqual(['converted to Christianity. End Summary.', 'Bogus Support Staff']);
    expect(trailingHeading('and the rest of the sentence continues here -------')).toBeNull();
    expect(trailingHeading('Bogus Support Staff -------------------')).toEqual({ textEnd: 0, titleStart: 0, titleEnd: 19 });
  });

  it('find header fields, also run together on one line', () => {
    expect(fieldAt('E.O. 12958: N/A')).toBe('eo');
    expect(fieldAt("E.M. 12958: N'A")).toBe('eo');
    expect(fieldAt('SUBJ: FRENCH BUDGET')).toBe('subject');
    expect(fieldAt('REF A: STATE 1234')).toBe('ref');
    expect(fieldAt('CLASSIFIED BY: Chris Stevens')).toBe('classifiedBy');
    expect(fieldAt('Reference is made to ...')).toBeNull();
    expect(fieldAt('TAGS PREL PGOV KDEM')).toBe('tags');
    expect(fieldAt('Tags are important')).toBeNull();
    const t = 'POSTS FOR FRAUD PREVENTION UNITS E.O. 12958: N/A TAGS: KFRDKIRF';
    expect(fieldSplits(t).map((i) => t.slice(i, i + 5))).toEqual(['E.O. ', 'TAGS:']);
  });

  it('know strong paragraph starts and portion markings', () => {
    expect(isStrongParagraphStart('¶5. (SBU) The')).toBe(true);
    expect(isStrongParagraphStart('1.(C) Key Points')).toBe(true);
    expect(isStrongParagraphStart('5. (S/NF) The')).toBe(true);
    expect(isStrongParagraphStart('2008. Approximately')).toBe(false);
    expect(isStrongParagraphStart('3. To testify')).toBe(false);
    expect(markingOf(MARKING.exec('(S//NF) text')!)).toBe('S//NF');
    expect(markingOf(MARKING.exec('(C/REL UK) text')!)).toBe('C/REL UK');
    expect(MARKING.exec('(c) a list letter')).toBeNull();
  });
});
