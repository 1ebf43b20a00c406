/** Socket.io namespace for agents. */
export const AGENTS_NAMESPACE = '/agents';

export const REALTIME_EVENTS = [
  'member.updated',
  'member.invited',
  'member.joined',
  'conversation.created',
  'conversation.updated',
  'message.created',
] as const;
export type RealtimeEventType = (typeof REALTIME_EVENTS)[number];

/**
 * Every server->client event is emitted under its type name with this envelope.
 * `seq` grows per workspace; a client that reconnects asks for what it missed after its last seq.
 */
export interface RealtimeEnvelope<T = unknown> {
  seq: number;
  type: RealtimeEventType;
  workspaceId: string;
  at: string;
  data: T;
}
