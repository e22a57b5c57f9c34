import { describe, expect, it } from 'vitest';
import { CurrencyResolver } from './currencies.js';
import { scanDates } from './events.js';
import { scanQuantities, type QuantityMatch } from './quantities/index.js';
import { tokenize } from './text.js';

/** Figures of one sentence, as extractFacts finds them (dates are claimed first). */
function figures(sentence: string, tags: string[] = ['LA']): (Omit<QuantityMatch, 'start' | 'end'> & { text: string })[] {
  const tokens = tokenize(sentence);
  const dates = scanDates(tokens);
  const claimed = (start: number) => dates.some((d) => d.start <= start && start < d.end);
  return scanQuantities({ tokens, currencies: new CurrencyResolver(tags), claimed }).map(({ start, end, ...rest }) => ({
    ...rest,
    text: sentence.slice(start, end),
  }));
}

function one(sentence: string, text: string) {
  const found = figures(sentence).filter((f) => f.text === text);
  expect(found, `${text} in ${sentence}: ${JSON.stringify(figures(sentence))}`).toHaveLength(1);
  return found[0]!;
}

describe('counts', () => {
  it('reads the Article 134 figures of paragraph 5 with what they count', () => {
    const s =
      'As a result, according to the Ministry of Public Security, police investigated 38 cases of Article 134 violations (human trafficking) in 2007, resulting in 23 arrests and 8 cases sent for prosecution.';
    expect(figures(s).map((f) => [f.value, f.kind, f.counted])).toEqual([
      [38, 'count', 'cases'],
      [23, 'count', 'arrests'],
      [8, 'count', 'cases'],
    ]);
    expect(figures('Those 8 cases remain in the court system, with another 20 ongoing investigations.').map((f) => [f.value, f.counted])).toEqual([
      [8, 'cases'],
      [20, 'investigations'],
    ]);
  });

  it('reads thousands separators and qualifiers', () => {
    expect(one('bringing the total number of victims repatriated to Laos from Thailand since 2001 to more than 1,044.', 'more than 1,044')).toMatchObject({
      value: 1044,
      qualifier: 'more_than',
      kind: 'count',
    });
    expect(one('Approximately 100 other victims are currently residing in rehabilitation centers inside Thailand.', 'Approximately 100')).toMatchObject({
      value: 100,
      qualifier: 'approximately',
      counted: 'victims',
    });
    expect(one('There are only about 10,000 police officers in a country of 6 million people.', 'about 10,000')).toMatchObject({
      value: 10000,
      qualifier: 'about',
      counted: 'police officers',
    });
    expect(one('There are only about 10,000 police officers in a country of 6 million people.', '6 million')).toMatchObject({
      value: 6_000_000,
      counted: 'people',
    });
    expect(one('With only 80 members in the Lao Bar Association, half of whom do not have formal legal training.', '80')).toMatchObject({
      value: 80,
      qualifier: 'exact',
      counted: 'members',
    });
    expect(
      one('With only 10,000 or so policemen in the entire country, many villages do not have local law enforcement personnel.', '10,000 or so'),
    ).toMatchObject({ value: 10000, qualifier: 'about', counted: 'policemen' });
    expect(one('The World Bank in 2006 estimated that there are at least 250,000 Lao workers employed in Thailand.', 'at least 250,000')).toMatchObject({
      value: 250000,
      qualifier: 'at_least',
    });
    expect(one('tourism in Laos has grown from less than 900,000 visitors in 2004 to over 1.4 million visitors in 2007.', 'over 1.4 million')).toMatchObject({
      value: 1_400_000,
      qualifier: 'over',
      counted: 'visitors',
    });
  });

  it('scales both ends of a range by the word after the second', () => {
    expect(one('between 1.5 and 2 million people crossed the border', '1.5 and 2 million')).toMatchObject({
      value: 1_500_000,
      value_max: 2_000_000,
      counted: 'people',
    });
    expect(one('UNICEF estimated that 2-3 million children work', '2-3 million')).toMatchObject({ value: 2_000_000, value_max: 3_000_000 });
  });

  it('reads number words only when they count something', () => {
    expect(one('This initiative began when three agencies learned that they were all working on contact information cards.', 'three')).toMatchObject({
      value: 3,
      counted: 'agencies',
    });
    expect(
      figures(
        'Through the aid clinic program, the Bar Association is currently working on one case for a victim of internal trafficking and one of cross-border trafficking.',
      ),
    ).toEqual([]);
  });
});

