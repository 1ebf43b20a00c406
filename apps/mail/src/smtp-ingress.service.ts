import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { InboundStore, type AcceptedRecipient } from '@sanad/mail';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import {
  SMTPServer,
  type SMTPServerAddress,
  type SMTPServerDataStream,
  type SMTPServerSession,
} from 'smtp-server';

/** An SMTP reply with its code: smtp-server sends `responseCode` and the message as the text. */
function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

interface SessionState {
  recipients: AcceptedRecipient[];
}

function state(session: SMTPServerSession): SessionState {
  const holder = session as SMTPServerSession & { sanad?: SessionState };
  holder.sanad ??= { recipients: [] };
  return holder.sanad;
}

/**
 * SMTP ingress on SMTP_PORT: recipients routed to mailboxes, limits answered with the right
 * codes, and `250` only once the raw message and envelope are committed in PostgreSQL (a database
 * failure is a 4xx, so the sender retries). Nothing is parsed here: the worker does that.
 */
@Injectable()
export class SmtpIngressService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SmtpIngress');
  private server: SMTPServer | null = null;
  private readonly connections = new Map<string, number>();
  private readonly perMinute: RateLimiterMemory;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: InboundStore,
  ) {
    this.perMinute = new RateLimiterMemory({
      points: config.smtpMessagesPerMinutePerIp,
      duration: 60,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const tls = this.config.smtpTls;
    this.server = new SMTPServer({
      name: this.config.inboundDomain,
      banner: 'Sanad ESMTP',
      authOptional: true,
      disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
      ...(tls ? { key: readFileSync(tls.keyFile), cert: readFileSync(tls.certFile) } : {}),
      size: this.config.maxMessageMb * 1024 * 1024,
      socketTimeout: this.config.smtpSocketTimeoutSeconds * 1000,
      closeTimeout: 10_000,
      onConnect: (session, callback) => this.onConnect(session, callback),
      onClose: (session) => this.onClose(session),
      onMailFrom: (_address, session, callback) => {
        state(session).recipients = [];
        this.perMinute
          .consume(session.remoteAddress || 'unknown')
          .then(() => callback())
          .catch(() =>
            callback(smtpError(421, '4.7.0 Too many messages from your address, try again later')),
          );
      },
      onRcptTo: (address, session, callback) => {
        this.onRcptTo(address, session).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      },
      onData: (stream, session, callback) => this.onData(stream, session, callback),
    });
    this.server.on('error', (error) => this.logger.warn(`smtp: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(this.config.smtpPort, this.config.host, () => resolve());
    });
  }

  private onConnect(session: SMTPServerSession, callback: (error?: Error) => void): void {
    const ip = session.remoteAddress || 'unknown';
    const open = this.connections.get(ip) ?? 0;
    if (open >= this.config.smtpMaxConnectionsPerIp)
      return callback(smtpError(421, '4.7.0 Too many connections from your address'));
    this.connections.set(ip, open + 1);
    (session as SMTPServerSession & { counted?: boolean }).counted = true;
    callback();
  }

  private onClose(session: SMTPServerSession): void {
    if (!(session as SMTPServerSession & { counted?: boolean }).counted) return;
    const ip = session.remoteAddress || 'unknown';
    const open = (this.connections.get(ip) ?? 1) - 1;
    if (open <= 0) this.connections.delete(ip);
    else this.connections.set(ip, open);
  }

  private async onRcptTo(address: SMTPServerAddress, session: SMTPServerSession): Promise<void> {
    const accepted = state(session).recipients;
    if (accepted.length >= this.config.smtpMaxRecipients)
      throw smtpError(452, `4.5.3 Too many recipients (at most ${this.config.smtpMaxRecipients})`);
    let route;
    try {
      route = await this.store.route(address.address);
    } catch (error) {
      this.logger.warn(`recipient lookup failed: ${(error as Error).message}`);
      throw smtpError(451, '4.3.0 Temporary failure, please try again later');
    }
    if (!route) throw smtpError(550, `5.1.1 <${address.address}>: no mailbox here by that address`);
    if (route.archived) throw smtpError(550, `5.2.1 <${address.address}>: this mailbox is closed`);
    accepted.push({ address: address.address.toLowerCase(), route });
  }

  private onData(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null, message?: string) => void,
  ): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.on('error', (error: Error) => callback(smtpError(451, `4.3.0 ${error.message}`)));
    stream.on('end', () => {
      if (stream.sizeExceeded)
        return callback(
          smtpError(552, `5.3.4 Message too big (at most ${this.config.maxMessageMb} MB)`),
        );
      const recipients = state(session).recipients;
      if (recipients.length === 0) return callback(smtpError(554, '5.5.1 No valid recipients'));
      const mailFrom = session.envelope.mailFrom;
      this.store
        .store({
          from: mailFrom ? mailFrom.address : '',
          recipients,
          raw: Buffer.concat(chunks),
          remoteIp: session.remoteAddress || null,
        })
        .then(
          (ids) => callback(null, `2.0.0 Queued as ${ids[0]}`),
          (error: Error) => {
            this.logger.warn(`could not store a message: ${error.message}`);
            callback(smtpError(451, '4.3.0 Could not store the message, please try again later'));
          },
        );
    });
  }

  port(): number {
    const address = this.server?.server.address();
    return typeof address === 'object' && address ? address.port : this.config.smtpPort;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.server) return;
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server = null;
  }
}
