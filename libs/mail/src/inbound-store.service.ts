import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { MailboxesService } from '@sanad/conversations';
import { MailRepository, type RecipientRoute } from './mail.repository';

/** Known addresses are remembered this long: routing stays off the database on busy SMTP. */
const ROUTE_CACHE_MS = 5_000;

export interface AcceptedRecipient {
  address: string;
  route: RecipientRoute;
}

/**
 * The durable half of SMTP ingress: which mailbox an address reaches, and committing the raw
 * message (once per mailbox it reaches) with its processing event before anyone says `250`.
 */
@Injectable()
export class InboundStore {
  private readonly routes = new Map<string, { route: RecipientRoute; until: number }>();

  constructor(
    private readonly repo: MailRepository,
    private readonly mailboxes: MailboxesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `<slug>@INBOUND_DOMAIN` (a `+tag` after the slug is ignored) or an address an admin attached;
   * null when nothing here accepts it.
   */
  async route(address: string): Promise<RecipientRoute | null> {
    const lower = address.trim().toLowerCase();
    const at = lower.lastIndexOf('@');
    if (at < 1 || lower.length > 320) return null;
    const local = lower.slice(0, at);
    const domain = lower.slice(at + 1);
    const [kind, key] =
      domain === this.config.inboundDomain
        ? (['inbound', local.split('+')[0]] as const)
        : (['custom', lower] as const);
    const cacheKey = `${kind}:${key}`;
    const cached = this.routes.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.route;
    const found = await this.repo.route(kind, key);
    const route = found
      ? {
          ...found,
          archived: (await this.mailboxes.archivedIds([found.mailboxId])).has(found.mailboxId),
        }
      : null;
    // Only addresses that exist are remembered, so a new mailbox is reachable at once.
    if (route) {
      if (this.routes.size > 10_000) this.routes.clear();
      this.routes.set(cacheKey, { route, until: Date.now() + ROUTE_CACHE_MS });
    } else this.routes.delete(cacheKey);
    return route;
  }

  /** Commits the message for each mailbox among the recipients; returns the stored ids. */
  async store(input: {
    from: string;
    recipients: AcceptedRecipient[];
    raw: Buffer;
    remoteIp: string | null;
  }): Promise<string[]> {
    const byMailbox = new Map<string, AcceptedRecipient[]>();
    for (const recipient of input.recipients) {
      const list = byMailbox.get(recipient.route.mailboxId) ?? [];
      list.push(recipient);
      byMailbox.set(recipient.route.mailboxId, list);
    }
    return this.repo.storeInbound({
      rows: [...byMailbox.values()].map((recipients) => ({
        id: randomUUID(),
        workspaceId: recipients[0].route.workspaceId,
        mailboxId: recipients[0].route.mailboxId,
        envelopeTo: recipients.map((r) => r.address.slice(0, 320)),
      })),
      envelopeFrom: input.from.slice(0, 320),
      remoteIp: input.remoteIp,
      raw: input.raw,
    });
  }
}