describe('money', () => {
  it('reads dollar ranges with a rate', () => {
    expect(one("Civil servants' salaries are low (usually $35-$60 per month)and corruption is rampant.", '$35-$60')).toMatchObject({
      kind: 'money',
      value: 35,
      value_max: 60,
      unit: 'USD',
      per: 'month',
    });
    expect(one('while the minimum wage in Thailand is roughly $150 per month.', 'roughly $150')).toMatchObject({
      value: 150,
      unit: 'USD',
      qualifier: 'roughly',
      per: 'month',
    });
  });

  it('reads baht amounts and the conversions in brackets', () => {
    const s = "Brokers' fees varied widely, from as little as 500 baht (about $14) to as much as 30,000 baht ($880).";
    expect(figures(s).map((f) => [f.text, f.value, f.unit, f.qualifier])).toEqual([
      ['500 baht', 500, 'THB', 'exact'],
      ['about $14', 14, 'USD', 'about'],
      ['as much as 30,000 baht', 30000, 'THB', 'as_many_as'],
      ['$880', 880, 'USD', 'exact'],
    ]);
    const m = 'The majority, however, paid between 2,500-7,000 baht ($75-$205) in broker fees, if they used one.';
    expect(figures(m).map((f) => [f.value, f.value_max, f.unit])).toEqual([
      [2500, 7000, 'THB'],
      [75, 205, 'USD'],
    ]);
  });

  it('reads dot-grouped Kip and USD written before the number', () => {
    const s =
      'Any person performing infractions in the category of human trafficking shall be punished by privation of liberty for a period of five to fifteen years and shall be fined an amount of 10.000.000 to 100.000.000 Kip [note: USD 1086 to 10,860) and shall have their assets confiscated according to Article 32 of this law.';
    expect(figures(s).map((f) => [f.kind, f.value, f.value_max, f.unit])).toEqual([
      ['duration', 5, 15, 'year'],
      ['money', 10_000_000, 100_000_000, 'LAK'],
      ['money', 1086, 10860, 'USD'],
    ]);
  });

  it('gives a bare amount listed after another its currency', () => {
    const s = 'a fine of not less than BD 2,000 and not more than BD 10,000 (approximately USD 5,300 and 26,500).';
    expect(figures(s, ['BA']).map((f) => [f.text, f.value, f.unit, f.qualifier])).toEqual([
      ['not less than BD 2,000', 2000, 'BHD', 'at_least'],
      ['not more than BD 10,000', 10000, 'BHD', 'up_to'],
      ['approximately USD 5,300', 5300, 'USD', 'approximately'],
      ['26,500', 26500, 'USD', 'exact'],
    ]);
  });

  it('reads an ISO code after the figures', () => {
    expect(one('Fees usually range from 2 to 4 USD.', '2 to 4 USD')).toMatchObject({ value: 2, value_max: 4, unit: 'USD' });
  });

  it('resolves an ambiguous currency word by its adjective or the cable country', () => {
    expect(one('The fine is 5,000 Egyptian pounds.', '5,000 Egyptian pounds')).toMatchObject({ unit: 'EGP' });
    expect(figures('The fine is 5,000 pounds.', ['EG'])[0]).toMatchObject({ unit: 'EGP' });
    expect(figures('The fine is 5,000 pounds.', ['UK'])[0]).toMatchObject({ unit: 'GBP' });
  });
});

describe('percentages and fractions', () => {
  it('reads percentages with qualifiers', () => {
    expect(
      one(
        'NGOs have recently expressed concern about a study showing that as many as 50% of formally-identified trafficking victims have returned to Thailand.',
        'as many as 50%',
      ),
    ).toMatchObject({ kind: 'percent', value: 50, unit: 'percent', qualifier: 'as_many_as' });
    expect(one('belonging to the lowland Lao or Tai ethnic group (approx. 66% of the population),with some basic education.', 'approx. 66%')).toMatchObject({
      value: 66,
      qualifier: 'approximately',
      counted: 'population',
    });
    expect(one('noting for example that 71% of young people had heard the term "human trafficking"', '71%')).toMatchObject({
      value: 71,
      qualifier: 'exact',
      counted: 'people',
    });
    expect(one("Post notes that 70% of the government's capital budget comes from official development assistance.", '70%')).toMatchObject({
      counted: 'budget',
    });
  });

  it('reads fractions in words and digits', () => {
    expect(one('Other studies suggest that one-third of trafficking victims were employed in the sex industry.', 'one-third')).toMatchObject({
      kind: 'fraction',
      unit: 'fraction',
      value: 0.333333,
    });
    expect(one('The remaining 2/3s are victims of domestic violence or sexual assault.', '2/3s')).toMatchObject({ kind: 'fraction', value: 0.666667 });
    expect(one('With only 80 members in the Lao Bar Association, half of whom do not have formal legal training.', 'half')).toMatchObject({
      kind: 'fraction',
      value: 0.5,
    });
    expect(one('found that nearly one-third of Lao trafficking victims had family members in Thailand', 'nearly one-third')).toMatchObject({
      qualifier: 'nearly',
    });
  });
});

