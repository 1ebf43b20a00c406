import { randomBytes } from 'node:crypto';
import { isWebhookSecret, newWebhookSecret, webhookSecretBytes } from './webhook-secret.util';

describe('webhook secrets', () => {
  it('makes whsec_ + base64 of 32 random bytes, different every time', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSecretBytes(secret)).toHaveLength(32);
    expect(isWebhookSecret(secret)).toBe(true);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it.each([24, 32, 64])('accepts %i bytes', (bytes) => {
    expect(isWebhookSecret(`whsec_${randomBytes(bytes).toString('base64')}`)).toBe(true);
  });

  it.each([
    ['too short', `whsec_${randomBytes(23).toString('base64')}`],
    ['too long', `whsec_${randomBytes(65).toString('base64')}`],
    ['without the prefix', randomBytes(32).toString('base64')],
    ['with another prefix', `whsk_${randomBytes(32).toString('base64')}`],
    ['not base64', `whsec_${'!'.repeat(44)}`],
    [
      'base64 with junk inside',
      `whsec_${randomBytes(32)
        .toString('base64')
        .replace(/^(.{10})/, '$1 ')}`,
    ],
    ['base64url', `whsec_${Buffer.alloc(32, 0xff).toString('base64url')}`],
    ['empty', ''],
  ])('refuses a secret %s', (_why, value) => {
    expect(isWebhookSecret(value)).toBe(false);
  });

  it('refuses to use a malformed secret as a key', () => {
    expect(() => webhookSecretBytes('whsec_short')).toThrow('not a webhook secret');
  });
});
