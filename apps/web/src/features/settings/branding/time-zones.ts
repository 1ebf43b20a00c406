import { finalForm, foldLetters } from '@sanad/search';
import type { Language } from '@sanad/contracts';

/**
 * The time-zone picker's list: every IANA zone the browser knows, with its current offset and its
 * name in the UI language, searchable by id, city and name in Arabic and English.
 */
export interface TimeZoneOption {
  id: string;
  /** The city part of the id, in the UI language when we know it (الرياض, Riyadh). */
  city: string;
  /** The zone's name in the UI language (التوقيت العربي الرسمي, Arabian Standard Time). */
  name: string;
  /** `GMT+3` / `غرينتش+3`, in the UI language. */
  offset: string;
  /** Minutes east of UTC now (sorting). */
  offsetMinutes: number;
  /** Folded words of the id, cities and names in both languages (what the search reads). */
  haystack: string;
}

/** Cities of the Arab world and the largest others, as Arabic speakers search for them. */
const ARABIC_CITIES: Record<string, string> = {
  'Asia/Riyadh': 'الرياض',
  'Asia/Dubai': 'دبي',
  'Asia/Kuwait': 'الكويت',
  'Asia/Qatar': 'قطر الدوحة',
  'Asia/Bahrain': 'البحرين المنامة',
  'Asia/Muscat': 'مسقط عمان',
  'Asia/Aden': 'عدن اليمن صنعاء',
  'Asia/Baghdad': 'بغداد العراق',
  'Asia/Amman': 'عمّان الأردن',
  'Asia/Damascus': 'دمشق سوريا',
  'Asia/Beirut': 'بيروت لبنان',
  'Asia/Jerusalem': 'القدس',
  'Asia/Gaza': 'غزة فلسطين',
  'Asia/Hebron': 'الخليل فلسطين',
  'Africa/Cairo': 'القاهرة مصر',
  'Africa/Khartoum': 'الخرطوم السودان',
  'Africa/Tripoli': 'طرابلس ليبيا',
  'Africa/Tunis': 'تونس',
  'Africa/Algiers': 'الجزائر',
  'Africa/Casablanca': 'الدار البيضاء المغرب الرباط',
  'Africa/Nouakchott': 'نواكشوط موريتانيا',
  'Africa/Mogadishu': 'مقديشو الصومال',
  'Africa/Djibouti': 'جيبوتي',
  'Indian/Comoro': 'جزر القمر موروني',
  'Europe/Istanbul': 'إسطنبول تركيا',
  'Asia/Tehran': 'طهران إيران',
  'Asia/Karachi': 'كراتشي باكستان',
  'Asia/Kolkata': 'كولكاتا الهند نيودلهي',
  'Asia/Dhaka': 'دكا بنغلاديش',
  'Asia/Jakarta': 'جاكرتا إندونيسيا',
  'Asia/Kuala_Lumpur': 'كوالالمبور ماليزيا',
  'Asia/Shanghai': 'شنغهاي الصين بكين',
  'Asia/Tokyo': 'طوكيو اليابان',
  'Europe/London': 'لندن بريطانيا',
  'Europe/Paris': 'باريس فرنسا',
  'Europe/Berlin': 'برلين ألمانيا',
  'Europe/Madrid': 'مدريد إسبانيا',
  'Europe/Rome': 'روما إيطاليا',
  'Europe/Moscow': 'موسكو روسيا',
  'America/New_York': 'نيويورك',
  'America/Chicago': 'شيكاغو',
  'America/Los_Angeles': 'لوس أنجلوس',
  'America/Toronto': 'تورونتو كندا',
  'Australia/Sydney': 'سيدني أستراليا',
};

export const DEFAULT_TIME_ZONE = 'Asia/Riyadh';

/** Lower case, Arabic letters folded (أ إ آ → ا, ة → ه, ى → ي, marks and tatweel removed). */
export function foldForSearch(text: string): string {
  return foldLetters(text)
    .toLowerCase()
    .split(/[\s/_,()+-]+/)
    .filter(Boolean)
    .map(finalForm)
    .join(' ');
}

function zoneName(
  language: Language,
  timeZone: string,
  style: 'longGeneric' | 'shortOffset',
  at: Date,
): string {
  try {
    return (
      new Intl.DateTimeFormat(language, { timeZone, timeZoneName: style })
        .formatToParts(at)
        .find((part) => part.type === 'timeZoneName')?.value ?? ''
    );
  } catch {
    return '';
  }
}

/** Minutes east of UTC of `timeZone` at `at` (from its `GMT+05:30` name in English). */
export function offsetMinutes(timeZone: string, at: Date): number {
  const name = zoneName('en', timeZone, 'shortOffset', at);
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function englishCity(id: string): string {
  return (id.split('/').pop() ?? id).replace(/_/g, ' ');
}

/** Every zone the browser knows (Asia/Riyadh and UTC always), the saved one included. */
export function supportedTimeZones(saved?: string): string[] {
  const zones = new Set<string>(
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [],
  );
  zones.add(DEFAULT_TIME_ZONE);
  zones.add('UTC');
  if (saved) zones.add(saved);
  return [...zones];
}

export function timeZoneOptions(
  language: Language,
  zones: string[] = supportedTimeZones(),
  at: Date = new Date(),
): TimeZoneOption[] {
  return zones
    .map((id) => {
      const arabicCity = ARABIC_CITIES[id];
      const city = language === 'ar' && arabicCity ? arabicCity.split(' ')[0] : englishCity(id);
      const name = zoneName(language, id, 'longGeneric', at);
      const other = zoneName(language === 'ar' ? 'en' : 'ar', id, 'longGeneric', at);
      const haystack = foldForSearch(
        [id, englishCity(id), arabicCity ?? '', name, other].join(' '),
      );
      return {
        id,
        city,
        name,
        offset: zoneName(language, id, 'shortOffset', at),
        offsetMinutes: offsetMinutes(id, at),
        haystack,
      };
    })
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.id.localeCompare(b.id));
}

/** The options whose words start with every typed word (`ريا` finds Asia/Riyadh). */
export function searchTimeZones(options: TimeZoneOption[], query: string): TimeZoneOption[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return options;
  return options.filter((option) => {
    const hay = ` ${option.haystack}`;
    return words.every(
      (word) => hay.includes(` ${word}`) || option.id.toLowerCase().includes(word),
    );
  });
}
