import { Inject, Injectable, Logger } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { ContactsService } from '@sanad/contacts';
import { NPS_LINK_DAYS } from '@sanad/contracts';
import { TransactionRunner } from '@sanad/database';
import { AutoReplyBudget, CustomerMailer } from '@sanad/mail';
import { signNpsLink } from '../links/nps-token.util';
import { NpsSettingsRepository } from '../settings/nps-settings.repository';
import { NpsSurveysRepository } from '../surveys/nps-surveys.repository';
import { npsEmail, npsQuestion } from './nps-email.texts';
import { NpsRecipientsRepository } from './nps-recipients.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Sends the surveys' emails (the worker's housekeeping calls it every NPS_SURVEYS_EVERY_MS), at
 * most `sendPerMinute` per workspace in any minute, however many workers run it (a run claims its
 * share under the workspace's lock first). Each recipient, under its row lock: its
 * survey still sending, the person still there with an address, not surveyed by another survey
 * within the period since, the address one Sanad may write to on its own; then the email goes
 * through the workspace's outbound path in the person's language. A failure worth retrying
 * waits (backing off) and is tried again up to OUTBOUND_MAIL_ATTEMPTS; recipients are rows, so
 * a restart loses none, and a sent one is never sent again.
 */
@Injectable()
export class NpsSurveySender {
  private readonly logger = new Logger('NpsSurveys');

  constructor(
    private readonly recipients: NpsRecipientsRepository,
    private readonly surveys: NpsSurveysRepository,
    private readonly settings: NpsSettingsRepository,
    private readonly contacts: ContactsService,
    private readonly members: MemberDirectory,
    private readonly mailer: CustomerMailer,
    private readonly budget: AutoReplyBudget,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many emails were sent. */
  async sendDue(now = new Date()): Promise<number> {
    let sent = 0;
    for (const workspaceId of await this.recipients.workspacesDue(now))
      // One workspace's trouble (its mailbox settings) never holds up the others' surveys.
      sent += await this.sendWorkspace(workspaceId, now).catch((error: Error) => {
        this.logger.warn(`NPS emails of workspace ${workspaceId} failed: ${error.message}`);
        return 0;
      });
    return sent;
  }

  private async sendWorkspace(workspaceId: string, now: Date): Promise<number> {
    const { sendPerMinute } = await this.settings.get(workspaceId);
    // Claimed first, so that workers running at once share one pace between them.
    const claimed = await this.tx.run(() =>
      this.recipients.claimDue(workspaceId, now, sendPerMinute),
    );
    let sent = 0;
    for (const id of claimed) sent += await this.tx.run(() => this.sendOne(workspaceId, id, now));
    await this.surveys.finishSent(workspaceId, now);
    return sent;
  }

  private async sendOne(workspaceId: string, id: string, now: Date): Promise<number> {
    const r = await this.recipients.lockPending(workspaceId, id);
    if (!r) return 0;
    const skip = async (reason: string): Promise<number> => {
      await this.recipients.markSkipped(workspaceId, id, reason);
      this.logger.log(`NPS recipient ${id} skipped: ${reason}`);
      return 0;
    };
    if (r.surveyStatus !== 'sending') return skip('cancelled');
    const [contact] = r.contactId ? await this.contacts.findMany(workspaceId, [r.contactId]) : [];
    if (!contact) return skip('gone');
    const to = contact.emails.includes(r.email ?? '') ? r.email : (contact.emails[0] ?? null);
    if (!to) return skip('no_email');
    const { minDaysBetweenSurveys } = await this.settings.get(workspaceId);
    const since = new Date(now.getTime() - minDaysBetweenSurveys * DAY_MS);
    if (await this.recipients.otherSentSince(workspaceId, contact.id, id, since))
      return skip('recently_surveyed');
    if (!(await this.budget.allows(workspaceId, to))) return skip('not_allowed');

    const base = this.config.publicUrl.replace(/\/$/, '');
    const expiresAt = new Date(now.getTime() + NPS_LINK_DAYS * DAY_MS);
    const links = Array.from(
      { length: 11 },
      (_, score) =>
        `${base}/n/${signNpsLink(this.config.appSecret, { recipientId: id, score, expiresAt })}`,
    );
    const brand = await this.members.workspaceBrand(workspaceId);
    const locale = await this.members.workspaceLocale(workspaceId);
    const workspaceName = brand?.name ?? 'Sanad';
    const language = r.language;
    const email = npsEmail(language, {
      contactName: contact.name,
      workspaceName,
      question: npsQuestion(language === 'ar' ? r.questionAr : r.questionEn, workspaceName),
      links,
      digits: locale?.digits ?? 'latn',
    });
    const result = await this.mailer.send({
      workspaceId,
      to,
      language,
      subject: email.subject,
      text: email.text,
      bodyHtml: email.html,
    });
    if (result.sent) {
      await this.recipients.markSent(workspaceId, id, now, result.response);
      return 1;
    }
    const attempts = r.attempts + 1;
    this.logger.warn(`NPS recipient ${id} attempt ${attempts} failed: ${result.reason}`);
    if (result.permanent || attempts >= this.config.outboundMailAttempts)
      await this.recipients.markFailed(workspaceId, id, result.reason);
    else
      await this.recipients.retryLater(
        workspaceId,
        id,
        result.reason,
        new Date(now.getTime() + this.config.outboundMailBackoffMs * 2 ** (attempts - 1)),
      );
    return 0;
  }
}