describe('durations and ages', () => {
  it('reads ranges in digits and words', () => {
    expect(one('what is usually a stay of 5-8 months in the shelter in Thailand.', '5-8 months')).toMatchObject({
      kind: 'duration',
      value: 5,
      value_max: 8,
      unit: 'month',
    });
    expect(one('shall be punished by privation of liberty for a period of fifteen to twenty years', 'fifteen to twenty years')).toMatchObject({
      value: 15,
      value_max: 20,
      unit: 'year',
    });
    expect(one('Rape of a minor is punishable by seven to 15 years, prostitution by up to one year.', 'seven to 15 years')).toMatchObject({
      value: 7,
      value_max: 15,
    });
    expect(one('Rape of a minor is punishable by seven to 15 years, prostitution by up to one year.', 'up to one year')).toMatchObject({
      value: 1,
      qualifier: 'up_to',
    });
  });

  it('keeps "14 days to 6 months" as two figures, since the units differ', () => {
    const s = 'where they receive counseling and vocational training for anywhere from 14 days to 6 months.';
    expect(figures(s).map((f) => [f.text, f.value, f.value_max, f.unit])).toEqual([
      ['14 days', 14, null, 'day'],
      ['6 months', 6, null, 'month'],
    ]);
  });

  it('reads ages', () => {
    expect(one('the majority of formally-identified victims of trafficking are girls between the ages of 12-18, from rural areas', '12-18')).toMatchObject({
      kind: 'age',
      value: 12,
      value_max: 18,
      unit: 'year',
    });
    expect(
      one('The above mentioned actions performed on minors/children under 18 years of age will be considered as human trafficking', 'under 18 years of age'),
    ).toMatchObject({ kind: 'age', value: 18, qualifier: 'less_than' });
    expect(one('the LWU shelter had provided legal assistance to a 13-year-old girl', '13-year-old')).toMatchObject({
      kind: 'age',
      value: 13,
      counted: 'girl',
    });
  });

  it('reads "the victim is under thirteen years" as an age, not a prison term (09SANJOSE127), and "over 100 victims" as a count', () => {
    const law =
      '--Article 168, aggravated corruption, imprisonment from four to ten\nyears, if the victim is under thirteen years; the act is committed\nfor economic gain;';
    expect(one(law, 'under thirteen years')).toMatchObject({ kind: 'age', value: 13, unit: 'year', qualifier: 'less_than' });
    expect(one(law, 'four to ten\nyears')).toMatchObject({ kind: 'duration', value: 4, value_max: 10, unit: 'year' });
    expect(one('The shelter assisted over 100 victims in 2008.', 'over 100')).toMatchObject({ kind: 'count', value: 100, counted: 'victims' });
  });
});

