import { Emitter } from '@socket.io/redis-emitter';
import type { RealtimeEnvelope, RealtimeSignal } from '@sanad/contracts';
import { AGENTS_NAMESPACE } from '@sanad/contracts';
import Redis from 'ioredis';
import { RealtimeEmitter, targetRooms, type RealtimeTarget } from './realtime.emitter';
import { credentialRoom, userRoom, workspaceRoom } from './rooms';

/** Split mode: publishes through Redis to every API process (socket.io Redis adapter). */
export class RedisEmitter extends RealtimeEmitter {
  private readonly client: Redis;
  private readonly emitter: ReturnType<Emitter['of']>;
  private closed = false;

  constructor(redisUrl: string) {
    super();
    this.client = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
    this.emitter = new Emitter(this.client).of(AGENTS_NAMESPACE);
  }

  emit(target: RealtimeTarget, envelope: RealtimeEnvelope): void {
    if (this.closed) return;
    this.emitter.to(targetRooms(target)).emit(envelope.type, envelope);
  }

  signal(workspaceId: string, name: RealtimeSignal): void {
    if (!this.closed) this.emitter.to(workspaceRoom(workspaceId)).emit(name, {});
  }

  mayReach(): boolean {
    return !this.closed;
  }

  disconnectCredentials(credentialIds: string[]): void {
    if (!this.closed && credentialIds.length > 0)
      this.emitter.in(credentialIds.map(credentialRoom)).disconnectSockets(true);
  }

  disconnectUser(userId: string): void {
    if (!this.closed) this.emitter.in(userRoom(userId)).disconnectSockets(true);
  }

  /** QUIT waits for publishes in flight, so none of them fails after shutdown. */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
