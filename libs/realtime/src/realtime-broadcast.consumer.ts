import { Injectable, OnModuleInit } from '@nestjs/common';
import { REALTIME_EVENTS, type MemberAction } from '@sanad/contracts';
import {
  EventPresenters,
  OutboxDispatcher,
  type AnyDomainEvent,
  type AnyPresentedEvent,
  type OutboxHint,
} from '@sanad/queue';
import { RealtimeEmitter, type RealtimeTarget } from './realtime.emitter';

/** Member changes after which the member's sockets must rejoin with their new access. */
const REJOIN_ACTIONS = new Set<MemberAction>([
  'member.mailboxes_changed',
  'member.role_changed',
  'member.deactivated',
]);

/**
 * Turns committed outbox events into socket events for the agents who may see them, with their
 * views built after commit for the whole batch. Delivered as hints straight from the relay (R8:
 * clients catch up by sequence number).
 */
@Injectable()
export class RealtimeBroadcastConsumer implements OutboxHint, OnModuleInit {
  readonly name = 'realtime';
  readonly types = [...REALTIME_EVENTS, 'credentials.revoked' as const];

  constructor(
    private readonly emitter: RealtimeEmitter,
    private readonly presenters: EventPresenters,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  onModuleInit(): void {
    this.dispatcher.registerHint(this);
  }

  async handle(events: AnyDomainEvent[]): Promise<void> {
    for (const event of events)
      if (event.type === 'credentials.revoked')
        this.emitter.disconnectCredentials(event.payload.credentialIds);
    const reachable = events.filter((e) => e.workspaceId && this.emitter.mayReach(e.workspaceId));
    if (reachable.length === 0) return;
    for (const event of await this.presenters.present(reachable)) {
      const { seq, type, workspaceId, at, data } = event;
      this.emitter.emit(targetOf(event), { seq, type, workspaceId, at, data });
      if (
        event.type === 'member.updated' &&
        event.data.action &&
        REJOIN_ACTIONS.has(event.data.action)
      )
        this.emitter.disconnectUser(event.data.user.id);
    }
  }
}

/**
 * A mention goes to its member; conversation events to who may see the mailbox (and the old one),
 * ratings to who may see their conversation's mailbox, NPS answers to who sees all of them.
 */
function targetOf(event: AnyPresentedEvent): RealtimeTarget {
  switch (event.type) {
    case 'mention.created':
      return { userId: event.data.userId };
    case 'conversation.created':
    case 'conversation.updated':
    case 'conversation.merged':
    case 'message.created':
    case 'message.updated': {
      const data = event.data as { mailboxId: string; previousMailboxId?: string };
      const ids = [data.mailboxId, data.previousMailboxId].filter((id): id is string => !!id);
      return { workspaceId: event.workspaceId, mailboxIds: [...new Set(ids)] };
    }
    case 'rating.created':
    case 'rating.updated':
      return { workspaceId: event.workspaceId, mailboxIds: [event.data.rating.mailboxId] };
    // Survey answers are for who sees every mailbox (owners and admins), like the survey pages.
    case 'nps.responded':
      return { workspaceId: event.workspaceId, mailboxIds: [] };
    default:
      return { workspaceId: event.workspaceId };
  }
}
