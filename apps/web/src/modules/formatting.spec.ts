import { createFormatter, digitise, keepDigitsInOrder, weekDays, weekStartDay } from './formatting';

/** Intl puts bidi marks (RLM, ALM, LRM) around some parts; compare the visible text. */
const visible = (text: string) => text.replace(/[\u200e\u200f\u061c]/g, '');

const riyadh = { timeZone: 'Asia/Riyadh' } as const;
const ar = (digits: 'latn' | 'arab', extra = {}) =>
  createFormatter({ language: 'ar', digits, ...riyadh, ...extra });
const en = (digits: 'latn' | 'arab', extra = {}) =>
  createFormatter({ language: 'en', digits, ...riyadh, ...extra });

describe('formatting: digits', () => {
  const instant = '2026-12-02T12:05:00Z'; // 15:05 in Riyadh

  it.each([
    ['ar', 'latn', '12,345.5', '25%', '1.2 م.ب', '2 ديسمبر 2026', '3:05 م'],
    ['ar', 'arab', '١٢٬٣٤٥٫٥', '٢٥٪', '١٫٢ م.ب', '٢ ديسمبر ٢٠٢٦', '٣:٠٥ م'],
    ['en', 'latn', '12,345.5', '25%', '1.2 MB', 'December 2, 2026', '3:05 PM'],
    ['en', 'arab', '١٢٬٣٤٥٫٥', '٢٥٪', '١٫٢ MB', 'December ٢, ٢٠٢٦', '٣:٠٥ PM'],
  ] as const)('%s with %s digits', (language, digits, number, percent, size, date, time) => {
    const f = createFormatter({ language, digits, ...riyadh });
    expect(visible(f.number(12345.5))).toBe(number);
    expect(visible(f.percent(0.25))).toBe(percent);
    expect(visible(f.fileSize(1.2 * 1024 * 1024))).toBe(size);
    expect(visible(f.date(instant))).toBe(date);
    expect(visible(f.time(instant))).toBe(time);
  });

  it('date and time together, counts and identifiers', () => {
    expect(visible(ar('arab').dateTime('2026-12-02T12:05:00Z'))).toBe('٠٢/١٢/٢٠٢٦، ٣:٠٥ م');
    expect(visible(ar('latn').dateTime('2026-12-02T12:05:00Z'))).toBe('02/12/2026، 3:05 م');
    expect(en('latn').dateTime('2026-12-02T12:05:00Z')).toBe('Dec 2, 2026, 3:05 PM');
    expect(ar('arab').integer(1234)).toBe('١٬٢٣٤');
    expect(ar('arab').integer(1234, { grouping: false })).toBe('١٢٣٤');
    expect(en('latn').integer(2.7)).toBe('3');
    expect(visible(ar('arab').duration(240))).toBe('٢٤٠ ملي ث');
    expect(en('latn').duration(1500)).toBe('1.5 sec');
    expect(en('latn').fileSize(220)).toBe('220 bytes');
  });

  it('English with Arabic-Indic digits keeps its numbers in reading order (bidi marks)', () => {
    const shown = en('arab').dateTime('2026-12-02T12:05:00Z');
    expect(shown).toBe('Dec ٢\u200e, ٢٠٢٦\u200e, ٣\u200e:٠٥ PM');
    expect(keepDigitsInOrder(shown)).toBe(shown);
    expect(keepDigitsInOrder('١٢٬٣٤٥')).toBe('١٢٬٣٤٥');
    expect(en('arab').integer(3)).toBe('٣');
    // Arabic text is right-to-left already: no marks.
    expect(ar('arab').dateTime('2026-12-02T12:05:00Z')).not.toContain('\u200e');
  });

  it('empty and invalid dates give nothing rather than "Invalid Date"', () => {
    const f = ar('arab');
    expect(f.dateTime(null)).toBe('');
    expect(f.date(undefined)).toBe('');
    expect(f.time('not a date')).toBe('');
    expect(f.relative('')).toBe('');
    expect(f.day('2026-13-45')).toBe('2026-13-45');
  });

  it('re-digitises free-standing numbers in text written elsewhere, not codes or addresses', () => {
    expect(digitise('يجب ألا تقل عن 10 أحرف', 'arab')).toBe('يجب ألا تقل عن ١٠ أحرف');
    expect(digitise('at most 2.5 MB, 1,024 rows', 'arab')).toBe('at most ٢٫٥ MB, ١٬٠٢٤ rows');
    expect(digitise('header2 utf-8 a1@x.sa https://x.sa:8080/a #12', 'arab')).toBe(
      'header2 utf-8 a1@x.sa https://x.sa:8080/a #12',
    );
    expect(digitise('10.0.0.1 v1.2.3 2026-12-02', 'arab')).toBe('10.0.0.1 v1.2.3 2026-12-02');
    expect(digitise('(max 5).', 'arab')).toBe('(max ٥).');
    expect(digitise('10 أحرف', 'latn')).toBe('10 أحرف');
    expect(ar('arab').digitise('من 3 إلى 5')).toBe('من ٣ إلى ٥');
  });
});

