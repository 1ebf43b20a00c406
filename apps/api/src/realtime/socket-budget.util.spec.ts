import { PresenceCoalescer, SocketBudget } from './socket-budget.util';

describe('SocketBudget', () => {
  it('allows a burst, then the refill rate, and disconnects a flood', () => {
    let now = 0;
    const budget = new SocketBudget(3, 2, 5, () => now);
    expect([budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([
      'ok',
      'ok',
      'ok',
      'drop',
    ]);
    now += 500; // one token back
    expect(budget.take()).toBe('ok');
    const outcomes = Array.from({ length: 10 }, () => budget.take());
    expect(outcomes.slice(0, 4)).toEqual(['drop', 'drop', 'drop', 'drop']);
    expect(outcomes).toContain('disconnect');
  });

  it('forgives a socket that slows down', () => {
    let now = 0;
    const budget = new SocketBudget(1, 1, 3, () => now);
    budget.take();
    expect([budget.take(), budget.take()]).toEqual(['drop', 'drop']);
    for (let i = 0; i < 10; i++) {
      now += 1000;
      expect(budget.take()).toBe('ok');
    }
    expect(budget.take()).toBe('drop');
  });
});

describe('PresenceCoalescer', () => {
  it('relays a change at once and repeats of a state at most once a gap', () => {
    let now = 0;
    const presence = new PresenceCoalescer(1000, () => now);
    expect(presence.shouldRelay('c1', 'viewing')).toBe(true);
    expect(presence.shouldRelay('c1', 'viewing')).toBe(false);
    expect(presence.shouldRelay('c1', 'typing-reply')).toBe(true);
    expect(presence.shouldRelay('c2', 'viewing')).toBe(true);
    now += 1000;
    expect(presence.shouldRelay('c1', 'typing-reply')).toBe(true);
  });
});
