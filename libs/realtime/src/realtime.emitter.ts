import type { RealtimeEnvelope, RealtimeSignal } from '@sanad/contracts';

import { allMailboxesRoom, mailboxRoom, userRoom, workspaceRoom } from './rooms';

/**
 * Where an event goes: a whole workspace, the members who may see some mailboxes of it, or one
 * user.
 */
export type RealtimeTarget = { workspaceId: string; mailboxIds?: string[] } | { userId: string };

export function targetRooms(target: RealtimeTarget): string[] {
  if ('userId' in target) return [userRoom(target.userId)];
  if (!target.mailboxIds) return [workspaceRoom(target.workspaceId)];
  return [allMailboxesRoom(target.workspaceId), ...target.mailboxIds.map(mailboxRoom)];
}

/**
 * Sends events to agent sockets from any process: directly through the local socket.io server
 * when this process serves sockets and there is no Redis, or through Redis otherwise.
 */
export abstract class RealtimeEmitter {
  abstract emit(target: RealtimeTarget, envelope: RealtimeEnvelope): void;

  /**
   * A payload-free hint to a whole workspace (`reports.updated`: numbers changed, fetch again).
   * Not an event: no sequence number, nothing to catch up on.
   */
  abstract signal(workspaceId: string, name: RealtimeSignal): void;

  /**
   * Whether anyone of the workspace may be listening here; false lets the broadcast skip building
   * views nobody would receive. Unknown (Redis: other processes hold the sockets) is true.
   */
  abstract mayReach(workspaceId: string): boolean;

  /** Drops a member's sockets (access changed); clients reconnect and join their new rooms. */
  abstract disconnectUser(userId: string): void;

  /** Closes the sockets of these sessions or tokens for good (they ended). */
  abstract disconnectCredentials(credentialIds: string[]): void;
}
