import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { foldLetters } from '@sanad/search';

/**
 * The country a workspace's local numbers belong to, from its time zone until basic settings
 * (issue 13) let admins choose it: a number typed without its country code is read as local.
 */
const REGION_BY_TIME_ZONE: Record<string, CountryCode> = {
  'Asia/Riyadh': 'SA',
  'Asia/Dubai': 'AE',
  'Asia/Kuwait': 'KW',
  'Asia/Qatar': 'QA',
  'Asia/Bahrain': 'BH',
  'Asia/Muscat': 'OM',
  'Africa/Cairo': 'EG',
  'Asia/Amman': 'JO',
  'Asia/Baghdad': 'IQ',
  'Asia/Beirut': 'LB',
  'Asia/Damascus': 'SY',
  'Asia/Aden': 'YE',
  'Asia/Gaza': 'PS',
  'Asia/Hebron': 'PS',
  'Africa/Casablanca': 'MA',
  'Africa/Algiers': 'DZ',
  'Africa/Tunis': 'TN',
  'Africa/Tripoli': 'LY',
  'Africa/Khartoum': 'SD',
  'Europe/London': 'GB',
  'America/New_York': 'US',
};

export function regionOfTimeZone(timeZone: string): CountryCode {
  return REGION_BY_TIME_ZONE[timeZone] ?? 'SA';
}

/**
 * A phone number in E.164, or null when it is not a valid number. Arabic-Indic and Persian
 * digits, spaces, dashes, brackets and a leading 00 are accepted; a number without a country
 * code is read in `region`.
 */
export function toE164(input: string, region: CountryCode): string | null {
  const folded = foldLetters(input)
    .replace(/[\s().\-\u2010-\u2015]/g, '')
    .replace(/^00/, '+');
  if (!/^\+?\d{4,17}$/.test(folded)) return null;
  const parsed = parsePhoneNumberFromString(folded, region);
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * What a channel hands us (email headers, API callers): E.164 when valid, else the digits with a
 * leading + so the contact is still found again. Never refused: a channel's customer must land.
 */
export function lenientPhone(input: string, region: CountryCode): string {
  const e164 = toE164(input, region);
  if (e164) return e164;
  const folded = foldLetters(input).trim();
  return (folded.startsWith('+') ? '+' : '') + folded.replace(/\D/g, '');
}
