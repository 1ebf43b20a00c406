import type { RealtimeEnvelope } from '@sanad/contracts';
import type { Namespace } from 'socket.io';
import { RealtimeEmitter, type RealtimeTarget } from './realtime.emitter';
import { userRoom, workspaceRoom } from './rooms';

/** Single-process mode: the gateway hands its namespace over once it is up. */
export class LocalEmitter extends RealtimeEmitter {
  private namespace: Namespace | null = null;

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  emit(target: RealtimeTarget, envelope: RealtimeEnvelope): void {
    const room =
      'workspaceId' in target ? workspaceRoom(target.workspaceId) : userRoom(target.userId);
    this.namespace?.to(room).emit(envelope.type, envelope);
  }
}
