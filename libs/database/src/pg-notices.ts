import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DATABASE_URL } from './database.tokens';

/** Waits before LISTENing again after the connection broke (PostgreSQL restarted). */
const RELISTEN_MS = 1000;
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

export interface NoticeSubscriber {
  /** A NOTIFY on the channel, after the notifying transaction committed. */
  notice(payload: string): void;
  /**
   * The connection broke (`listening` false: notices may be missed from now on) or came back
   * (`listening` true: notices sent while it was down were missed).
   */
  reset(listening: boolean): void;
}

/**
 * This process's PostgreSQL LISTEN connection, shared by everyone who waits for notices (the
 * outbox relay, caches that must drop what another process changed). Opened on the first
 * subscription, and opened again after it breaks.
 */
@Injectable()
export class PgNotices implements OnApplicationShutdown {
  private readonly logger = new Logger('PgNotices');
  private readonly subscribers = new Map<string, Set<NoticeSubscriber>>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private stopped = false;

  constructor(@Inject(DATABASE_URL) private readonly databaseUrl: string) {}

  /** Whether notices are arriving now (a subscriber may trust what it kept). */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Subscribes and resolves once LISTEN is in place (or rejects if PostgreSQL is unreachable). */
  async subscribe(channel: string, subscriber: NoticeSubscriber): Promise<() => void> {
    if (!CHANNEL.test(channel)) throw new Error(`invalid channel name: ${channel}`);
    this.stopped = false;
    const set = this.subscribers.get(channel) ?? new Set<NoticeSubscriber>();
    const isNew = set.size === 0;
    set.add(subscriber);
    this.subscribers.set(channel, set);
    const unsubscribe = () => void set.delete(subscriber);
    if (this.client && isNew) await this.client.query(`LISTEN ${channel}`);
    else if (!this.client) await this.connect();
    return unsubscribe;
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl });
    client.on('notification', ({ channel, payload }) => this.deliver(channel, payload ?? ''));
    client.on('error', (error: Error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    await client.connect();
    try {
      for (const channel of this.subscribers.keys()) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    this.tellAll(true);
  }

  private lost(client: Client, error: Error): void {
    if (this.client !== client) return;
    this.client = null;
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(`listener: ${error.message}`);
    this.tellAll(false);
    void this.relisten();
  }

  private async relisten(): Promise<void> {
    while (!this.stopped && !this.client) {
      await new Promise((resolve) => setTimeout(resolve, RELISTEN_MS));
      if (this.stopped || this.client) return;
      await this.connect().catch((error: Error) =>
        this.logger.warn(`listener not back yet: ${error.message}`),
      );
    }
  }

  /** Hands a notice to this process's subscribers (LISTEN, or Db.notify right after commit). */
  deliver(channel: string, payload: string): void {
    for (const subscriber of this.subscribers.get(channel) ?? []) subscriber.notice(payload);
  }

  private tellAll(listening: boolean): void {
    for (const set of this.subscribers.values())
      for (const subscriber of set) subscriber.reset(listening);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
