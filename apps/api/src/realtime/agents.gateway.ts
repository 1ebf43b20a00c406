import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { AccountService, ApiTokensService, SessionsService, type Principal } from '@sanad/accounts';
import { cookieFromHeader } from '@sanad/auth';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import {
  AGENTS_NAMESPACE,
  PRESENCE_EVENT,
  PRESENCE_STATES,
  SESSION_COOKIE,
  type PresenceState,
  type PresenceView,
} from '@sanad/contracts';
import { ThreadService } from '@sanad/conversations';
import {
  LocalEmitter,
  RealtimeEmitter,
  allMailboxesRoom,
  credentialRoom,
  mailboxRoom,
  memberRooms,
} from '@sanad/realtime';
import type { Namespace, Socket } from 'socket.io';
import { PresenceCoalescer, SocketBudget } from './socket-budget.util';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How long a conversation's visibility check is trusted for presence (no query per event). */
const VISIBLE_FOR_MS = 30_000;

interface SocketState {
  principal: Principal;
  name: string;
  /** Conversations (and their mailbox) this socket is viewing, to announce "left" on disconnect. */
  viewing: Map<string, string>;
  /** Conversations this socket may see (checked once), with the mailbox and when. */
  visible: Map<string, { mailboxId: string; at: number }>;
  presence: PresenceCoalescer;
}

/**
 * `/agents`: the same session cookie (or an API token in `auth.token`) as REST. Sockets join
 * their workspace and user rooms and receive committed events from the outbox; the only thing
 * they send is presence (viewing / typing), relayed to the workspace and never stored.
 */
@WebSocketGateway({ namespace: AGENTS_NAMESPACE })
export class AgentsGateway implements OnGatewayInit, OnGatewayDisconnect {
  private readonly logger = new Logger('AgentsGateway');
  private namespace: Namespace | null = null;

  constructor(
    private readonly sessions: SessionsService,
    private readonly tokens: ApiTokensService,
    private readonly account: AccountService,
    private readonly thread: ThreadService,
    private readonly emitter: RealtimeEmitter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    if (this.emitter instanceof LocalEmitter) this.emitter.attach(namespace);
    namespace.use((socket, next) => {
      this.authenticate(socket)
        .then(async (principal) => {
          if (!principal) return next(new Error('unauthenticated'));
          const me = await this.account.me(principal);
          const state: SocketState = {
            principal,
            name: me.user.name,
            viewing: new Map(),
            visible: new Map(),
            presence: new PresenceCoalescer(),
          };
          // Every event a client sends spends from its budget; a flood ends the connection.
          const budget = new SocketBudget();
          socket.use((_packet, nextPacket) => {
            const verdict = budget.take();
            if (verdict === 'ok') return nextPacket();
            if (verdict === 'disconnect') {
              this.logger.warn(`socket of ${principal.userId} flooding: disconnected`);
              socket.disconnect(true);
            }
          });
          (socket.data as { state?: SocketState }).state = state;
          const credential = principal.sessionId ?? principal.tokenId;
          await socket.join([
            ...memberRooms(principal.workspaceId, principal.userId, principal.mailboxIds),
            ...(credential ? [credentialRoom(credential)] : []),
          ]);
          next();
        })
        .catch((error: Error) => {
          this.logger.warn(`socket auth failed: ${error.message}`);
          next(new Error('unavailable'));
        });
    });
  }

  @SubscribeMessage(PRESENCE_EVENT)
  async presence(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<{ ok: boolean }> {
    const state = (socket.data as { state?: SocketState }).state;
    const update = body as { conversationId?: unknown; state?: unknown } | null;
    const conversationId = typeof update?.conversationId === 'string' ? update.conversationId : '';
    const presence = update?.state as PresenceState;
    if (!state || !UUID.test(conversationId) || !PRESENCE_STATES.includes(presence))
      return { ok: false };
    const mailboxId =
      presence === 'left'
        ? state.viewing.get(conversationId)
        : await this.visibleMailbox(state, conversationId);
    if (presence !== 'left' && !mailboxId) return { ok: false };
    if (!mailboxId) return { ok: true };
    if (presence === 'left') state.viewing.delete(conversationId);
    else state.viewing.set(conversationId, mailboxId);
    if (presence === 'left' || state.presence.shouldRelay(conversationId, presence))
      this.broadcast(socket, state, conversationId, mailboxId, presence);
    return { ok: true };
  }

  /** The conversation's mailbox when this member may see it; checked at most every 30 s. */
  private async visibleMailbox(state: SocketState, conversationId: string): Promise<string | null> {
    const cached = state.visible.get(conversationId);
    if (cached && Date.now() - cached.at < VISIBLE_FOR_MS) return cached.mailboxId;
    const conversation = await this.thread.visible(state.principal, conversationId);
    if (!conversation) {
      state.visible.delete(conversationId);
      return null;
    }
    if (state.visible.size > 200) state.visible.clear();
    state.visible.set(conversationId, { mailboxId: conversation.mailboxId, at: Date.now() });
    return conversation.mailboxId;
  }

  handleDisconnect(socket: Socket): void {
    const state = (socket.data as { state?: SocketState }).state;
    if (!state) return;
    for (const [conversationId, mailboxId] of state.viewing)
      this.broadcast(socket, state, conversationId, mailboxId, 'left');
  }

  /**
   * To every other socket that may see the conversation's mailbox (through the Redis adapter when
   * there is one).
   */
  private broadcast(
    socket: Socket,
    state: SocketState,
    conversationId: string,
    mailboxId: string,
    presence: PresenceState,
  ): void {
    const view: PresenceView = {
      conversationId,
      userId: state.principal.userId,
      name: state.name,
      state: presence,
      at: new Date().toISOString(),
    };
    (this.namespace ?? socket.nsp)
      .to([allMailboxesRoom(state.principal.workspaceId), mailboxRoom(mailboxId)])
      .except(socket.id)
      .emit(PRESENCE_EVENT, view);
  }

  private async authenticate(socket: Socket): Promise<Principal | null> {
    if (!this.originAllowed(socket.handshake.headers.origin, socket.handshake.headers.host))
      return null;
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token === 'string') return this.tokens.authenticate(token);
    const secret = cookieFromHeader(socket.handshake.headers.cookie, SESSION_COOKIE);
    return secret ? this.sessions.resolve(secret) : null;
  }

  /** Browsers always send Origin: it must be our public URL or the host they connected to. */
  private originAllowed(origin: string | undefined, host: string | undefined): boolean {
    if (!origin) return true;
    try {
      const parsed = new URL(origin);
      return parsed.origin === new URL(this.config.publicUrl).origin || parsed.host === host;
    } catch {
      return false;
    }
  }
}
