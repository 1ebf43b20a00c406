import { LastUseMarks } from './last-use-marks.util';

describe('last-use marks', () => {
  it('is due once per interval per token', () => {
    const marks = new LastUseMarks(60_000);
    expect(marks.due('a', 0)).toBe(true);
    expect(marks.due('a', 1_000)).toBe(false);
    expect(marks.due('a', 59_999)).toBe(false);
    expect(marks.due('b', 59_999)).toBe(true);
    expect(marks.due('a', 60_000)).toBe(true);
    expect(marks.due('a', 60_001)).toBe(false);
  });

  it('stays bounded: old marks go first, then all of them', () => {
    const marks = new LastUseMarks(60_000, 3);
    marks.due('a', 0);
    marks.due('b', 50_000);
    marks.due('c', 50_000);
    expect(marks.due('d', 70_000)).toBe(true);
    expect(marks.size).toBe(3);
    expect(marks.due('b', 70_000)).toBe(false);
    expect(marks.due('e', 70_000)).toBe(true);
    expect(marks.size).toBe(1);
  });
});
