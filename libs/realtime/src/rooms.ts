/** socket.io room names; one place so emitters and the gateway agree. */
export const workspaceRoom = (workspaceId: string): string => `ws:${workspaceId}`;
export const userRoom = (userId: string): string => `user:${userId}`;
/** Sockets of members who see every mailbox of the workspace. */
export const allMailboxesRoom = (workspaceId: string): string => `ws:${workspaceId}:all`;
/** Sockets opened with one session or API token: they close when it ends. */
export const credentialRoom = (credentialId: string): string => `cred:${credentialId}`;
/** Sockets of agents limited to chosen mailboxes join one room per mailbox. */
export const mailboxRoom = (mailboxId: string): string => `mailbox:${mailboxId}`;

/** The rooms of a member's sockets, by their mailbox limit (null = every mailbox). */
export function memberRooms(
  workspaceId: string,
  userId: string,
  mailboxIds: string[] | null,
): string[] {
  return [
    workspaceRoom(workspaceId),
    userRoom(userId),
    ...(mailboxIds === null ? [allMailboxesRoom(workspaceId)] : mailboxIds.map(mailboxRoom)),
  ];
}