describe('formatting: Hijri alongside (Umm al-Qura)', () => {
  // Checked against Node's ICU (islamic-umalqura); the day is the day in the workspace's zone.
  it.each([
    [
      '2026-12-02T12:00:00Z',
      '٢ ديسمبر ٢٠٢٦ (٢٢ جمادى الآخرة ١٤٤٨ هـ)',
      'December 2, 2026 (Jumada II 22, 1448 AH)',
    ],
    [
      '2026-02-18T12:00:00Z',
      '١٨ فبراير ٢٠٢٦ (١ رمضان ١٤٤٧ هـ)',
      'February 18, 2026 (Ramadan 1, 1447 AH)',
    ],
    [
      '2026-03-20T12:00:00Z',
      '٢٠ مارس ٢٠٢٦ (١ شوال ١٤٤٧ هـ)',
      'March 20, 2026 (Shawwal 1, 1447 AH)',
    ],
    [
      '2027-02-08T12:00:00Z',
      '٨ فبراير ٢٠٢٧ (١ رمضان ١٤٤٨ هـ)',
      'February 8, 2027 (Ramadan 1, 1448 AH)',
    ],
    [
      '2025-06-26T12:00:00Z',
      '٢٦ يونيو ٢٠٢٥ (١ محرم ١٤٤٧ هـ)',
      'June 26, 2025 (Muharram 1, 1447 AH)',
    ],
  ])('%s', (instant, arabic, english) => {
    expect(ar('arab', { calendar: 'gregory-hijri' }).date(instant)).toBe(arabic);
    expect(en('latn', { calendar: 'gregory-hijri' }).date(instant)).toBe(english);
  });

  it('2026-12-02 in Riyadh is 22 Jumada II 1448; Gregorian only unless asked', () => {
    const f = ar('latn');
    expect(f.hijri('2026-12-02T12:00:00Z')).toBe('22 جمادى الآخرة 1448 هـ');
    expect(f.date('2026-12-02T12:00:00Z')).toBe('2 ديسمبر 2026');
    expect(f.date('2026-12-02T12:00:00Z', { hijri: true })).toBe(
      '2 ديسمبر 2026 (22 جمادى الآخرة 1448 هـ)',
    );
  });

  it('the Hijri day follows the time zone: late evening in New York is the next day in Riyadh', () => {
    // 2026-12-01 22:00 in New York = 2026-12-02 06:00 in Riyadh.
    const instant = '2026-12-02T03:00:00Z';
    expect(en('latn', { timeZone: 'America/New_York' }).hijri(instant)).toBe(
      'Jumada II 21, 1448 AH',
    );
    expect(en('latn').hijri(instant)).toBe('Jumada II 22, 1448 AH');
  });

  it('date-times and calendar days carry it too', () => {
    const f = ar('arab', { calendar: 'gregory-hijri' });
    expect(visible(f.dateTime('2026-12-02T12:05:00Z'))).toBe(
      '٠٢/١٢/٢٠٢٦، ٣:٠٥ م (٢٢ جمادى الآخرة ١٤٤٨ هـ)',
    );
    expect(visible(f.day('2026-12-02'))).toBe('٠٢/١٢/٢٠٢٦ (٢٢ جمادى الآخرة ١٤٤٨ هـ)');
    expect(visible(f.dateTime('2026-12-02T12:05:00Z', { hijri: false }))).toBe(
      '٠٢/١٢/٢٠٢٦، ٣:٠٥ م',
    );
  });
});

describe('formatting: time zones', () => {
  it('one instant in Riyadh and in New York, winter and summer (DST)', () => {
    const winter = '2026-12-02T12:05:00Z';
    const summer = '2026-07-01T12:05:00Z';
    const ny = en('latn', { timeZone: 'America/New_York' });
    expect(en('latn').dateTime(winter)).toBe('Dec 2, 2026, 3:05 PM');
    expect(ny.dateTime(winter)).toBe('Dec 2, 2026, 7:05 AM');
    expect(en('latn').dateTime(summer)).toBe('Jul 1, 2026, 3:05 PM');
    expect(ny.dateTime(summer)).toBe('Jul 1, 2026, 8:05 AM');
    expect(ny.timeZoneOffset(winter)).toBe('GMT-5');
    expect(ny.timeZoneOffset(summer)).toBe('GMT-4');
  });

  it('names the zone with its offset rather than the IANA id', () => {
    expect(en('latn').timeZoneLabel('2026-12-02T12:00:00Z')).toBe('Arabian Standard Time (GMT+3)');
    expect(ar('arab').timeZoneLabel('2026-12-02T12:00:00Z')).toBe(
      'التوقيت العربي الرسمي (غرينتش+٣)',
    );
    expect(ar('latn').timeZoneLabel('2026-12-02T12:00:00Z')).toBe(
      'التوقيت العربي الرسمي (غرينتش+3)',
    );
    expect(en('latn', { timeZone: 'America/New_York' }).timeZoneLabel('2026-07-01T12:00:00Z')).toBe(
      'Eastern Time (GMT-4)',
    );
  });

  it('an unknown zone falls back to UTC rather than throwing', () => {
    expect(en('latn', { timeZone: 'Mars/Olympus' }).time('2026-12-02T12:05:00Z')).toBe('12:05 PM');
  });

  it('compact list times: the time today, the day this year, the full date before', () => {
    const now = '2026-12-02T20:00:00Z'; // 23:00 in Riyadh
    const f = en('latn');
    expect(f.compact('2026-12-02T06:00:00Z', now)).toBe('9:00 AM');
    expect(f.compact('2026-11-20T06:00:00Z', now)).toBe('Nov 20');
    expect(f.compact('2025-11-20T06:00:00Z', now)).toBe('Nov 20, 2025');
    // 2026-12-02 21:30Z is already 3 December in Riyadh.
    expect(f.compact('2026-12-02T21:30:00Z', '2026-12-02T22:00:00Z')).toBe('12:30 AM');
  });
});

