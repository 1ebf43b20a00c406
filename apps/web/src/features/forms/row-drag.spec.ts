import { landingIndex } from './row-drag';

describe('dragging a row', () => {
  // Rows whose middles are at 10, 30, 50 and 70 px.
  const middles = [10, 30, 50, 70];

  it('lands where the pointer passes the other rows’ middles', () => {
    expect(landingIndex(middles, 3, 5)).toBe(0);
    expect(landingIndex(middles, 3, 40)).toBe(2);
    expect(landingIndex(middles, 0, 55)).toBe(2);
    expect(landingIndex(middles, 0, 100)).toBe(3);
  });

  it('stays put while the pointer is still over its own place', () => {
    expect(landingIndex(middles, 1, 25)).toBe(1);
    expect(landingIndex(middles, 1, 35)).toBe(1);
  });
});
