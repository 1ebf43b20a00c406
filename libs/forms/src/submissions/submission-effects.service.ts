import { Injectable } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import { ContactsService, type Contact } from '@sanad/contacts';
import type {
  CustomFieldValues,
  FormDefinition,
  FormMessageOrigin,
  Language,
} from '@sanad/contracts';
import { withDigits } from '@sanad/core';
import { IntakeService, MailboxesService, type UploadedFile } from '@sanad/conversations';
import { AutoReplyBudget } from '@sanad/mail';
import { OutboxWriter } from '@sanad/queue';
import { answersText, fillSubject, localText, type StoredAnswers } from './submission-answers.util';
import { SubmissionsRepository } from './submissions.repository';

/** An accepted submission, as its effects need it. */
export interface AcceptedSubmission {
  id: string;
  workspaceId: string;
  formId: string;
  formName: string;
  versionNumber: number;
  definition: FormDefinition;
  language: Language;
  answers: StoredAnswers;
  files: Array<UploadedFile & { fieldKey: string }>;
}

const ACKNOWLEDGEMENT = {
  ar: 'شكرًا لك، استلمنا رسالتك عبر «{form}». رقم طلبك #{number}، وسنرد عليك في أقرب وقت.',
  en: 'Thank you: we received your message sent with “{form}”. Your request is #{number}; we will answer soon.',
} as const;

/**
 * What an accepted submission does, inside the transaction that stores it (or releases it from
 * spam): the person found or created from the mapped answers, the conversation it opens in the
 * form's mailbox with its answers and files, the acknowledgement (R12), and `form.submitted`.
 */
@Injectable()
export class SubmissionEffects {
  constructor(
    private readonly contacts: ContactsService,
    private readonly intake: IntakeService,
    private readonly mailboxes: MailboxesService,
    private readonly members: MemberDirectory,
    private readonly budget: AutoReplyBudget,
    private readonly repo: SubmissionsRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async accept(submission: AcceptedSubmission): Promise<void> {
    const { workspaceId, definition, answers, language } = submission;
    const contact = await this.person(submission);
    const settings = definition.settings;
    let conversationId: string | null = null;
    if (settings.opensConversation) {
      const origin: FormMessageOrigin = {
        submissionId: submission.id,
        formId: submission.formId,
        formName: submission.formName,
        version: submission.versionNumber,
      };
      const written = await this.intake.openFromCustomer({
        workspaceId,
        contact,
        text: answersText(definition.fields, answers, submission.files, language),
        data: { form: origin },
        files: submission.files,
        mailboxId: await this.mailbox(workspaceId, settings.mailboxId),
        subject: fillSubject(
          localText(settings.subjectTemplate, language),
          definition.fields,
          answers,
          language,
          submission.formName,
        ),
        channel: 'form',
        labels: { tagIds: settings.tagIds, teamId: settings.teamId },
      });
      conversationId = written.conversationId;
      if (settings.autoAcknowledge) await this.acknowledge(submission, contact, conversationId);
    }
    await this.repo.update(workspaceId, submission.id, { contactId: contact.id, conversationId });
    await this.outbox.write({
      workspaceId,
      type: 'form.submitted',
      payload: { submissionId: submission.id, formId: submission.formId },
    });
  }

  /** Found by email, then phone (identities are added, never replaced), else a new person. */
  private async person(submission: AcceptedSubmission): Promise<Contact> {
    const identity: { email?: string; phone?: string; name?: string } = {};
    const customFields: CustomFieldValues = {};
    let company: string | undefined;
    for (const field of submission.definition.fields) {
      const value = submission.answers[field.key];
      if (!field.mapTo || value === undefined || value === null || value === '') continue;
      if (field.mapTo.kind === 'custom_field') customFields[field.mapTo.key] = value;
      else if (field.mapTo.property === 'company') company = String(value);
      else identity[field.mapTo.property] = String(value);
    }
    const contact = await this.contacts.findOrCreate(submission.workspaceId, identity);
    await this.contacts.fillFromForm(submission.workspaceId, contact, { company, customFields });
    return contact;
  }

  /** The form's mailbox while it exists and is not archived; else the inbox. */
  private async mailbox(workspaceId: string, mailboxId: string | null): Promise<string> {
    await this.mailboxes.ensureDefaults(workspaceId);
    const chosen = mailboxId ? await this.mailboxes.find(workspaceId, mailboxId) : null;
    if (chosen && !chosen.archivedAt) return chosen.id;
    return (await this.mailboxes.systemMailbox(workspaceId, 'inbox')).id;
  }

  private async acknowledge(
    submission: AcceptedSubmission,
    contact: Contact,
    conversationId: string,
  ): Promise<void> {
    const to = contact.emails[0];
    if (!to || !(await this.budget.allows(submission.workspaceId, to))) return;
    const context = await this.intake.ackContext(submission.workspaceId, conversationId);
    if (!context) return;
    const digits = (await this.members.workspaceLocale(submission.workspaceId))?.digits ?? 'latn';
    const number =
      submission.language === 'ar'
        ? withDigits(String(context.number), digits)
        : String(context.number);
    const text = ACKNOWLEDGEMENT[submission.language]
      .replace('{form}', submission.formName)
      .replace('{number}', number);
    await this.intake.systemReply(submission.workspaceId, conversationId, text, {
      autoAck: true,
      language: submission.language,
    });
  }
}
