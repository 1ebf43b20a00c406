import { mergeConflicts, mergedValue, mergeFields, unionFirst } from './merge-rules.util';
import { readPicks } from './merge-picks.util';

const side = (fields: Record<string, string | null>, customFields = {}) => ({
  fields,
  customFields,
});

describe('merge rules', () => {
  it('finds conflicts only where both sides hold different values', () => {
    const target = side(
      { name: 'سارة', category: 'c1', notes: null, language: 'ar' },
      { plan: 'gold', tags: ['a', 'b'], vip: true },
    );
    const source = side(
      { name: 'Sara', category: 'c1', notes: 'تتصل مساءً', language: '  ' },
      { plan: 'silver', tags: ['b', 'a'], seats: 3, vip: false },
    );
    expect(mergeConflicts(target, source)).toEqual([
      { field: 'name', target: 'سارة', source: 'Sara' },
      { field: 'customFields.plan', target: 'gold', source: 'silver' },
      { field: 'customFields.vip', target: true, source: false },
    ]);
  });

  it('keeps the survivor’s value unless empty, else the source’s; a pick wins', () => {
    expect(mergedValue('a', 'b', undefined)).toBe('a');
    expect(mergedValue(null, 'b', undefined)).toBe('b');
    expect(mergedValue('', 'b', undefined)).toBe('b');
    expect(mergedValue('a', 'b', 'source')).toBe('b');
    expect(mergedValue('a', null, 'source')).toBe('a');
    expect(mergedValue(null, 'b', 'target')).toBe('b');
    expect(mergedValue<string[]>([], ['x'], undefined)).toEqual(['x']);
  });

  it('concatenates notes when both exist and nothing was picked', () => {
    const merged = mergeFields(side({ notes: 'الأولى' }), side({ notes: 'الثانية' }), {});
    expect(merged.fields.notes).toBe('الأولى\n\nالثانية');
    expect(
      mergeFields(side({ notes: 'الأولى' }), side({ notes: 'الثانية' }), { notes: 'source' }).fields
        .notes,
    ).toBe('الثانية');
    expect(mergeFields(side({ notes: 'نفسها' }), side({ notes: 'نفسها' }), {}).fields.notes).toBe(
      'نفسها',
    );
    expect(mergeFields(side({ name: 'أ' }), side({ name: 'ب' }), {}).fields.name).toBe('أ');
  });

  it('merges custom fields key by key by the picks', () => {
    const merged = mergeFields(
      side({}, { plan: 'gold', tier: 1 }),
      side({}, { plan: 'silver', seats: 3, tier: 2 }),
      { 'customFields.tier': 'source' },
    );
    expect(merged.customFields).toEqual({ plan: 'gold', seats: 3, tier: 2 });
  });

  it('unions identities with the survivor’s first (its primary stays primary)', () => {
    expect(unionFirst(['a@x', 'b@x'], ['c@x', 'a@x'])).toEqual(['a@x', 'b@x', 'c@x']);
  });

  it('reads picks: known fields or custom keys, each target or source', () => {
    expect(readPicks({ name: 'source', 'customFields.plan': 'target' }, ['name'])).toEqual({
      picks: { name: 'source', 'customFields.plan': 'target' },
      errors: [],
    });
    expect(readPicks({ colour: 'source', name: 'both' }, ['name']).errors).toEqual([
      { field: 'pick', code: 'whitelistValidation', params: { property: 'colour' } },
      { field: 'pick.name', code: 'isIn', params: { allowed: 'target, source' } },
    ]);
    expect(readPicks(undefined, ['name'])).toEqual({ picks: {}, errors: [] });
  });
});
