import type { RealtimeEnvelope } from '@sanad/contracts';

/** Where an event goes: a whole workspace or one user. */
export type RealtimeTarget = { workspaceId: string } | { userId: string };

/**
 * Sends events to agent sockets from any process: directly through the local socket.io server
 * when this process serves sockets and there is no Redis, or through Redis otherwise.
 */
export abstract class RealtimeEmitter {
  abstract emit(target: RealtimeTarget, envelope: RealtimeEnvelope): void;
}