describe('not quantities', () => {
  it('skips years and dates, which are events', () => {
    expect(figures('In 2006, Laos enacted the revised Article 134 of the penal code.')).toEqual([]);
    expect(figures('The February 27, 2007, signing of an MOU between the GOL and IOM has allowed IOM to establish a presence in Laos.')).toEqual([]);
  });

  it('skips article, law and section numbers', () => {
    expect(figures('Abduction is punishable under Article 92 by five to fifteen years imprisonment.').map((f) => f.text)).toEqual(['five to fifteen years']);
    expect(figures('(see section 28, Law on the Protection of Women, Article 25,"Rights of Victims").')).toEqual([]);
    expect(figures('E.O. 12958: N/A')).toEqual([]);
  });

  it('skips routing serials, cable references and telephone numbers', () => {
    expect(figures('TO RUEHC/SECSTATE WASHDC PRIORITY 1866')).toEqual([]);
    expect(figures('REF: B. 09 SANAA 1936')).toEqual([]);
    expect(figures("Embassy Sana'a TIP POC: Faith Meyers, Acting Political Chief 967-1-755-2398")).toEqual([]);
    expect(figures('DE RUEHVN #0145/01 0600544')).toEqual([]);
    expect(figures('and, should he choose, the ability to: 1) leave his room, and: 2) leave the TMC are important.')).toEqual([]);
  });

  it('skips a list of telephone numbers (90BAGHDAD4397) and of Security Council resolutions (02ANKARA8305), not a large count', () => {
    expect(figures('EMBASSY TELEPHONE NUMBERS ARE: 7196138/9,\n7189265, 7189267, 7193791, 7189273.')).toEqual([]);
    expect(
      figures(
        'IN ACCORDANCE WITH THIS CONVENTION, TURKEY ADDS TO ITS DOMESTIC ASSET FREEZE LIST ALL NAMES ADDED TO THE ASSET FREEZE LIST MAINTAINED BY THE UN SANCTIONS COMMITTEE UNDER UNSCRS 1267 AND 1373.',
      ),
    ).toEqual([]);
    expect(one('The census counted 7,193,791 residents.', '7,193,791')).toMatchObject({ value: 7193791, counted: 'residents' });
  });
});

describe('dates without a year, clock times and ages after a noun', () => {
  it('skips the day of "June 16" and "12 noon"', () => {
    expect(figures("Until the time of the Secretary's June 16 press conference, any public release of the Report is prohibited.")).toEqual([]);
    expect(figures('No earlier than 12 noon local time on Monday June 15 for WHA, AF, EUR, and NEA posts')).toEqual([]);
  });

  it('reads "children under 18" and "minimum working ages from fourteen to fifteen years" as ages', () => {
    expect(one('A 2003 decree by the MOMM barred children under 18 from 44 hazardous occupations.', 'under 18')).toMatchObject({
      kind: 'age',
      value: 18,
      qualifier: 'less_than',
    });
    expect(one('A 2003 decree by the MOMM barred children under 18 from 44 hazardous occupations.', '44')).toMatchObject({
      kind: 'count',
      counted: 'occupations',
    });
    expect(
      one(
        'Egypt amended its Child Protection Law to raise the minimum working ages from fourteen to fifteen years for regular employment',
        'fourteen to fifteen years',
      ),
    ).toMatchObject({ kind: 'age', value: 14, value_max: 15 });
  });
});

describe('keys, references, grades, ranks and hotlines are not figures', () => {
  const texts = (s: string, tags?: string[]) => figures(s, tags).map((f) => f.text);

  it('skips question and answer keys', () => {
    expect(
      texts('Question 23 B and C: IOM conducted an extensive TIP study in Chile in 2008 and identified 110 trafficking cases involving 148 victims.'),
    ).toEqual(['110', '148']);
    expect(texts('Question 25 E: From April to December 2008, the government opened 104 TIP cases.')).toEqual(['104']);
    expect(texts('reported 37 investigations during 2005 involving one of the trafficking laws described in question 23 A-B above.')).toEqual(['37']);
    expect(texts('27.A. The government conducted two campaigns.')).toEqual(['two']);
  });

  it('skips paragraph references, report parts and list markers', () => {
    expect(
      texts(
        "NGOs have collected evidence that children are forced to fight both with the government forces and with the Houthis (see 33 for more details on child soldiers in Sa'ada).",
      ),
    ).toEqual([]);
    expect(texts('This cable is Part 2 of 2 and continues section numbering from Part 1 (septel), in according with TIP reporting instructions.')).toEqual([]);
    expect(texts('The details are in paras 4 through 6 and 9.')).toEqual([]);
    expect(texts('--(1) International Organization for Migration (IOM): Provides training to GOC officials.')).toEqual([]);
  });

  it('skips standards, statute sections and pay grades', () => {
    expect(
      texts(
        'This is necessary to evaluate a foreign government\'s compliance with TVPA Minimum Standard 2, which reads: "For the knowing commission of any act of sex trafficking"',
      ),
    ).toEqual([]);
    expect(texts('The offence is defined in section 18(b) of the law.')).toEqual([]);
    expect(texts('Hours spent on preparation: - Pol Officer (FS 02) 18 hrs - Pol Assistant 50 hrs - DCM 1 hrs Total: 63 hrs').map((t) => t)).toEqual([
      '18 hrs',
      '50 hrs',
      '1 hrs',
      '63 hrs',
    ]);
    expect(figures('-- EPoloff (FS-04): approximately 35 hours -- EPol Counselor (FS-01): 1 hour').map((f) => [f.kind, f.value, f.unit])).toEqual([
      ['duration', 35, 'hour'],
      ['duration', 1, 'hour'],
    ]);
  });

  it('skips ranks but keeps what they are out of, and telephone numbers', () => {
    expect(
      figures(
        "Corruption is an acute problem in Yemen, which was ranked 154 out of 180 countries on Transparency International's 2009 Corruption Perceptions index.",
      ).map((f) => [f.text, f.counted]),
    ).toEqual([['180', 'countries']]);
    expect(texts('with less reliable information coming from police, the 911 emergency line, and judicial entities.')).toEqual([]);
    expect(texts('Number of 2007 cases received by the Prosecutor\'s Office: --Trafficking in persons ("Trata de personas") 9')).toEqual(['9']);
  });
});

