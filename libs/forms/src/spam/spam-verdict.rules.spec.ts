import { honeypotName } from './honeypot.util';
import { checkRenderToken, renderToken } from './render-token.util';
import { MIN_FILL_MS, spamVerdict } from './spam-verdict.rules';

const SECRET = 'test-secret-test-secret-test-secret-0123';

describe('render token', () => {
  const now = Date.UTC(2026, 11, 3, 12);

  it('is valid for its form and tells its age', () => {
    const token = renderToken(SECRET, 'formkey1', now);
    expect(checkRenderToken(SECRET, 'formkey1', token, now + 5_000)).toEqual({
      valid: true,
      ageMs: 5_000,
    });
  });

  it('is refused for another form, another secret, or when tampered with', () => {
    const token = renderToken(SECRET, 'formkey1', now);
    expect(checkRenderToken(SECRET, 'formkey2', token, now).valid).toBe(false);
    expect(checkRenderToken(`${SECRET}x`, 'formkey1', token, now).valid).toBe(false);
    const [issued, signature] = token.split('.');
    const earlier = (parseInt(issued, 36) - 60_000).toString(36);
    expect(checkRenderToken(SECRET, 'formkey1', `${earlier}.${signature}`, now).valid).toBe(false);
    for (const bad of ['', '.', 'abc', `${token}.x`, `ZZ.${signature}`])
      expect(checkRenderToken(SECRET, 'formkey1', bad, now).valid).toBe(false);
  });

  it('is refused from the future and after a week', () => {
    expect(checkRenderToken(SECRET, 'k', renderToken(SECRET, 'k', now + 120_000), now).valid).toBe(
      false,
    );
    expect(
      checkRenderToken(SECRET, 'k', renderToken(SECRET, 'k', now - 8 * 86_400_000), now).valid,
    ).toBe(false);
  });
});

describe('spam verdict', () => {
  const fine = {
    honeypot: '',
    token: { valid: true as const, ageMs: 60_000 },
    challengeSolved: null,
  };

  it('passes a person: empty honeypot, slow enough, no challenge', () => {
    expect(spamVerdict(fine)).toBeNull();
    expect(spamVerdict({ honeypot: undefined, token: null, challengeSolved: null })).toBeNull();
  });

  it('holds a filled honeypot, a fast or forged token and a failed challenge', () => {
    expect(spamVerdict({ ...fine, honeypot: 'http://spam.example' })).toBe('honeypot');
    expect(spamVerdict({ ...fine, token: { valid: true, ageMs: MIN_FILL_MS - 1 } })).toBe(
      'too_fast',
    );
    expect(spamVerdict({ ...fine, token: { valid: false } })).toBe('too_fast');
    expect(spamVerdict({ ...fine, challengeSolved: false })).toBe('challenge');
  });

  it('names the honeypot per form, like a field a bot fills', () => {
    expect(honeypotName(SECRET, 'a')).toMatch(/^website_[0-9a-f]{6}$/);
    expect(honeypotName(SECRET, 'a')).not.toBe(honeypotName(SECRET, 'b'));
  });
});
