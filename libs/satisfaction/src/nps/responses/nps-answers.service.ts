import { Inject, Injectable } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { ContactsService } from '@sanad/contacts';
import { NPS_CHANGE_DAYS, type Language } from '@sanad/contracts';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { checkNpsLink } from '../links/nps-token.util';
import {
  NpsRecipientsRepository,
  type NpsRecipientRow,
} from '../sending/nps-recipients.repository';
import type { NpsAnswer } from './nps-answer.util';
import { NpsResponsesRepository, type NpsResponseRow } from './nps-responses.repository';

/** What an NPS link leads to. Every kind but `invalid` names the workspace the page wears. */
export type NpsPageState =
  | { kind: 'invalid' }
  | { kind: 'expired' | 'cancelled'; workspaceId: string; language: Language }
  | { kind: 'locked'; workspaceId: string; language: Language; score: number }
  | {
      kind: 'open';
      workspaceId: string;
      language: Language;
      recipient: NpsRecipientRow;
      /** The link's score; the page preselects the recorded one if there is one. */
      linkScore: number;
      response: NpsResponseRow | null;
    };

const CHANGE_MS = NPS_CHANGE_DAYS * 24 * 60 * 60 * 1000;

/**
 * The public side of a survey. Opening a link records nothing (mail scanners open every link
 * of an email); the page posts the score, at once by a tiny script or by the customer's
 * "Send". The first post records the response, later ones change it for NPS_CHANGE_DAYS.
 * Forged and expired links, and links of recipients never sent (a cancelled survey), record
 * nothing.
 */
@Injectable()
export class NpsAnswersService {
  constructor(
    private readonly recipients: NpsRecipientsRepository,
    private readonly responses: NpsResponsesRepository,
    private readonly contacts: ContactsService,
    private readonly outbox: OutboxWriter,
    private readonly members: MemberDirectory,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** GET /n/:token — reads only. */
  state(token: string, now = new Date()): Promise<NpsPageState> {
    return this.tx.run(async () => {
      const found = await this.resolve(token, now);
      if ('kind' in found) return found;
      const response = await this.responses.byRecipient(found.recipient.id);
      return this.stateOf(found.recipient, found.score, response, now);
    });
  }

  /** POST /n/:token — records the answer, or changes it while it may be changed. */
  answer(token: string, answer: NpsAnswer, now = new Date()): Promise<NpsPageState> {
    return this.tx.run(async () => {
      const found = await this.resolve(token, now);
      if ('kind' in found) return found;
      const { recipient } = found;
      const existing = await this.responses.byRecipient(recipient.id);
      if (existing && !changeable(existing, now))
        return this.stateOf(recipient, found.score, existing, now);
      let id = existing?.id ?? null;
      if (existing) {
        if (existing.score === answer.score && existing.comment === answer.comment)
          return this.stateOf(recipient, found.score, existing, now);
        await this.responses.update(recipient.workspaceId, existing.id, answer, now);
      } else {
        const [contact] = recipient.contactId
          ? await this.contacts.findMany(recipient.workspaceId, [recipient.contactId])
          : [];
        id = await this.responses.insert({
          workspaceId: recipient.workspaceId,
          surveyId: recipient.surveyId,
          recipientId: recipient.id,
          contactId: contact?.id ?? null,
          categoryId: contact?.categoryId ?? null,
          ...answer,
          at: now,
        });
        // Two posts at once: the other one's insert won (this one waited on its row); change it.
        if (!id) {
          const other = await this.responses.byRecipient(recipient.id);
          if (!other) throw new Error(`response of recipient ${recipient.id} vanished`);
          id = other.id;
          await this.responses.update(recipient.workspaceId, id, answer, now);
        }
      }
      await this.outbox.write({
        workspaceId: recipient.workspaceId,
        type: 'nps.responded',
        payload: { surveyId: recipient.surveyId, responseId: id as string },
      });
      const saved = await this.responses.byRecipient(recipient.id);
      return this.stateOf(recipient, found.score, saved, now);
    });
  }

  /** The digits the workspace writes numbers with (its page shows them). */
  async digitsOf(workspaceId: string): Promise<'latn' | 'arab'> {
    return (await this.members.workspaceLocale(workspaceId))?.digits ?? 'latn';
  }

  private stateOf(
    recipient: NpsRecipientRow,
    linkScore: number,
    response: NpsResponseRow | null,
    now: Date,
  ): NpsPageState {
    const where = { workspaceId: recipient.workspaceId, language: recipient.language };
    if (response && !changeable(response, now))
      return { kind: 'locked', ...where, score: response.score };
    return { kind: 'open', ...where, recipient, linkScore, response };
  }

  private async resolve(
    token: string,
    now: Date,
  ): Promise<{ recipient: NpsRecipientRow; score: number } | NpsPageState> {
    const check = checkNpsLink(this.config.appSecret, token, now);
    if (!check.valid && check.reason === 'forged') return { kind: 'invalid' };
    const recipient = await this.recipients.find(
      check.valid ? check.link.recipientId : check.recipientId,
    );
    if (!recipient) return { kind: 'invalid' };
    const where = { workspaceId: recipient.workspaceId, language: recipient.language };
    if (!check.valid) return { kind: 'expired', ...where };
    if (recipient.status !== 'sent')
      return recipient.surveyStatus === 'cancelled'
        ? { kind: 'cancelled', ...where }
        : { kind: 'invalid' };
    return { recipient, score: check.link.score };
  }
}

function changeable(response: NpsResponseRow, now: Date): boolean {
  return now.getTime() - new Date(response.respondedAt).getTime() <= CHANGE_MS;
}
