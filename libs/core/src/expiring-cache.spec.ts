import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000));

  it('keeps a loaded value until it expires', async () => {
    const cache = new ExpiringCache<string, number>(10, 100, { now: clock });
    const load = jest.fn().mockResolvedValue(7);
    expect(await cache.read('a', load)).toBe(7);
    expect(await cache.read('a', load)).toBe(7);
    expect(load).toHaveBeenCalledTimes(1);
    now += 101;
    expect(await cache.read('a', load)).toBe(7);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('never keeps a missing value', async () => {
    const cache = new ExpiringCache<string, number>(10, 100, { now: clock });
    const load = jest.fn().mockResolvedValue(null);
    expect(await cache.read('guess', load)).toBeNull();
    expect(await cache.read('guess', load)).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });

  it('ends an entry at the expiry the value carries', async () => {
    const cache = new ExpiringCache<string, number>(10, 1_000, { now: clock });
    await cache.read(
      'a',
      async () => 1,
      () => now + 10,
    );
    now += 11;
    expect(await cache.read('a', async () => 2)).toBe(2);
  });

  it('does not keep a value read while a change was announced', async () => {
    const cache = new ExpiringCache<string, string>(10, 1_000, { now: clock });
    let release: (value: string) => void = () => undefined;
    const slow = cache.read('a', () => new Promise<string>((resolve) => (release = resolve)));
    cache.forget((_, key) => key === 'a');
    release('before the change');
    expect(await slow).toBe('before the change');
    expect(await cache.read('a', async () => 'after')).toBe('after');
  });

  it('forgets by value and drops the oldest entries beyond its size', async () => {
    const cache = new ExpiringCache<string, { user: string }>(2, 1_000, { now: clock });
    await cache.read('a', async () => ({ user: 'u1' }));
    await cache.read('b', async () => ({ user: 'u2' }));
    await cache.read('c', async () => ({ user: 'u2' }));
    expect(cache.size).toBe(2);
    cache.forget((value) => value.user === 'u2');
    expect(cache.size).toBe(0);
  });

  it('with no lifetime is a pass-through', async () => {
    const cache = new ExpiringCache<string, number>(10, 0, { now: clock });
    const load = jest.fn().mockResolvedValue(3);
    await cache.read('a', load);
    await cache.read('a', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reads many: kept values from memory, the missing ones in one load', async () => {
    const cache = new ExpiringCache<string, string>(10, 1_000, { now: clock });
    await cache.readMany(['a'], async () => new Map([['a', 'A']]));
    const load = jest.fn(
      async (missing: string[]) => new Map(missing.map((k) => [k, k.toUpperCase()])),
    );
    const found = await cache.readMany(['a', 'b', 'b'], load);
    expect([...found]).toEqual([
      ['a', 'A'],
      ['b', 'B'],
    ]);
    expect(load).toHaveBeenCalledWith(['b']);
  });

  it('keeps nothing while keepWhile says no', async () => {
    let heard = false;
    const cache = new ExpiringCache<string, number>(10, 1_000, {
      now: clock,
      keepWhile: () => heard,
    });
    const load = jest.fn().mockResolvedValue(1);
    await cache.read('a', load);
    await cache.read('a', load);
    expect(load).toHaveBeenCalledTimes(2);
    heard = true;
    await cache.read('a', load);
    await cache.read('a', load);
    expect(load).toHaveBeenCalledTimes(3);
  });
});
