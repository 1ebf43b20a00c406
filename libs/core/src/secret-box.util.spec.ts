import { openSecret, sealSecret } from './secret-box.util';

const key = 'k'.repeat(40);

describe('secret box', () => {
  it('opens what it sealed, with a fresh IV each time', () => {
    const a = sealSecret(key, 'كلمة-سر p@ss');
    const b = sealSecret(key, 'كلمة-سر p@ss');
    expect(a).not.toBe(b);
    expect(a).not.toContain('p@ss');
    expect(openSecret(key, a)).toBe('كلمة-سر p@ss');
  });

  it('refuses another key, tampering and garbage', () => {
    const sealed = sealSecret(key, 'secret');
    expect(openSecret('x'.repeat(40), sealed)).toBeNull();
    const [v, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(openSecret(key, [v, iv, tag, flipped.toString('base64url')].join('.'))).toBeNull();
    expect(openSecret(key, 'not-a-box')).toBeNull();
  });
});
