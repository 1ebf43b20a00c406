import { Injectable, OnModuleInit } from '@nestjs/common';
import { REALTIME_EVENTS, type RealtimeEnvelope, type RealtimeEventType } from '@sanad/contracts';
import { OutboxDispatcher, type OutboxConsumer, type OutboxEventView } from '@sanad/queue';
import { RealtimeEmitter } from './realtime.emitter';

const BROADCAST = new Set<string>(REALTIME_EVENTS);
/** Member changes after which the member's sockets must rejoin with their new access. */
const REJOIN_ACTIONS = new Set([
  'member.mailboxes_changed',
  'member.role_changed',
  'member.deactivated',
]);

/**
 * Turns committed outbox events into socket events for the agents who may see them. Delivered as
 * hints straight from the relay (R8: clients catch up by sequence number).
 */
@Injectable()
export class RealtimeBroadcastConsumer implements OutboxConsumer, OnModuleInit {
  readonly name = 'realtime';
  readonly hint = true;

  constructor(
    private readonly emitter: RealtimeEmitter,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(this);
  }

  accepts(type: string): boolean {
    return BROADCAST.has(type);
  }

  async handle(event: OutboxEventView): Promise<void> {
    if (!event.workspaceId || event.seq === null) return;
    const envelope: RealtimeEnvelope = {
      seq: event.seq,
      type: event.type as RealtimeEventType,
      workspaceId: event.workspaceId,
      at: event.createdAt.toISOString(),
      data: event.payload as unknown as RealtimeEnvelope['data'],
    };
    const payload = (event.payload ?? {}) as {
      userId?: unknown;
      mailboxId?: unknown;
      previousMailboxId?: unknown;
      action?: unknown;
      user?: { id?: unknown };
    };
    if (event.type === 'mention.created') {
      if (typeof payload.userId === 'string')
        this.emitter.emit({ userId: payload.userId }, envelope);
      return;
    }
    const mailboxIds = [payload.mailboxId, payload.previousMailboxId].filter(
      (id): id is string => typeof id === 'string',
    );
    this.emitter.emit(
      mailboxIds.length > 0
        ? { workspaceId: event.workspaceId, mailboxIds: [...new Set(mailboxIds)] }
        : { workspaceId: event.workspaceId },
      envelope,
    );
    if (
      event.type === 'member.updated' &&
      typeof payload.action === 'string' &&
      REJOIN_ACTIONS.has(payload.action) &&
      typeof payload.user?.id === 'string'
    ) {
      this.emitter.disconnectUser(payload.user.id);
    }
  }
}
