import { Injectable, OnModuleInit } from '@nestjs/common';
import { REALTIME_EVENTS, type RealtimeEnvelope, type RealtimeEventType } from '@sanad/contracts';
import { OutboxDispatcher, type OutboxConsumer, type OutboxEventView } from '@sanad/queue';
import { RealtimeEmitter } from './realtime.emitter';

const BROADCAST = new Set<string>(REALTIME_EVENTS);

/** Turns committed outbox events into socket events for the workspace's agents (hints, R8). */
@Injectable()
export class RealtimeBroadcastConsumer implements OutboxConsumer, OnModuleInit {
  readonly name = 'realtime';

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
      data: event.payload,
    };
    this.emitter.emit({ workspaceId: event.workspaceId }, envelope);
  }
}
