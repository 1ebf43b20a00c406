import { assertStorageKey } from './blob.storage';

describe('assertStorageKey', () => {
  it.each(['attachments/2026/11/6f1c2a4e-1b2c-4d5e-8f90-123456789abc', 'raw/abc'])(
    'accepts %s',
    (key) => {
      expect(() => assertStorageKey(key)).not.toThrow();
    },
  );

  it.each([
    '../etc/passwd',
    'attachments/../../etc/passwd',
    '/etc/passwd',
    'a//b',
    'A/B',
    'a/b c',
    '',
  ])('refuses %j', (key) => {
    expect(() => assertStorageKey(key)).toThrow('invalid storage key');
  });
});
