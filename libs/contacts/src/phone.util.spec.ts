import { lenientPhone, regionOfTimeZone, toE164 } from './phone.util';

describe('toE164', () => {
  it.each([
    ['0501234567', 'SA', '+966501234567'],
    ['٠٥٠١٢٣٤٥٦٧', 'SA', '+966501234567'],
    ['۰۵۰۱۲۳۴۵۶۷', 'SA', '+966501234567'],
    ['+966 50 123 4567', 'AE', '+966501234567'],
    ['00966501234567', 'EG', '+966501234567'],
    ['050 123 4567', 'AE', '+971501234567'],
    ['٠١٠٠١٢٣٤٥٦٧', 'EG', '+201001234567'],
    ['(+20) 100-123-4567', 'SA', '+201001234567'],
    ['+965 5012 3456', 'SA', '+96550123456'],
  ] as const)('%s in %s → %s', (input, region, expected) => {
    expect(toE164(input, region)).toBe(expected);
  });

  it.each(['12', 'abc', '0501', '+966 12', '', '++966501234567', '05012345678901234567'])(
    'refuses %j',
    (input) => expect(toE164(input, 'SA')).toBeNull(),
  );
});

describe('lenientPhone', () => {
  it('keeps what it cannot validate as digits', () => {
    expect(lenientPhone('+1 (555) 0100', 'SA')).toBe('+15550100');
    expect(lenientPhone('٠٥٠١٢٣٤٥٦٧', 'SA')).toBe('+966501234567');
  });
});

describe('regionOfTimeZone', () => {
  it('reads the country from the workspace time zone', () => {
    expect(regionOfTimeZone('Africa/Cairo')).toBe('EG');
    expect(regionOfTimeZone('Pacific/Fiji')).toBe('SA');
  });
});
