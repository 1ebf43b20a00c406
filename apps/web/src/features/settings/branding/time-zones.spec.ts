import { foldForSearch, offsetMinutes, searchTimeZones, timeZoneOptions } from './time-zones';

const AT = new Date('2026-12-02T09:00:00Z');
const ZONES = ['Asia/Riyadh', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Asia/Dubai'];

describe('time-zone picker', () => {
  it('orders the zones by their current offset and names them in the UI language', () => {
    const ar = timeZoneOptions('ar', ZONES, AT);
    expect(ar.map((o) => o.id)).toEqual([
      'America/New_York',
      'Europe/London',
      'Asia/Riyadh',
      'Asia/Dubai',
      'Asia/Kolkata',
    ]);
    const riyadh = ar.find((o) => o.id === 'Asia/Riyadh');
    expect(riyadh).toMatchObject({ city: 'الرياض', offsetMinutes: 180 });
    expect(riyadh?.name).toBe('التوقيت العربي الرسمي');
    expect(riyadh?.offset).toContain('3');
    const en = timeZoneOptions('en', ZONES, AT).find((o) => o.id === 'Asia/Riyadh');
    expect(en).toMatchObject({ city: 'Riyadh', name: 'Arabian Standard Time', offset: 'GMT+3' });
  });

  it('reads half-hour and negative offsets', () => {
    expect(offsetMinutes('Asia/Kolkata', AT)).toBe(330);
    expect(offsetMinutes('America/New_York', AT)).toBe(-300);
    expect(offsetMinutes('America/New_York', new Date('2026-07-01T12:00:00Z'))).toBe(-240);
  });

  it('finds a zone by its id, its city and its name, in Arabic or English, whatever the UI language', () => {
    const options = timeZoneOptions('en', ZONES, AT);
    const ids = (query: string) => searchTimeZones(options, query).map((o) => o.id);
    expect(ids('riy')).toEqual(['Asia/Riyadh']);
    expect(ids('Asia/Riy')).toEqual(['Asia/Riyadh']);
    expect(ids('الرياض')).toEqual(['Asia/Riyadh']);
    expect(ids('الرياض')).toEqual(ids('الرياض'.normalize('NFD')));
    expect(ids('new york')).toEqual(['America/New_York']);
    expect(ids('نيويورك')).toEqual(['America/New_York']);
    expect(ids('arabian')).toEqual(['Asia/Riyadh']);
    expect(ids('العربي')).toEqual(['Asia/Riyadh']);
    expect(ids('الهند')).toEqual(['Asia/Kolkata']);
    expect(ids('')).toHaveLength(ZONES.length);
    expect(ids('zzzz')).toEqual([]);
  });

  it('folds Arabic spellings: hamza seats, ta marbuta, tashkeel', () => {
    expect(foldForSearch('إسطنبول')).toBe(foldForSearch('اسطنبول'));
    expect(foldForSearch('غزة')).toBe(foldForSearch('غزه'));
    expect(foldForSearch('عمّان')).toBe(foldForSearch('عمان'));
  });
});
