import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import { ContactsService } from '@sanad/contacts';
import { ConversationSatisfaction } from '@sanad/conversations';
import {
  OutboxDispatcher,
  type AnyDomainEvent,
  type DomainEvent,
  type OutboxConsumer,
} from '@sanad/queue';
import { SatisfactionSettingsRepository } from '../settings/satisfaction-settings.repository';
import { closedBy, customerLanguage, dueAt, ineligible } from './request-rules.util';
import { RatingRequestsRepository } from './rating-requests.repository';

/**
 * A conversation was closed: its customer's rating request is recorded, due at the close plus
 * the workspace's delay (the worker's housekeeping sends it). One request per close — keyed by
 * the timeline entry that closed it, so an event delivered twice (or two closes' events read
 * after the second) records it once.
 */
@Injectable()
export class RatingRequestsConsumer
  implements OutboxConsumer<'conversation.updated'>, OnModuleInit
{
  readonly name = 'satisfaction.requests';
  readonly types = ['conversation.updated'] as const;
  private readonly logger = new Logger('RatingRequests');

  constructor(
    private readonly requests: RatingRequestsRepository,
    private readonly settings: SatisfactionSettingsRepository,
    private readonly conversations: ConversationSatisfaction,
    private readonly contacts: ContactsService,
    private readonly members: MemberDirectory,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(this);
  }

  /** Most updates are not closes: those need no job. */
  skips(event: DomainEvent): boolean {
    if (event.type !== 'conversation.updated') return true;
    return !closedBy((event as DomainEvent<'conversation.updated'>).payload.changes);
  }

  async handle(event: AnyDomainEvent<'conversation.updated'>): Promise<void> {
    if (!event.workspaceId || !closedBy(event.payload.changes)) return;
    await this.record(event.workspaceId, event.payload.conversationId);
  }

  /** Records the request for the conversation's latest close; null when none is due. */
  async record(workspaceId: string, conversationId: string): Promise<string | null> {
    const settings = await this.settings.get(workspaceId);
    const facts = settings.enabled
      ? await this.conversations.facts(workspaceId, conversationId)
      : null;
    const [contact] = facts?.contactId
      ? await this.contacts.findMany(workspaceId, [facts.contactId])
      : [];
    const reason = ineligible(settings, facts, contact?.emails ?? []);
    if (reason || !facts?.closeEntryId) return null;
    const locale = await this.members.workspaceLocale(workspaceId);
    const id = await this.requests.insert({
      workspaceId,
      conversationId,
      closeEntryId: facts.closeEntryId,
      language: customerLanguage(contact?.language ?? null, locale?.defaultLanguage ?? null),
      dueAt: dueAt(facts.closedAt ?? new Date(), settings.delayMinutes),
    });
    if (id) this.logger.debug(`rating request ${id} for conversation ${conversationId}`);
    return id;
  }
}
