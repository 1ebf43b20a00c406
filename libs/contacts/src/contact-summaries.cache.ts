import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { ContactSummaryView } from '@sanad/contracts';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { ExpiringCache } from '@sanad/core';
import { PgNotices, TransactionRunner } from '@sanad/database';
import { CONTACTS_CHANNEL } from './contacts.repository';

/**
 * What conversations show of their contacts, kept per process like the account cache: every
 * page of conversations needs them and they rarely change. A change of a contact is announced on
 * CONTACTS_CHANNEL and drops its copy everywhere.
 */
@Injectable()
export class ContactSummariesCache implements OnModuleInit {
  private readonly logger = new Logger('ContactSummariesCache');
  private readonly cache: ExpiringCache<string, ContactSummaryView>;

  constructor(
    private readonly notices: PgNotices,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = new ExpiringCache(50_000, config.accountCacheSeconds * 1000, {
      keepWhile: () => notices.listening,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.notices
      .subscribe(CONTACTS_CHANNEL, {
        notice: (contactId) => this.cache.forget((_, key) => key.endsWith(`:${contactId}`)),
        reset: () => this.cache.clear(),
      })
      .catch((error: Error) =>
        this.logger.warn(`not caching until change notices arrive: ${error.message}`),
      );
  }

  async read(
    workspaceId: string,
    ids: string[],
    load: (ids: string[]) => Promise<ContactSummaryView[]>,
  ): Promise<Map<string, ContactSummaryView>> {
    const prefix = `${workspaceId}:`;
    const byKey = await this.cache.readMany(
      ids.map((id) => prefix + id),
      async (missing) => {
        // Read outside the caller's transaction: only committed rows are kept.
        const ids = missing.map((key) => key.slice(prefix.length));
        const found = await this.tx.outside(() => load(ids));
        return new Map(found.map((c) => [prefix + c.id, c]));
      },
    );
    return new Map([...byKey].map(([key, summary]) => [key.slice(prefix.length), summary]));
  }
}
