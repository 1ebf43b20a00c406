import { io, type Socket } from 'socket.io-client';
import { ref } from 'vue';
import {
  AGENTS_NAMESPACE,
  PRESENCE_EVENT,
  type PresenceUpdate,
  type PresenceView,
  REALTIME_EVENTS,
  type RealtimeEnvelope,
  type RealtimeEventType,
} from '@sanad/contracts';

export type ConnectionState = 'offline' | 'connected' | 'reconnecting';

/** Connection state for the indicator in the layout. */
export const connectionState = ref<ConnectionState>('offline');

type Handler = (envelope: RealtimeEnvelope) => void;
const handlers = new Map<RealtimeEventType, Set<Handler>>();
let socket: Socket | null = null;
const presenceHandlers = new Set<(view: PresenceView) => void>();

/** Tells colleagues what this agent is doing in a conversation (ephemeral, not stored). */
export function sendPresence(update: PresenceUpdate): void {
  socket?.emit(PRESENCE_EVENT, update);
}

export function onPresence(handler: (view: PresenceView) => void): () => void {
  presenceHandlers.add(handler);
  return () => presenceHandlers.delete(handler);
}

/** Opens the agents socket with the session cookie; events are hints to refetch over REST. */
export function connectRealtime(): void {
  if (socket) return;
  socket = io(AGENTS_NAMESPACE, { withCredentials: true, transports: ['websocket'] });
  socket.on('connect', () => (connectionState.value = 'connected'));
  socket.on('disconnect', (reason) => {
    connectionState.value = 'reconnecting';
    // The server drops our sockets when our access changes: come back with the new rooms.
    if (reason === 'io server disconnect') setTimeout(() => socket?.connect(), 500);
  });
  socket.on('connect_error', () => (connectionState.value = 'reconnecting'));
  socket.on(PRESENCE_EVENT, (view: PresenceView) =>
    presenceHandlers.forEach((handler) => handler(view)),
  );
  for (const type of REALTIME_EVENTS) {
    socket.on(type, (envelope: RealtimeEnvelope) =>
      handlers.get(type)?.forEach((handler) => handler(envelope)),
    );
  }
}

export function disconnectRealtime(): void {
  socket?.close();
  socket = null;
  connectionState.value = 'offline';
}

export function subscribe(types: RealtimeEventType[], handler: Handler): () => void {
  for (const type of types) {
    const set = handlers.get(type) ?? new Set<Handler>();
    set.add(handler);
    handlers.set(type, set);
  }
  return () => types.forEach((type) => handlers.get(type)?.delete(handler));
}