describe('formatting: week starts', () => {
  it.each([
    ['saturday', 6, [6, 0, 1, 2, 3, 4, 5], 'السبت', 'Saturday'],
    ['sunday', 0, [0, 1, 2, 3, 4, 5, 6], 'الأحد', 'Sunday'],
    ['monday', 1, [1, 2, 3, 4, 5, 6, 0], 'الاثنين', 'Monday'],
  ] as const)('%s', (weekStart, first, order, arabic, english) => {
    expect(weekStartDay(weekStart)).toBe(first);
    expect(weekDays(weekStart)).toEqual(order);
    expect(createFormatter({ language: 'ar', weekStart }).weekStartDay()).toBe(first);
    expect(createFormatter({ language: 'ar', weekStart }).weekdayNames()[0]).toBe(arabic);
    expect(createFormatter({ language: 'en', weekStart }).weekdayNames()).toHaveLength(7);
    expect(createFormatter({ language: 'en', weekStart }).weekdayNames()[0]).toBe(english);
  });
});

describe('formatting: relative times', () => {
  const now = '2026-12-02T12:00:00Z';
  const ago = (seconds: number) => new Date(Date.parse(now) - seconds * 1000).toISOString();

  it.each([
    [10, 'الآن', 'الآن', 'now'],
    [5 * 60, 'منذ ٥ دقائق', 'منذ 5 دقائق', '5 minutes ago'],
    [2 * 60, 'منذ دقيقتين', 'منذ دقيقتين', '2 minutes ago'],
    [3 * 3600, 'منذ ٣ ساعات', 'منذ 3 ساعات', '3 hours ago'],
    [26 * 3600, 'أمس', 'أمس', 'yesterday'],
    [11 * 86400, 'منذ أسبوعين', 'منذ أسبوعين', '2 weeks ago'],
    [-3 * 3600, 'خلال ٣ ساعات', 'خلال 3 ساعات', 'in 3 hours'],
  ])('%i seconds ago', (seconds, arabicIndic, arabicLatin, english) => {
    expect(ar('arab').relative(ago(seconds), now)).toBe(arabicIndic);
    expect(ar('latn').relative(ago(seconds), now)).toBe(arabicLatin);
    expect(en('latn').relative(ago(seconds), now)).toBe(english);
  });

  it('English with Arabic-Indic digits', () => {
    expect(en('arab').relative(ago(5 * 60), now)).toBe('٥ minutes ago');
  });
});

describe('formatting: report spans and buckets', () => {
  it.each([
    [0, '0s', '٠ ث'],
    [42, '42s', '٤٢ ث'],
    [180, '3m', '٣ د'],
    [3599, '1h', '١ س'],
    [3900, '1h 5m', '١ س ٥ د'],
    [7200, '2h', '٢ س'],
    [90_000, '1d 1h', '١ ي ١ س'],
  ])('%d seconds', (seconds, english, arabic) => {
    expect(visible(en('latn').span(seconds))).toBe(english);
    expect(visible(ar('arab').span(seconds))).toBe(arabic);
  });

  it('buckets read in the workspace time zone', () => {
    // 21:00 UTC on 2 December is midnight of 3 December in Riyadh.
    const start = '2026-12-02T21:00:00Z';
    expect(visible(en('latn').bucket(start, 'day'))).toBe('Dec 3');
    expect(visible(ar('arab').bucket(start, 'day'))).toBe('٣ ديسمبر');
    expect(visible(en('latn').bucket(start, 'month'))).toBe('Dec 2026');
    expect(visible(en('latn').bucket('2026-12-03T12:00:00Z', 'hour'))).toBe('3 PM');
    expect(en('latn').bucket('nonsense', 'day')).toBe('');
  });
});
