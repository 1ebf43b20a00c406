import { hmacHex } from '@sanad/core';
import { signRatingLink } from '../../links/rating-token.util';
import { checkNpsLink, signNpsLink } from './nps-token.util';

const SECRET = 'test-secret-test-secret-test-secret-0123';
const RECIPIENT = '0b9c6f0e-7d1a-4c2b-9e3f-5a6b7c8d9e0f';
const NOW = new Date('2026-12-04T12:00:00Z');
const LATER = new Date('2027-01-03T12:00:00Z');

describe('NPS links', () => {
  it('names the recipient and each score 0..10 until it expires', () => {
    for (let score = 0; score <= 10; score++) {
      const token = signNpsLink(SECRET, { recipientId: RECIPIENT, score, expiresAt: LATER });
      const check = checkNpsLink(SECRET, token, NOW);
      expect(check).toEqual({
        valid: true,
        link: { recipientId: RECIPIENT, score, expiresAt: LATER },
      });
    }
  });

  it('is expired after its time, still naming the recipient', () => {
    const token = signNpsLink(SECRET, { recipientId: RECIPIENT, score: 9, expiresAt: LATER });
    expect(checkNpsLink(SECRET, token, new Date(LATER.getTime() + 1000))).toEqual({
      valid: false,
      reason: 'expired',
      recipientId: RECIPIENT,
    });
  });

  it('refuses a changed score, recipient or time, another secret, and junk', () => {
    const token = signNpsLink(SECRET, { recipientId: RECIPIENT, score: 3, expiresAt: LATER });
    const parts = token.split('.');
    const forged = (i: number, value: string) =>
      checkNpsLink(SECRET, parts.map((p, j) => (j === i ? value : p)).join('.'), NOW);
    expect(forged(2, '10')).toEqual({ valid: false, reason: 'forged' });
    expect(forged(1, 'f'.repeat(32))).toEqual({ valid: false, reason: 'forged' });
    expect(forged(3, (parseInt(parts[3], 36) + 999999).toString(36))).toEqual({
      valid: false,
      reason: 'forged',
    });
    expect(checkNpsLink('another-secret-another-secret-000000', token, NOW).valid).toBe(false);
    for (const junk of ['', 'x', `${token}.x`, token.replace('n1', 'r1'), 'n1.a.b.c.d'])
      expect(checkNpsLink(SECRET, junk, NOW)).toEqual({ valid: false, reason: 'forged' });
  });

  it('refuses scores outside 0..10 even when signed like ours', () => {
    const body = `n1.${RECIPIENT.replace(/-/g, '')}.11.${Math.floor(LATER.getTime() / 1000).toString(36)}`;
    const token = `${body}.${hmacHex(SECRET, `nps:${body}`).slice(0, 40)}`;
    expect(checkNpsLink(SECRET, token, NOW)).toEqual({ valid: false, reason: 'forged' });
  });

  it('never takes a rating link (another purpose) for one', () => {
    const rating = signRatingLink(SECRET, {
      requestId: RECIPIENT,
      conversationId: RECIPIENT,
      score: 5,
      expiresAt: LATER,
    });
    expect(checkNpsLink(SECRET, rating, NOW).valid).toBe(false);
  });
});
