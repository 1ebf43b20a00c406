import type { DomainEvent } from './outbox.consumer';
import { EventPresenters, type EventPresenter } from './event-presenters';

const event = (id: string, seq: number): DomainEvent => ({
  id,
  workspaceId: 'w1',
  seq,
  type: 'message.created',
  payload: { conversationId: 'c1', mailboxId: 'm1', messageId: id },
  createdAt: new Date('2026-12-06T10:00:00Z'),
  failures: 0,
});

describe('EventPresenters', () => {
  function withPresenter(answer: (id: string) => unknown) {
    const presented: string[][] = [];
    const presenter = {
      types: ['message.created'],
      present: async (events: DomainEvent[]) => {
        presented.push(events.map((e) => e.id));
        return new Map(events.map((e) => [e.id, answer(e.id)]));
      },
    } as unknown as EventPresenter;
    const presenters = new EventPresenters();
    presenters.register(presenter);
    return { presenters, presented };
  }

  it('builds an event presented a moment ago once: the second caller gets the same view', async () => {
    const { presenters, presented } = withPresenter((id) => ({ text: `view of ${id}` }));
    const first = await presenters.present([event('e1', 1), event('e2', 2)]);
    const second = await presenters.present([event('e2', 2), event('e3', 3)]);
    expect(presented).toEqual([['e1', 'e2'], ['e3']]);
    expect(first.map((v) => v.data)).toEqual([{ text: 'view of e1' }, { text: 'view of e2' }]);
    expect(second.map((v) => [v.id, v.seq, v.data])).toEqual([
      ['e2', 2, { text: 'view of e2' }],
      ['e3', 3, { text: 'view of e3' }],
    ]);
  });

  it('keeps no left-out event (its subject was gone) and leaves out events without a seq', async () => {
    const { presenters, presented } = withPresenter((id) => (id === 'gone' ? null : { id }));
    expect(await presenters.present([event('gone', 1)])).toEqual([]);
    expect(await presenters.present([event('gone', 1)])).toEqual([]);
    expect(presented).toEqual([['gone'], ['gone']]);
    expect(await presenters.present([{ ...event('x', 1), seq: null }])).toEqual([]);
  });
});
