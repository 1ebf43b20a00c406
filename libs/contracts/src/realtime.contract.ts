import { PUBLIC_EVENTS, type EventData, type PublicEventName } from './events.contract';

/** Socket.io namespace for agents. */
export const AGENTS_NAMESPACE = '/agents';

/** Socket events are the public domain events, under the same names as webhooks. */
export const REALTIME_EVENTS = PUBLIC_EVENTS;
export type RealtimeEventType = PublicEventName;

/**
 * Every server->client event is emitted under its type name with this envelope.
 * `seq` grows per workspace; a client that reconnects (or sees a gap) asks for what it missed
 * after its last seq (`GET /events?after=`), which answers the same envelopes.
 */
export interface RealtimeEnvelope<K extends RealtimeEventType = RealtimeEventType> {
  seq: number;
  type: K;
  workspaceId: string;
  at: string;
  data: EventData<K>;
}

/** An envelope of any public event, narrowed by `type`. */
export type AnyRealtimeEnvelope = {
  [K in RealtimeEventType]: RealtimeEnvelope<K>;
}[RealtimeEventType];

/** An event as the catch-up feed answers it (the workspace is the caller's). */
export type FeedEvent = {
  [K in RealtimeEventType]: Omit<RealtimeEnvelope<K>, 'workspaceId'>;
}[RealtimeEventType];

/** Payload-free hints to a workspace's sockets: something changed, fetch it again. */
export const REALTIME_SIGNALS = ['reports.updated'] as const;
export type RealtimeSignal = (typeof REALTIME_SIGNALS)[number];

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
