import { OutboxWriter, type NewEvent } from './outbox.writer';
import type { OutboxRepository } from './outbox.repository';

/** A repository that records what reaches the outbox, in order. */
function recording(): { repo: OutboxRepository; written: string[][] } {
  const written: string[][] = [];
  const repo = {
    byIdempotencyKeys: () => Promise.resolve(new Map()),
    insertEvents: (_ws: string | null, events: Array<{ id: string; type: string }>) => {
      written.push(events.map((e) => e.type));
      return Promise.resolve(new Map(events.map((e, i) => [e.id, i + 1])));
    },
  } as unknown as OutboxRepository;
  return { repo, written };
}

const event = (type: 'contact.created' | 'form.submitted', workspaceId = 'w1'): NewEvent =>
  type === 'contact.created'
    ? { workspaceId, type, payload: { contactId: 'c' } }
    : { workspaceId, type, payload: { submissionId: 's', formId: 'f' } };

describe('OutboxWriter.holding', () => {
  it('writes the events of its work together at the end, by workspace, in order', async () => {
    const { repo, written } = recording();
    const writer = new OutboxWriter(repo);
    await writer.holding(async () => {
      await writer.write(event('contact.created'));
      expect(written).toEqual([]);
      await writer.write(event('form.submitted'));
      await writer.write(event('contact.created', 'w2'));
    });
    expect(written).toEqual([['contact.created', 'form.submitted'], ['contact.created']]);
  });

  it('does not hold work that outlives it (a timer scheduled inside)', async () => {
    const { repo, written } = recording();
    const writer = new OutboxWriter(repo);
    let later: Promise<unknown> = Promise.resolve();
    await writer.holding(() => {
      later = new Promise((resolve) => setTimeout(resolve, 5)).then(() =>
        writer.write(event('form.submitted')),
      );
      return Promise.resolve();
    });
    await later;
    expect(written).toEqual([['form.submitted']]);
  });
});
