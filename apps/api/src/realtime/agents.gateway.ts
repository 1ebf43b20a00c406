import { Inject, Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import { ApiTokensService, SessionsService, type Principal } from '@sanad/accounts';
import { cookieFromHeader } from '@sanad/auth';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { AGENTS_NAMESPACE, SESSION_COOKIE } from '@sanad/contracts';
import { LocalEmitter, RealtimeEmitter, userRoom, workspaceRoom } from '@sanad/realtime';
import type { Namespace, Socket } from 'socket.io';

/**
 * `/agents`: the same session cookie (or an API token in `auth.token`) as REST. Sockets join
 * their workspace and user rooms; they only receive, everything else goes through REST.
 */
@WebSocketGateway({ namespace: AGENTS_NAMESPACE })
export class AgentsGateway implements OnGatewayInit {
  private readonly logger = new Logger('AgentsGateway');

  constructor(
    private readonly sessions: SessionsService,
    private readonly tokens: ApiTokensService,
    private readonly emitter: RealtimeEmitter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(namespace: Namespace): void {
    if (this.emitter instanceof LocalEmitter) this.emitter.attach(namespace);
    namespace.use((socket, next) => {
      this.authenticate(socket)
        .then((principal) => {
          if (!principal) return next(new Error('unauthenticated'));
          (socket.data as { principal?: Principal }).principal = principal;
          void socket.join([workspaceRoom(principal.workspaceId), userRoom(principal.userId)]);
          next();
        })
        .catch((error: Error) => {
          this.logger.warn(`socket auth failed: ${error.message}`);
          next(new Error('unavailable'));
        });
    });
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
