import type { RealtimeEnvelope, RealtimeSignal } from '@sanad/contracts';
import type { Namespace } from 'socket.io';
import { RealtimeEmitter, targetRooms, type RealtimeTarget } from './realtime.emitter';
import { credentialRoom, userRoom, workspaceRoom } from './rooms';

/** Single-process mode: the gateway hands its namespace over once it is up. */
export class LocalEmitter extends RealtimeEmitter {
  private namespace: Namespace | null = null;

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  emit(target: RealtimeTarget, envelope: RealtimeEnvelope): void {
    this.namespace?.to(targetRooms(target)).emit(envelope.type, envelope);
  }

  signal(workspaceId: string, name: RealtimeSignal): void {
    this.namespace?.to(workspaceRoom(workspaceId)).emit(name, {});
  }

  mayReach(workspaceId: string): boolean {
    return this.namespace?.adapter.rooms.has(workspaceRoom(workspaceId)) ?? false;
  }

  disconnectCredentials(credentialIds: string[]): void {
    if (credentialIds.length > 0)
      this.namespace?.in(credentialIds.map(credentialRoom)).disconnectSockets(true);
  }

  disconnectUser(userId: string): void {
    this.namespace?.in(userRoom(userId)).disconnectSockets(true);
  }
}
