import { CATEGORY_COLORS, inOrder, moveId, nextColor } from './category-order';

describe('category order', () => {
  const ids = ['a', 'b', 'c'];

  it('moves a category up or down one place', () => {
    expect(moveId(ids, 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveId(ids, 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveId(ids, 'a', 2)).toEqual(['b', 'c', 'a']);
  });

  it('does not move past either end, or an unknown id', () => {
    expect(moveId(ids, 'a', -1)).toBeNull();
    expect(moveId(ids, 'c', 1)).toBeNull();
    expect(moveId(ids, 'x', 1)).toBeNull();
    expect(moveId(ids, 'b', 0)).toBeNull();
  });

  it('leaves the given list as it was', () => {
    moveId(ids, 'a', 1);
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('lays items out in the order of the ids', () => {
    const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(inOrder(items, ['c', 'a', 'b']).map((i) => i.id)).toEqual(['c', 'a', 'b']);
    expect(inOrder(items, ['c', 'x']).map((i) => i.id)).toEqual(['c']);
  });

  it('gives a new category the first colour not in use', () => {
    expect(nextColor([])).toBe(CATEGORY_COLORS[0]);
    expect(nextColor(['#45B97C', '#f59e0b'])).toBe(CATEGORY_COLORS[1]);
    expect(nextColor([...CATEGORY_COLORS])).toBe(CATEGORY_COLORS[0]);
  });
});
