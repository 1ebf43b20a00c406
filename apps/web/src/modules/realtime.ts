import { io, type Socket } from 'socket.io-client';
import { ref } from 'vue';
import {
  AGENTS_NAMESPACE,
  PRESENCE_EVENT,
  type AnyRealtimeEnvelope,
  type PresenceUpdate,
  type PresenceView,
  REALTIME_EVENTS,
} from '@sanad/contracts';

export type ConnectionState = 'offline' | 'connected' | 'reconnecting';

/** Connection state for the indicator in the layout. */
export const connectionState = ref<ConnectionState>('offline');

/**
 * `connected`: the first connection of a session; `reconnected`: back after a drop (events may
 * have been missed); `closed`: logged out, the socket is gone.
 */
export type ConnectionEvent = 'connected' | 'reconnected' | 'closed';

let socket: Socket | null = null;
const envelopeHandlers = new Set<(envelope: AnyRealtimeEnvelope) => void>();
const connectionHandlers = new Set<(event: ConnectionEvent) => void>();
const presenceHandlers = new Set<(view: PresenceView) => void>();
const signalHandlers = new Map<string, Set<() => void>>();

/** Tells colleagues what this agent is doing in a conversation (ephemeral, not stored). */
export function sendPresence(update: PresenceUpdate): void {
  socket?.emit(PRESENCE_EVENT, update);
}

export function onPresence(handler: (view: PresenceView) => void): () => void {
  presenceHandlers.add(handler);
  return () => presenceHandlers.delete(handler);
}

/** Every domain event the socket receives, as it arrives (the event stream store orders them). */
export function onEnvelope(handler: (envelope: AnyRealtimeEnvelope) => void): () => void {
  envelopeHandlers.add(handler);
  return () => envelopeHandlers.delete(handler);
}

/**
 * Hints the server sends without a stored event behind them (`reports.updated`: the numbers
 * changed, read them again). Not sequenced, not replayed: after a reconnect, read again anyway.
 */
export function onSignal(name: string, handler: () => void): () => void {
  const handlers = signalHandlers.get(name) ?? new Set();
  handlers.add(handler);
  signalHandlers.set(name, handlers);
  return () => handlers.delete(handler);
}

export function onConnection(handler: (event: ConnectionEvent) => void): () => void {
  connectionHandlers.add(handler);
  return () => connectionHandlers.delete(handler);
}

/** Resolves true once the socket is connected (at once if it is), false after `timeoutMs`. */
export function whenConnected(timeoutMs: number): Promise<boolean> {
  if (socket?.connected) return Promise.resolve(true);
  if (!socket) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop();
      resolve(false);
    }, timeoutMs);
    const stop = onConnection((event) => {
      if (event === 'closed') {
        clearTimeout(timer);
        stop();
        resolve(false);
      } else {
        clearTimeout(timer);
        stop();
        resolve(true);
      }
    });
  });
}

function announce(event: ConnectionEvent): void {
  connectionHandlers.forEach((handler) => handler(event));
}

/** Opens the agents socket with the session cookie; rooms are joined before `connect` fires. */
export function connectRealtime(): void {
  if (socket) return;
  const current = io(AGENTS_NAMESPACE, { withCredentials: true, transports: ['websocket'] });
  socket = current;
  let connectedBefore = false;
  current.on('connect', () => {
    connectionState.value = 'connected';
    announce(connectedBefore ? 'reconnected' : 'connected');
    connectedBefore = true;
  });
  current.on('disconnect', (reason) => {
    connectionState.value = 'reconnecting';
    // The server drops our sockets when our access changes: come back with the new rooms.
    if (reason === 'io server disconnect') setTimeout(() => socket?.connect(), 500);
  });
  current.on('connect_error', () => (connectionState.value = 'reconnecting'));
  current.on(PRESENCE_EVENT, (view: PresenceView) =>
    presenceHandlers.forEach((handler) => handler(view)),
  );
  current.onAny((name: string) => signalHandlers.get(name)?.forEach((handler) => handler()));
  for (const type of REALTIME_EVENTS) {
    current.on(type, (envelope: AnyRealtimeEnvelope) =>
      envelopeHandlers.forEach((handler) => handler(envelope)),
    );
  }
}

export function disconnectRealtime(): void {
  socket?.close();
  socket = null;
  connectionState.value = 'offline';
  announce('closed');
}
