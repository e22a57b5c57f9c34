import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCableBytes, parseCable } from './index.js';
import { seedPath } from '../test-support/paths.js';

const cable = parseCable(decodeCableBytes(readFileSync(seedPath), seedPath), { source: seedPath });
const byStart = (prefix: string) => cable.paragraphs.find((p) => p.text.startsWith(prefix));

describe('seed cable 08VIENTIANE145 (PlusD text export)', () => {
  it('reads the PlusD metadata block', () => {
    expect(cable.format).toBe('plusd-text');
    expect(cable.id).toBe('08VIENTIANE145');
    expect(cable.created).toBe('2008-02-29T05:44:00Z');
    expect(cable.classification).toBe('UNCLASSIFIED//FOR OFFICIAL USE ONLY');
    expect(cable.classificationCaveats).toEqual(['FOUO', 'SBU']);
    expect(cable.origin).toBe('Embassy Vientiane');
    expect(cable.title).toBe('EIGHTH ANNUAL TIP REPORT FOR LAOS');
  });

  it('reads the routing header', () => {
    expect(cable.transmissionId).toBe('DE RUEHVN #0145/01 0600544');
    expect(cable.precedence).toBe('PRIORITY');
    expect(cable.dtg).toBe('290544Z FEB 08');
    expect(cable.from).toBe('AMEMBASSY VIENTIANE');
    expect(cable.to).toEqual([{ route: 'RUEHC', name: 'SECSTATE WASHDC', precedence: 'PRIORITY', mcn: '1866' }]);
    expect(cable.info.map((r) => `${r.route}/${r.name}${r.mcn ? ` ${r.mcn}` : ''}`)).toEqual([
      'RUCNASE/ASEAN MEMBER COLLECTIVE',
      'RUEAWJA/DEPT OF JUSTICE WASHDC',
      'RHEFHLC/DEPT OF HOMELAND SECURITY WASHDC',
      'RUEATRS/DEPT OF TREASURY WASHDC',
      'RUEHC/DEPT OF LABOR WASHDC',
      'RUEHBJ/AMEMBASSY BEIJING 2266',
    ]);
  });

  it('reads the header fields once, not from the duplicated header block', () => {
    expect(cable.subject).toBe('EIGHTH ANNUAL TIP REPORT FOR LAOS');
    expect(cable.tags).toEqual(['KCRM', 'PHUM', 'KWMN', 'ELAB', 'SMIG', 'ASEC', 'PREF', 'KFRD', 'PREL', 'LA']);
    expect(cable.handling).toEqual([
      'SIPDIS',
      'STATE ALSO PASS TO USAID',
      'SENSITIVE',
      'SIPDIS',
      'DEPT FOR EAP/MLS',
      'DEPT FOR EAP/RSP',
      'DEPT FOR G',
      'DEPT FOR G/TIP',
    ]);
    expect(cable.eo).toBe('N/A');
    expect(cable.nondisclosureDeadline).toBeNull();
    expect(cable.references).toEqual([{ text: 'STATE 2731', canonicalId: '08STATE2731', kind: 'cable', bullet: null }]);
    for (const p of cable.paragraphs) {
      expect(p.text).not.toMatch(/UNCLAS VIENTIANE|E\.O\. 12958|TAGS:|SUBJECT:/);
    }
  });

  it('numbers paragraphs and keeps their markings and sections', () => {
    const five = cable.paragraphs.find((p) => p.number === 5);
    expect(five?.text.startsWith('The penal code was amended')).toBe(true);
    const one = cable.paragraphs.find((p) => p.number === 1 && p.section === 'SUMMARY');
    expect(one?.classification).toBe('SBU');
    expect(one?.text.startsWith('Laos is overwhelmingly a sending country')).toBe(true);
    const sections = [...new Set(cable.paragraphs.map((p) => p.section))];
    expect(sections).toEqual([
      'SUMMARY',
      'TIP REPORT RESPONSES',
      "XXVII: Overview of Country's Activities to Eliminate Trafficking in Persons",
      'XXVIII: Investigation and Prosecution of Traffickers',
      'XXIX: Protection and Assistance to Victims',
      'XXX: Prevention',
    ]);
  });

  it('reads reftel keys such as "A and B", "A, B, and C", "A through C", "G and H"', () => {
    const ab = byStart('Laos is almost');
    expect(ab?.key).toBe('A and B');
    expect(byStart('Laos has a law specifically')?.key).toBe('A, B, and C');
    expect(byStart('The MLSW and the Immigration Department')?.key).toBe('A through C');
    expect(byStart('Laos has no victim restitution')?.key).toBe('G and H');
    expect(byStart('Laos does not contribute troops')?.key).toBe('L');
    expect(byStart('Laos has extradition agreements')?.key).toBe('I');
  });

  it('removes the SIPDIS line that interrupts a sentence and rejoins the sentence', () => {
    const c = cable.paragraphs.find((p) => p.key === 'C' && p.section?.startsWith('XXVII:'));
    expect(c?.text).toContain('presided over by the Director of Investigations, Ministry of Public Security (MOPS).');
    expect(cable.paragraphs.some((p) => p.text === 'SIPDIS' || / SIPDIS /.test(p.text))).toBe(false);
  });

  it('rejoins sentences split by blank lines', () => {
    expect(cable.paragraphs.some((p) => p.text.includes('40 in January/February 2008. Approximately one third were trafficking victims.'))).toBe(true);
    expect(cable.paragraphs.some((p) => p.text.startsWith('2008.'))).toBe(false);
    expect(cable.paragraphs.some((p) => p.text.includes('significant attention in the reporting period - are run with the assistance'))).toBe(true);
  });

  it('marks quoted text and the numbered list inside it', () => {
    const article = byStart('Article 134: Human Trafficking');
    expect(article?.kind).toBe('quoted_text');
    const items = cable.paragraphs.filter((p) => p.kind === 'list_item');
    expect(items.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(items[1]?.text).toBe('To notify police officers;');
    expect(byStart('As noted, the Law on Women')?.kind).toBe('paragraph');
  });

  it('reads the summary and flags the truncated end', () => {
    expect(cable.summary?.startsWith('Laos is overwhelmingly a sending country for trafficking')).toBe(true);
    expect(cable.summary).toContain('All of these trends bear watching.');
    expect(cable.truncated).toBe(true);
    expect(cable.warnings.map((w) => w.code)).toContain('TRUNCATED');
    expect(cable.signedBy).toEqual([]);
    const last = cable.paragraphs[cable.paragraphs.length - 1]!;
    expect(last.number).toBe(31);
    expect(last.text.endsWith('Department on td authoritim')).toBe(true);
    expect(last.text).not.toContain('Share this cable');
  });
});
