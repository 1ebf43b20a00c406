import { DomainError } from '@sanad/core';
import { assertStrongPassword } from './password.policy';

describe('password policy', () => {
  it.each(['short', '1234567890', 'aaaaaaaaaaaaaa', 'ababababababab', 'owner@example.com'])(
    'refuses %s',
    (password) => {
      expect(() => assertStrongPassword(password, 'password', 'owner@example.com')).toThrow(
        DomainError,
      );
    },
  );

  it.each(['horse-battery-staple', 'كلمة-مرور-قوية-٢٠٢٦'])('accepts %s', (password) => {
    expect(() => assertStrongPassword(password, 'password')).not.toThrow();
  });

  it('names the field and the rule', () => {
    try {
      assertStrongPassword('1234567890', 'newPassword');
    } catch (error) {
      expect((error as DomainError).fieldErrors[0]).toMatchObject({
        field: 'newPassword',
        code: 'weakPassword',
        params: { min: 10 },
      });
    }
    expect.assertions(1);
  });
});
