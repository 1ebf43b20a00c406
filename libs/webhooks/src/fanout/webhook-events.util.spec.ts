import type { AnyPresentedEvent } from '@sanad/queue';
import {
  FANNED_OUT_EVENTS,
  envelopeBody,
  resourceIdOf,
  webhookTypesOf,
} from './webhook-events.util';

const conversation = { id: 'c1' } as never;
function updated(changes: Array<{ action: string }> | undefined): AnyPresentedEvent {
  return {
    id: 'e1',
    seq: 7,
    workspaceId: 'w1',
    type: 'conversation.updated',
    at: '2026-12-03T10:00:00.000Z',
    data: { mailboxId: 'm1', conversation, ...(changes ? { changes } : {}) },
  };
}

describe('webhook events', () => {
  it('fans out the socket events endpoints can take, not the finer ones derived from them', () => {
    expect(FANNED_OUT_EVENTS).toContain('conversation.updated');
    expect(FANNED_OUT_EVENTS).toContain('contact.deleted');
    expect(FANNED_OUT_EVENTS).not.toContain('conversation.status_changed');
    expect(FANNED_OUT_EVENTS).not.toContain('mention.created' as never);
  });

  it('adds status_changed and assigned to an update that changed them', () => {
    expect(webhookTypesOf(updated(undefined))).toEqual(['conversation.updated']);
    expect(webhookTypesOf(updated([{ action: 'tags' }]))).toEqual(['conversation.updated']);
    expect(webhookTypesOf(updated([{ action: 'status' }, { action: 'assignee' }]))).toEqual([
      'conversation.updated',
      'conversation.status_changed',
      'conversation.assigned',
    ]);
    const mention = { ...updated(undefined), type: 'mention.created' } as AnyPresentedEvent;
    expect(webhookTypesOf(mention)).toEqual([]);
  });

  it('names the resource each event is about', () => {
    expect(resourceIdOf(updated(undefined))).toBe('c1');
    const message = {
      ...updated(undefined),
      type: 'message.created',
      data: { message: { id: 'msg1' } },
    } as AnyPresentedEvent;
    expect(resourceIdOf(message)).toBe('msg1');
    const deleted = {
      ...updated(undefined),
      type: 'contact.deleted',
      data: { contactId: 'p1' },
    } as AnyPresentedEvent;
    expect(resourceIdOf(deleted)).toBe('p1');
  });

  it('wraps the data in the envelope with the workspace and its sequence number', () => {
    expect(JSON.parse(envelopeBody('conversation.status_changed', updated(undefined)))).toEqual({
      type: 'conversation.status_changed',
      timestamp: '2026-12-03T10:00:00.000Z',
      workspaceId: 'w1',
      seq: 7,
      data: { mailboxId: 'm1', conversation: { id: 'c1' } },
    });
  });
});
