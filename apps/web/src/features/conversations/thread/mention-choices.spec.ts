import type { UserView } from '@sanad/contracts';
import { mentionChoices } from './mention-choices';

const member = (name: string, email: string): UserView => ({
  id: email,
  name,
  email,
  role: 'agent',
  language: 'ar',
  active: true,
  mailboxIds: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});

const MEMBERS = [
  member('محمد العلي', 'mohammed@example.test'),
  member('محمود سالم', 'mahmoud@example.test'),
  member('فيصل الحربي', 'faisal@example.test'),
  member('سارة جونسون', 'sara.johnson@example.test'),
  member('علي کریمی', 'karimi@example.test'),
  member('Omar', 'omar@example.test'),
];

const names = (typed: string): string[] => mentionChoices(MEMBERS, typed).map((m) => m.name);

describe('mentionChoices', () => {
  it.each([
    ['محم', ['محمد العلي', 'محمود سالم']],
    ['محمد', ['محمد العلي']],
    ['كريمي', ['علي کریمی']],
    ['sara.jo', ['سارة جونسون']],
    ['ساره', ['سارة جونسون']],
    ['يصل', []],
    ['om', ['Omar']],
    ['م', ['محمد العلي', 'محمود سالم']],
    ['في', ['فيصل الحربي']],
  ])('@%s offers %j', (typed, expected) => {
    expect(names(typed)).toEqual(expected);
  });

  it('offers everyone by name for a bare @, at most six', () => {
    expect(names('')).toHaveLength(6);
    expect(mentionChoices(MEMBERS, '', 2)).toHaveLength(2);
  });
});
