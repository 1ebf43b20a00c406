/** socket.io room names; one place so emitters and the gateway agree. */
export const workspaceRoom = (workspaceId: string): string => `ws:${workspaceId}`;
export const userRoom = (userId: string): string => `user:${userId}`;
