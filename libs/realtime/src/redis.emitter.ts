import { Emitter } from '@socket.io/redis-emitter';
import type { RealtimeEnvelope } from '@sanad/contracts';
import { AGENTS_NAMESPACE } from '@sanad/contracts';
import Redis from 'ioredis';
import { RealtimeEmitter, type RealtimeTarget } from './realtime.emitter';
import { userRoom, workspaceRoom } from './rooms';

/** Split mode: publishes through Redis to every API process (socket.io Redis adapter). */
export class RedisEmitter extends RealtimeEmitter {
  private readonly client: Redis;
  private readonly emitter: ReturnType<Emitter['of']>;

  constructor(redisUrl: string) {
    super();
    this.client = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
    this.emitter = new Emitter(this.client).of(AGENTS_NAMESPACE);
  }

  emit(target: RealtimeTarget, envelope: RealtimeEnvelope): void {
    const room =
      'workspaceId' in target ? workspaceRoom(target.workspaceId) : userRoom(target.userId);
    this.emitter.to(room).emit(envelope.type, envelope);
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}
