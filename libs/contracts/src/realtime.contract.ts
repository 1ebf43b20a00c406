/** Socket.io namespace for agents. */
export const AGENTS_NAMESPACE = '/agents';

export const REALTIME_EVENTS = [
  'member.updated',
  'member.invited',
  'member.joined',
  'conversation.created',
  'conversation.updated',
  'message.created',
  'message.updated',
  'conversation.merged',
  'mention.created',
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

/** Ephemeral collaboration hints (who is viewing or typing); never stored, never replayed. */
export const PRESENCE_EVENT = 'presence';
export const PRESENCE_STATES = ['viewing', 'typing-reply', 'typing-note', 'left'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** Client -> server: what this agent is doing in a conversation (sent again every few seconds). */
export interface PresenceUpdate {
  conversationId: string;
  state: PresenceState;
}

/** Server -> clients of the workspace. */
export interface PresenceView {
  conversationId: string;
  userId: string;
  name: string;
  state: PresenceState;
  at: string;
}
