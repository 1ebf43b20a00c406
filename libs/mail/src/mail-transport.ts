import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { openSecret } from '@sanad/core';
import type { MailboxEmailSettings, SmtpSecurity } from './entities/mailbox-email-settings.entity';

/** The server a mailbox sends through and the sender it uses. */
export interface OutgoingServer {
  transport: Transporter;
  from: { name: string | null; address: string };
  source: 'mailbox' | 'global';
}

export interface SmtpServerSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string | null;
  password: string | null;
}

/** Outgoing connections never hang a job: each phase has a deadline. */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/**
 * Nodemailer transports per mailbox (its own SMTP settings) or for the installation (SMTP_URL),
 * pooled and rebuilt when the settings change.
 */
@Injectable()
export class MailTransports implements OnApplicationShutdown {
  private readonly cache = new Map<string, { version: string; transport: Transporter }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Null when neither the mailbox nor the installation has an outgoing server. */
  server(
    mailbox: { id: string; inboundAddress: string },
    settings: MailboxEmailSettings | null,
  ): OutgoingServer | null {
    const own = settings ? this.ownServer(settings) : null;
    if (settings && own) {
      return {
        transport: this.cached(mailbox.id, settings.updatedAt.toISOString(), () =>
          createTransport(own, true),
        ),
        from: {
          name: settings.fromName,
          address: settings.fromAddress ?? settings.smtpUser ?? mailbox.inboundAddress,
        },
        source: 'mailbox',
      };
    }
    const transport = this.installation();
    if (!transport) return null;
    return {
      transport,
      from: {
        name: settings?.fromName ?? null,
        address: settings?.fromAddress ?? this.config.mailFrom ?? mailbox.inboundAddress,
      },
      source: 'global',
    };
  }

  /** The installation's outgoing server (SMTP_URL), or null when there is none. */
  installation(): Transporter | null {
    const url = this.config.smtpUrl;
    if (!url) return null;
    return this.cached('global', url, () =>
      nodemailer.createTransport(url, { pool: true, ...TIMEOUTS } as never),
    );
  }

  /** The mailbox's own SMTP server with the password opened, or null when it has none. */
  ownServer(settings: MailboxEmailSettings): SmtpServerSettings | null {
    if (!settings.smtpHost) return null;
    return {
      host: settings.smtpHost,
      port: settings.smtpPort ?? defaultPort(settings.smtpSecurity),
      security: settings.smtpSecurity,
      user: settings.smtpUser,
      password: settings.smtpPasswordEnc
        ? openSecret(this.config.appSecret, settings.smtpPasswordEnc)
        : null,
    };
  }

  private cached(key: string, version: string, build: () => Transporter): Transporter {
    const hit = this.cache.get(key);
    if (hit?.version === version) return hit.transport;
    hit?.transport.close();
    const transport = build();
    this.cache.set(key, { version, transport });
    return transport;
  }

  onApplicationShutdown(): void {
    for (const { transport } of this.cache.values()) transport.close();
    this.cache.clear();
  }
}

/** A transport for explicit settings (a mailbox's, or the ones an admin is testing). */
export function createTransport(server: SmtpServerSettings, pool = false): Transporter {
  return nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    auth: server.user ? { user: server.user, pass: server.password ?? '' } : undefined,
    pool,
    ...TIMEOUTS,
  } as never);
}

export function defaultPort(security: SmtpSecurity): number {
  return security === 'tls' ? 465 : security === 'starttls' ? 587 : 25;
}

/** Failures that will not go away by trying again: the server said no for good. */
export function isPermanentFailure(error: unknown): boolean {
  const e = error as { responseCode?: number; code?: string };
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return true;
  return e.code === 'EAUTH' || e.code === 'EENVELOPE';
}

/** The part of a send failure worth showing an agent. */
export function failureReason(error: unknown): string {
  const e = error as { response?: string; message?: string; code?: string };
  return (e.response || e.message || e.code || String(error)).replace(/\s+/g, ' ').slice(0, 500);
}