describe('figures found on other cables', () => {
  it('reads money in local abbreviations with their ISO code', () => {
    expect(figures('whom she told she would pay their son IKR 10,000 (US $151) a month', ['IC']).map((f) => [f.text, f.value, f.unit])).toEqual([
      ['IKR 10,000', 10000, 'ISK'],
      ['$151', 151, 'USD'],
    ]);
    expect(one('was awarded IKR 4.7 million (US $70,890) in back wages.', 'IKR 4.7 million')).toMatchObject({ kind: 'money', value: 4_700_000, unit: 'ISK' });
    expect(figures('The fine is YR 50,000.', ['YM'])[0]).toMatchObject({ unit: 'YER', value: 50000 });
    expect(figures('a fine of LE 5,000', ['EG'])[0]).toMatchObject({ unit: 'EGP' });
    expect(figures('a fine of 2,000 dinars', ['BA'])[0]).toMatchObject({ unit: 'BHD' });
    expect(figures('paid Ksh 20,000 to the broker', ['KE'])[0]).toMatchObject({ unit: 'KES', value: 20000 });
    expect(figures('paid Rs. 20,000 to the broker', ['PK'])[0]).toMatchObject({ unit: 'PKR', value: 20000 });
    expect(figures('paid Rs 20,000 to the broker', ['IN'])[0]).toMatchObject({ unit: 'INR' });
  });

  it('reads number words with what they count, also across a line break', () => {
    expect(one('Eleven\ndefendants were convicted.', 'Eleven\ndefendants'.split('\n')[0]!)).toMatchObject({ value: 11, counted: 'defendants' });
    expect(one('The Coalition also conducted, together with eleven institutions, training on the Protocol.', 'eleven')).toMatchObject({
      value: 11,
      counted: 'institutions',
    });
    expect(one('roughly 47 thousand users', 'roughly 47 thousand')).toMatchObject({ value: 47000, qualifier: 'roughly' });
  });

  it('reads ages only where the words say age', () => {
    expect(
      one('One Democracy School employee said that her nephew, who has not yet turned 18, joined the army and was deployed to Haradh.', '18'),
    ).toMatchObject({ kind: 'age', value: 18 });
    expect(
      one(
        'In November, local press reported that as part of an on-going investigation into under-age marriages, an additional 21 marriage registrars had been arrested.',
        '21',
      ),
    ).toMatchObject({ kind: 'count', counted: 'registrars' });
    expect(one('The legal minimum age to engage in prostitution is 18 years.', '18 years')).toMatchObject({ kind: 'age', value: 18 });
    expect(one('Prostitution for individuals over the age of 18 in Costa Rica is legal.', '18')).toMatchObject({ kind: 'age', qualifier: 'over' });
  });

  it('reads prison terms with their ranges and bounds', () => {
    expect(
      one(
        'The penalty increases to not less than 3 and not exceeding 10 years if the transport action is combined with sexual acts or bodily harm.',
        'not less than 3 and not exceeding 10 years',
      ),
    ).toMatchObject({ kind: 'duration', value: 3, value_max: 10, unit: 'year' });
    expect(one('The law provides for a maximum sentence of 12 years.', '12 years')).toMatchObject({ kind: 'duration', value: 12, qualifier: 'up_to' });
    expect(one('The court imposed a minimum term of nine months.', 'nine months')).toMatchObject({
      kind: 'duration',
      value: 9,
      unit: 'month',
      qualifier: 'at_least',
    });
    expect(
      one(
        "Article 377 imposes a 5-10 prison term on individuals who promote or facilitate the trafficking of children for adoption with the purpose of selling the child's organs.",
        '5-10',
      ),
    ).toMatchObject({ kind: 'duration', value: 5, value_max: 10, unit: 'year' });
    expect(
      one(
        'Usually the victims remain in Asuncion for approximately 2 or 3 months while they are receiving legal, medical, psychological and rehabilitative services.',
        'approximately 2 or 3 months',
      ),
    ).toMatchObject({ value: 2, value_max: 3, unit: 'month', qualifier: 'approximately' });
  });
});

