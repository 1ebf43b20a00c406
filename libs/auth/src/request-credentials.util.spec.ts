import { bearerToken, cookieFromHeader } from './request-credentials.util';

describe('request credentials', () => {
  it.each([
    ['Bearer snd_abc', 'snd_abc'],
    ['bearer   snd_abc  ', 'snd_abc'],
    ['Basic xyz', null],
    [undefined, null],
  ])('bearer %j', (header, expected) => {
    expect(bearerToken({ headers: { authorization: header } })).toBe(expected);
  });

  it('reads one cookie from a header', () => {
    expect(cookieFromHeader('a=1; sanad_session=x%2By; b=2', 'sanad_session')).toBe('x+y');
    expect(cookieFromHeader('a=1', 'sanad_session')).toBeNull();
    expect(cookieFromHeader(undefined, 'x')).toBeNull();
    expect(cookieFromHeader('x=%E0%A4%A', 'x')).toBeNull();
  });
});
