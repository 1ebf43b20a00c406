import { checkRatingLink, signRatingLink, type RatingLink } from './rating-token.util';

const SECRET = 'test-secret-of-at-least-thirty-two-characters';
const now = new Date('2026-12-03T10:00:00Z');
const link: RatingLink = {
  requestId: '0b7c1f2e-3d4a-4b5c-8d6e-7f8091a2b3c4',
  conversationId: 'aa7c1f2e-3d4a-4b5c-8d6e-7f8091a2b3c5',
  score: 4,
  expiresAt: new Date('2027-01-02T10:00:00Z'),
};

describe('rating links', () => {
  it('round-trips the request, the conversation and the star', () => {
    const check = checkRatingLink(SECRET, signRatingLink(SECRET, link), now);
    expect(check).toEqual({ valid: true, link });
  });

  it('is URL-safe and short enough for an email', () => {
    const token = signRatingLink(SECRET, link);
    expect(token).toMatch(/^[0-9a-z.]+$/);
    expect(token.length).toBeLessThan(130);
  });

  it('refuses a changed star, request, conversation or expiry', () => {
    const token = signRatingLink(SECRET, link);
    const parts = token.split('.');
    const changed = [
      [...parts.slice(0, 3), '5', ...parts.slice(4)],
      [parts[0], parts[2], parts[1], ...parts.slice(3)],
      [...parts.slice(0, 4), 'zzzzzz', parts[5]],
    ];
    for (const forged of changed)
      expect(checkRatingLink(SECRET, forged.join('.'), now)).toEqual({
        valid: false,
        reason: 'forged',
      });
  });

  it('refuses another secret, another purpose and garbage', () => {
    const token = signRatingLink(SECRET, link);
    expect(checkRatingLink('another-secret-of-thirty-two-characters!', token, now).valid).toBe(
      false,
    );
    expect(checkRatingLink(SECRET, token.replace(/^r1/, 'f1'), now).valid).toBe(false);
    for (const garbage of ['', 'x', '....', `${token}.x`, token.toUpperCase()])
      expect(checkRatingLink(SECRET, garbage, now).valid).toBe(false);
  });

  it('refuses scores outside 1–5 even when signed', () => {
    expect(checkRatingLink(SECRET, signRatingLink(SECRET, { ...link, score: 6 }), now)).toEqual({
      valid: false,
      reason: 'forged',
    });
  });

  it('expires', () => {
    const token = signRatingLink(SECRET, link);
    expect(checkRatingLink(SECRET, token, new Date('2027-01-02T10:00:01Z'))).toEqual({
      valid: false,
      reason: 'expired',
    });
  });
});
