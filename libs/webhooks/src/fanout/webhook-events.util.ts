import {
  WEBHOOK_EVENTS,
  type PublicEventName,
  type WebhookEnvelope,
  type WebhookEventType,
} from '@sanad/contracts';
import type { AnyPresentedEvent } from '@sanad/queue';

const WEBHOOK_TYPES = new Set<string>(WEBHOOK_EVENTS);

/** Domain events endpoints can receive (the fan-out consumer takes these). */
export const FANNED_OUT_EVENTS = WEBHOOK_EVENTS.filter(
  (type): type is WebhookEventType & PublicEventName =>
    type !== 'conversation.status_changed' && type !== 'conversation.assigned',
);

/**
 * The webhook types one event is delivered as: its own name, and for a conversation update
 * that changed the status or the assignee also `conversation.status_changed` /
 * `conversation.assigned` (the same data: integrators who only want those need not filter).
 */
export function webhookTypesOf(event: AnyPresentedEvent): WebhookEventType[] {
  if (!WEBHOOK_TYPES.has(event.type)) return [];
  const types: WebhookEventType[] = [event.type as WebhookEventType];
  if (event.type === 'conversation.updated') {
    const actions = new Set((event.data.changes ?? []).map((c) => c.action));
    if (actions.has('status')) types.push('conversation.status_changed');
    if (actions.has('assignee')) types.push('conversation.assigned');
  }
  return types;
}

/** Every webhook type an event of this type may be delivered as (before its data is known). */
export function webhookTypesFor(type: string): string[] {
  return type === 'conversation.updated'
    ? ['conversation.updated', 'conversation.status_changed', 'conversation.assigned']
    : [type];
}

/** The id integrators search the delivery log by: the conversation, message, person or company. */
export function resourceIdOf(event: AnyPresentedEvent): string | null {
  switch (event.type) {
    case 'conversation.created':
    case 'conversation.updated':
      return event.data.conversation.id;
    case 'conversation.merged':
    case 'contact.merged':
    case 'company.merged':
      return event.data.targetId;
    case 'message.created':
    case 'message.updated':
      return event.data.message.id;
    case 'contact.created':
    case 'contact.updated':
      return event.data.contact.id;
    case 'contact.deleted':
      return event.data.contactId;
    case 'company.created':
    case 'company.updated':
      return event.data.company.id;
    case 'company.deleted':
      return event.data.companyId;
    case 'form.submitted':
      return event.data.submission.id;
    case 'rating.created':
    case 'rating.updated':
      return event.data.rating.conversationId;
    case 'nps.responded':
      return event.data.response.id;
    default:
      return null;
  }
}

/** The exact body of a delivery: `{ type, timestamp, workspaceId, seq, data }`. */
export function envelopeBody(type: WebhookEventType, event: AnyPresentedEvent): string {
  const envelope: WebhookEnvelope = {
    type,
    timestamp: event.at,
    workspaceId: event.workspaceId,
    seq: event.seq,
    data: event.data,
  };
  return JSON.stringify(envelope);
}