describe('lists of article numbers and stray page numbers', () => {
  it('skips article lists joined by the Spanish "y" and a line holding only a number', () => {
    expect(
      figures('Amendments to Articles 172, 208, 209, 225, 227, 228, 229, 305, 307, 322, 323, 324, 325 y 387 of the Criminal Code, Law No. 4573, as amended.'),
    ).toEqual([]);
    expect(figures('1')).toEqual([]);
  });
});

describe('identifiers, list markers and mangled quotation marks', () => {
  it('skips list markers inside a sentence, numbers with leading zeros, appendix and source references', () => {
    expect(figures('Key Near-Term Issues 1) Darfur/Sudan (FPOL-1) 2) Afghanistan/Pakistan (FPOL-1) 3) Somalia (FPOL-1)')).toEqual([]);
    expect(figures('(Open sources; 0754; 0706; Appendix sources 21-28)')).toEqual([]);
    expect(figures('(SIMAS Event: Baku-00507-2008)')).toEqual([]);
  });

  it('skips the "8" that stands for a closing quotation mark in Cablegate text', () => {
    expect(figures('Ashdown said. &Making the world safe for democracy,8 simply does not resonate well.')).toEqual([]);
    expect(
      figures('Liberal Democrats currently hold 63 seats in Parliament (out of 646) and the latest polls show their support at 19 percent.').map((f) => f.text),
    ).toEqual(['63', '646', '19 percent']);
  });
});

describe('number words that count what the sentence named before', () => {
  it('reads "three of them", "All four were", "seven of the eleven" and "six in the capital"', () => {
    const s =
      'In one case, the head of a prostitution ring seized the passports of four foreign women resident in Iceland and forced three of them to work as prostitutes.';
    expect(figures(s).map((f) => [f.text, f.value])).toEqual([
      ['four', 4],
      ['three', 3],
    ]);
    expect(figures('All four were subsequently forced into prostitution.').map((f) => f.value)).toEqual([4]);
    expect(figures('Checks confirmed that seven of the eleven support staff individuals have not left the United States.').map((f) => f.text)).toEqual([
      'seven',
      'eleven',
    ]);
    expect(figures('Police found twelve victims, six in the capital.').map((f) => f.value)).toEqual([12, 6]);
  });

  it('still leaves "one of" and number words that count nothing alone', () => {
    expect(
      figures(
        'Through the aid clinic program, the Bar Association is currently working on one case for a victim of internal trafficking and one of cross-border trafficking.',
      ),
    ).toEqual([]);
    expect(figures('The case of one in Savannakhet was closed.')).toEqual([]);
  });
});

describe('legal terms "and a day" (09SANTIAGO156)', () => {
  it('reads "five years and a day to 20 years" as 5-20 years and "three years and a day up to five years" as 3-5', () => {
    expect(
      one(
        'The penalties for rape and forcible sexual assault, five years and a day to 20 years as defined under Penal Code Law 19.927, Article 361, are comparable to those for sex trafficking.',
        'five years and a day to 20 years',
      ),
    ).toMatchObject({ kind: 'duration', unit: 'year', value: 5, value_max: 20 });
    expect(
      one('A person convicted of trafficking an adult can be sentenced to three years and a day up to five years.', 'three years and a day up to five years'),
    ).toMatchObject({ kind: 'duration', unit: 'year', value: 3, value_max: 5 });
  });

  it('keeps a term of "5 years and a day" alone as 5 years', () => {
    expect(one('The minimum sentence proposed in the draft law is 5 years and a day, the maximum sentence being 15 years.', '5 years')).toMatchObject({
      value: 5,
      value_max: null,
    });
  });
});
