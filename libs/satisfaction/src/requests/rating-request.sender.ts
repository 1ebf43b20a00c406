import { Inject, Injectable, Logger } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { ContactsService } from '@sanad/contacts';
import { RATING_LINK_DAYS } from '@sanad/contracts';
import { ConversationSatisfaction, IntakeService } from '@sanad/conversations';
import { withDigits } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { AutoReplyBudget } from '@sanad/mail';
import { signRatingLink } from '../links/rating-token.util';
import { SatisfactionSettingsRepository } from '../settings/satisfaction-settings.repository';
import { ratingEmail } from './rating-email.texts';
import { RatingRequestsRepository } from './rating-requests.repository';

const BATCH = 100;

/**
 * Sends the rating requests that are due (the worker's housekeeping calls it every
 * RATING_REQUESTS_EVERY_MS). Each one, under its row lock: the conversation must still be
 * closed by the same close and still not be spam, satisfaction still on, the customer within
 * the automatic-message budget (R12); then the email goes as an automatic message of the
 * conversation through the outbound mail path, in the customer's language. Otherwise the
 * request is skipped with its reason. Requests are rows: a restart loses none.
 */
@Injectable()
export class RatingRequestSender {
  private readonly logger = new Logger('RatingRequests');

  constructor(
    private readonly requests: RatingRequestsRepository,
    private readonly settings: SatisfactionSettingsRepository,
    private readonly conversations: ConversationSatisfaction,
    private readonly intake: IntakeService,
    private readonly contacts: ContactsService,
    private readonly members: MemberDirectory,
    private readonly budget: AutoReplyBudget,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many emails were queued. */
  async sendDue(now = new Date()): Promise<number> {
    let sent = 0;
    for (const { workspaceId, id } of await this.requests.due(now, BATCH))
      sent += await this.tx.run(() => this.sendOne(workspaceId, id, now));
    return sent;
  }

  private async sendOne(workspaceId: string, id: string, now: Date): Promise<number> {
    const request = await this.requests.lockPending(workspaceId, id);
    if (!request) return 0;
    const skip = async (reason: string): Promise<number> => {
      await this.requests.markSkipped(workspaceId, id, reason);
      this.logger.log(`rating request ${id} skipped: ${reason}`);
      return 0;
    };
    if (!(await this.settings.get(workspaceId)).enabled) return skip('disabled');
    const facts = await this.conversations.facts(workspaceId, request.conversationId);
    if (!facts) return skip('gone');
    if (facts.status !== 'closed') return skip('reopened');
    if (facts.closeEntryId !== request.closeEntryId) return skip('closed_again');
    if (facts.mailboxKind === 'spam') return skip('spam');
    const [contact] = facts.contactId
      ? await this.contacts.findMany(workspaceId, [facts.contactId])
      : [];
    const last = await this.intake.lastCustomerAddress(facts.id);
    const to = last && last !== 'unknown@invalid' ? last : (contact?.emails[0] ?? null);
    if (!to) return skip('no_email');
    if (!(await this.budget.allows(workspaceId, to))) return skip('budget');

    const base = this.config.publicUrl.replace(/\/$/, '');
    const expiresAt = new Date(now.getTime() + RATING_LINK_DAYS * 24 * 60 * 60 * 1000);
    const links = [1, 2, 3, 4, 5].map(
      (score) =>
        `${base}/r/${signRatingLink(this.config.appSecret, {
          requestId: id,
          conversationId: facts.id,
          score,
          expiresAt,
        })}`,
    );
    const brand = await this.members.workspaceBrand(workspaceId);
    const locale = await this.members.workspaceLocale(workspaceId);
    const language = request.language;
    const number =
      language === 'ar'
        ? withDigits(String(facts.number), locale?.digits ?? 'latn')
        : String(facts.number);
    const email = ratingEmail(language, {
      contactName: contact?.name ?? null,
      number,
      workspaceName: brand?.name ?? 'Sanad',
      links,
    });
    const messageId = await this.conversations.sendRequest(workspaceId, facts.id, email.text, {
      ratingRequest: id,
      language,
      emailChoices: email.choices,
    });
    await this.requests.markSent(workspaceId, id, messageId, now);
    return 1;
  }
}
