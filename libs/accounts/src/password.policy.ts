import { PASSWORD_MIN_LENGTH } from '@sanad/contracts';
import { DomainError } from '@sanad/core';

export { PASSWORD_MIN_LENGTH };

const COMMON = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  'qwertyuiop',
  'password123',
  'password1234',
  'passwordpassword',
  'iloveyou123',
  'abcdefghij',
  'aaaaaaaaaa',
  '1111111111',
  'qwerty1234',
  'admin12345',
  'welcome123',
  'letmein123',
  'changeme123',
]);

/** Length is checked by the DTO; this refuses passwords that are long but trivially guessed. */
export function assertStrongPassword(password: string, field: string, email?: string): void {
  const lowered = password.toLowerCase();
  const oneChar = new Set(lowered).size <= 2;
  const isEmail = email !== undefined && lowered === email.toLowerCase();
  if (password.length < PASSWORD_MIN_LENGTH || COMMON.has(lowered) || oneChar || isEmail) {
    throw new DomainError('request/validation', {}, [
      { field, code: 'weakPassword', params: { min: PASSWORD_MIN_LENGTH } },
    ]);
  }
}
