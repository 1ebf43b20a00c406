import { ERROR_CATALOG, errorMessage, fillTemplate } from './error-catalog';
import { fieldMessage } from './validation-messages';

describe('error catalog', () => {
  it.each(Object.entries(ERROR_CATALOG))('%s has a status and both languages', (_code, entry) => {
    expect(entry.status).toBeGreaterThanOrEqual(400);
    expect(entry.ar.trim()).not.toBe('');
    expect(entry.en.trim()).not.toBe('');
    expect(/[\u0600-\u06FF]/.test(entry.ar)).toBe(true);
    const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(placeholders(entry.ar)).toEqual(placeholders(entry.en));
  });

  it('fills placeholders', () => {
    expect(errorMessage('auth/rate_limited', 'en', { retryAfter: 30 })).toBe(
      'Too many attempts. Try again in 30 seconds.',
    );
    expect(fillTemplate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('localises field messages with parameters', () => {
    expect(fieldMessage('minLength', 'en', { min: 10 })).toBe(
      'Must be at least 10 characters long.',
    );
    expect(fieldMessage('minLength', 'ar', { min: 10 })).toContain('10');
    expect(fieldMessage('somethingUnknown', 'en')).toBe('The value is not valid.');
  });
});
