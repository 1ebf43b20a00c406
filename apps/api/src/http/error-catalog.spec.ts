import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldMessage, fillTemplate } from '@sanad/core';
import { ERROR_CATALOG, errorMessage } from './error-catalog';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'web' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('spec') ? [path] : [];
  });
}

describe('error catalog', () => {
  it.each(Object.entries(ERROR_CATALOG))('%s has a status and both languages', (_code, entry) => {
    expect(entry.status).toBeGreaterThanOrEqual(400);
    expect(entry.ar.trim()).not.toBe('');
    expect(entry.en.trim()).not.toBe('');
    expect(/[\u0600-\u06FF]/.test(entry.ar)).toBe(true);
    const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(placeholders(entry.ar)).toEqual(placeholders(entry.en));
  });

  it("has every code the sources throw (every library's catalog is assembled)", () => {
    const root = join(__dirname, '..', '..', '..', '..');
    const thrown = new Set(
      [...sources(join(root, 'libs')), ...sources(join(root, 'apps'))].flatMap((path) =>
        [...readFileSync(path, 'utf8').matchAll(/DomainError\(\s*'([a-z_/]+)'/g)].map((m) => m[1]),
      ),
    );
    expect(thrown.size).toBeGreaterThan(30);
    expect([...thrown].filter((code) => !(code in ERROR_CATALOG))).toEqual([]);
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
    expect(fieldMessage('minLength', 'ar', { min: 10 })).toBe('يجب ألا يقل الطول عن 10 أحرف.');
    // The noun after a number takes the Arabic count's form.
    expect(fieldMessage('maxLength', 'ar', { max: 7 })).toBe('يجب ألا يزيد الطول عن 7 أحرف.');
    expect(fieldMessage('maxLength', 'ar', { max: 60 })).toBe('يجب ألا يزيد الطول عن 60 حرفاً.');
    expect(fieldMessage('maxLength', 'ar', { max: 200 })).toBe('يجب ألا يزيد الطول عن 200 حرف.');
    expect(fieldMessage('maxLength', 'ar', { max: 254 })).toBe('يجب ألا يزيد الطول عن 254 حرفاً.');
    expect(fieldMessage('maxLength', 'en', { max: 200 })).toBe(
      'Must be at most 200 characters long.',
    );
    expect(fieldMessage('somethingUnknown', 'en')).toBe('The value is not valid.');
  });
});
