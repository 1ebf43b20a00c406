import { AutoReplyBudget } from './auto-reply-budget.service';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { simpleParser, type ParsedMail } from 'mailparser';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { MemberDirectory } from '@sanad/accounts';
import { ContactsService } from '@sanad/contacts';
import {
  IntakeService,
  MailboxesService,
  fillPlaceholders,
  mailboxNameIn,
  type UploadedFile,
} from '@sanad/conversations';
import { normaliseEmail, sha256Hex, withDigits } from '@sanad/core';
import { OutboxDispatcher, type DomainEvent, type OutboxConsumer } from '@sanad/queue';
import { automaticKind, cleanMessageId, flaggedAsSpam, referencedIds } from './email-headers.util';
import type { MailboxEmailSettings } from './entities/mailbox-email-settings.entity';
import { readBounceReport } from './bounce-report.util';
import { hasRemoteImages } from './email-document.util';
import { sanitizeEmailHtml } from './html-sanitize.util';
import { MailRepository, type InboundToProcess } from './mail.repository';
import { OutboundRepository } from './outbound.repository';

/** A message that failed this many times is kept as unreadable instead of retried for ever. */
const MAX_FAILURES = 3;
/** Our outbound Message-IDs carry the conversation: <sanad.<conversation id>.<random>@host>. */
const REPLY_TOKEN = /^sanad\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\./;

const UNREADABLE_SUBJECT = 'رسالة تعذّرت قراءتها (Unreadable email)';

/**
 * Turns a stored inbound email into a conversation message, exactly once (the dispatcher's
 * receipt and this transaction commit together): dedupe by Message-ID, thread, find the contact,
 * keep attachments, classify automatic mail and spam.
 */
@Injectable()
export class InboundEmailProcessor implements OutboxConsumer<'email.received'>, OnModuleInit {
  readonly name = 'inbound-email';
  readonly types = ['email.received'] as const;
  private readonly logger = new Logger('InboundEmail');

  constructor(
    private readonly repo: MailRepository,
    private readonly outbound: OutboundRepository,
    private readonly intake: IntakeService,
    private readonly mailboxes: MailboxesService,
    private readonly contacts: ContactsService,
    private readonly members: MemberDirectory,
    private readonly dispatcher: OutboxDispatcher,
    private readonly budget: AutoReplyBudget,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(this);
  }

  async handle(event: DomainEvent<'email.received'>): Promise<void> {
    const inbound = await this.repo.lockInbound(event.payload.inboundEmailId);
    if (!inbound || inbound.status !== 'pending') return;
    let parsed: ParsedMail;
    try {
      if (event.failures >= MAX_FAILURES)
        throw new Error(`gave up after ${event.failures} failed attempts`);
      parsed = await simpleParser(inbound.raw, {
        skipTextToHtml: true,
        keepCidLinks: true,
        maxHtmlLengthToParse: 5_000_000,
      });
    } catch (error) {
      await this.keepUnreadable(inbound, error instanceof Error ? error.message : String(error));
      return;
    }
    await this.process(inbound, parsed);
  }

  private async process(inbound: InboundToProcess, parsed: ParsedMail): Promise<void> {
    const workspaceId = inbound.workspaceId;
    const emailMessageId =
      cleanMessageId(parsed.messageId) ??
      `${sha256Hex(inbound.raw.toString('latin1'))}@sanad.invalid`;
    const header = headerLookup(parsed);
    const sender = parsed.from?.value.find((a) => a.address) ?? null;
    const fromAddress =
      normaliseEmail(sender?.address || inbound.envelopeFrom || '') || 'unknown@invalid';
    const contentHash = sha256Hex(
      [parsed.subject ?? '', parsed.text ?? '', parsed.html || ''].join('\u0000'),
    );
    const [duplicate, blocked] = await Promise.all([
      this.intake.hasEmailCopy(workspaceId, emailMessageId, contentHash),
      this.repo.blocked(workspaceId, fromAddress),
    ]);
    if (duplicate) {
      await this.repo.finishInbound(inbound.id, { status: 'duplicate' });
      return;
    }
    const automatic = automaticKind(header, fromAddress, rawHeader(parsed, 'content-type') ?? '');
    if (automatic === 'bounce' && (await this.linkBounce(inbound, emailMessageId))) return;
    const spam = flaggedAsSpam(header) || blocked;
    const contact = await this.contacts.findOrCreate(workspaceId, {
      email: fromAddress,
      name: sender?.name || undefined,
    });
    const { files, skipped } = this.attachments(parsed);
    const html = parsed.html ? sanitizeEmailHtml(parsed.html) : null;
    const input = {
      workspaceId,
      contact,
      text: (parsed.text ?? '').trim() || (html ? htmlToPlain(html) : ''),
      html,
      emailMessageId,
      emailContentHash: contentHash,
      data: {
        email: {
          inboundEmailId: inbound.id,
          from: fromAddress,
          to: parsed.to ? addresses(parsed.to) : inbound.envelopeTo,
          cc: parsed.cc ? addresses(parsed.cc) : [],
          subject: parsed.subject ?? '',
          date: parsed.date?.toISOString() ?? null,
          ...(automatic ? { automatic } : {}),
          ...(spam ? { spam: true } : {}),
          ...(skipped.length ? { skippedAttachments: skipped } : {}),
          ...(html && hasRemoteImages(html) ? { remoteImages: true } : {}),
          ...forwardingConfirmation(fromAddress, parsed.subject ?? '', parsed.text ?? ''),
        },
      },
      files,
    };
    const threadId = spam ? null : await this.thread(inbound, parsed, fromAddress);
    // Read before the conversation's events take the workspace's sequence row.
    const ackSettings =
      inbound.autoAck && !threadId && !spam && !automatic
        ? await this.outbound.settings(inbound.mailboxId)
        : null;
    const written = threadId
      ? await this.intake.appendFromCustomer(threadId, input)
      : await this.intake.openFromCustomer({
          ...input,
          mailboxId: spam ? await this.spamMailbox(workspaceId) : inbound.mailboxId,
          subject: parsed.subject?.trim() || fromAddress,
          channel: 'email',
          contact,
        });
    if (ackSettings?.autoAckEnabled)
      await this.acknowledge(inbound, ackSettings, fromAddress, contact.name, input.text, written);
    await this.repo.finishInbound(inbound.id, { status: 'processed', ...written });
  }

  /**
   * A delivery report about one of our replies: that reply is marked failed with the reason and
   * the report joins its conversation's timeline. False when it reports nothing we sent.
   */
  private async linkBounce(inbound: InboundToProcess, reportId: string): Promise<boolean> {
    const report = readBounceReport(inbound.raw, reportId);
    for (const id of report.messageIds) {
      const message = await this.intake.messageByEmailMessageId(inbound.workspaceId, id);
      const delivery = message ? await this.outbound.delivery(message.id) : null;
      if (!delivery) continue;
      const reason = report.reason ?? 'bounced';
      await this.outbound.updateDelivery(delivery.messageId, { status: 'failed', error: reason });
      await this.intake.setDelivery(inbound.workspaceId, delivery.messageId, {
        status: 'failed',
        error: reason,
      });
      await this.intake.systemActivity(inbound.workspaceId, delivery.conversationId, {
        action: 'bounce',
        messageId: delivery.messageId,
        reason,
        inboundEmailId: inbound.id,
      });
      await this.repo.finishInbound(inbound.id, {
        status: 'processed',
        conversationId: delivery.conversationId,
      });
      return true;
    }
    return false;
  }

  /**
   * The mailbox's auto-acknowledgement for a new conversation, in the customer's language — never
   * to our own addresses, a null reverse-path, or past the per-recipient budget (R12).
   */
  private async acknowledge(
    inbound: InboundToProcess,
    settings: MailboxEmailSettings,
    to: string,
    contactName: string | null,
    text: string,
    written: { conversationId: string },
  ): Promise<void> {
    if (!inbound.envelopeFrom || !(await this.budget.allows(inbound.workspaceId, to))) return;
    const context = await this.intake.ackContext(inbound.workspaceId, written.conversationId);
    const mailbox = context
      ? await this.mailboxes.find(inbound.workspaceId, context.mailboxId)
      : null;
    const language = /[\u0600-\u06FF]/.test(text) ? 'ar' : 'en';
    const template = (language === 'ar' ? settings.autoAckAr : settings.autoAckEn) ?? '';
    if (!context || !mailbox || !template.trim()) return;
    // An Arabic message shows the number in the workspace's digits (٠-٩ when chosen).
    const digits = (await this.members.workspaceLocale(inbound.workspaceId))?.digits ?? 'latn';
    const number =
      language === 'ar' ? withDigits(String(context.number), digits) : String(context.number);
    const body = fillPlaceholders(template, {
      'contact.name': contactName ?? to,
      'contact.email': to,
      'conversation.number': number,
      'conversation.subject': context.subject,
      // The inbox under its default name is "Inbox" in an English acknowledgement.
      'mailbox.name': mailboxNameIn(mailbox, language),
    });
    await this.intake.systemReply(inbound.workspaceId, written.conversationId, body, {
      autoAck: true,
      language,
    });
  }

  /**
   * The conversation this email continues: a Message-ID we know (the customer's earlier mail or
   * our reply), then our reply token — and only a conversation whose contact is this sender
   * (R13). The same subject alone never threads.
   */
  private async thread(
    inbound: InboundToProcess,
    parsed: ParsedMail,
    from: string,
  ): Promise<string | null> {
    const ws = inbound.workspaceId;
    const ids = referencedIds(parsed.inReplyTo, parsed.references);
    const candidates = [
      await this.intake.conversationByEmailMessageIds(ws, ids),
      ...ids.map((id) => REPLY_TOKEN.exec(id)?.[1] ?? null),
    ];
    for (const candidate of candidates) {
      if (!candidate) continue;
      const found = await this.intake.conversationOf(ws, candidate);
      if (!found?.contactId) continue;
      const contact = (await this.contacts.summaries(ws, [found.contactId])).get(found.contactId);
      if (contact?.emails.includes(from)) return found.id;
    }
    // No subject fallback: a From can be spoofed, so only references we issued or stored join
    // a conversation (R13); anything else opens a new one.
    return null;
  }

  /** Parts within MAX_ATTACHMENT_MB are kept; bigger ones are listed as skipped. */
  private attachments(parsed: ParsedMail): { files: UploadedFile[]; skipped: string[] } {
    const limit = this.config.maxAttachmentMb * 1024 * 1024;
    const files: UploadedFile[] = [];
    const skipped: string[] = [];
    for (const part of parsed.attachments) {
      const fileName = part.filename || `attachment-${files.length + 1}`;
      if (part.content.length > limit) {
        skipped.push(fileName);
        continue;
      }
      files.push({
        fileName,
        contentType: part.contentType || 'application/octet-stream',
        data: part.content,
        contentId: part.contentId ? part.contentId.replace(/^<|>$/g, '') : null,
      });
    }
    return { files, skipped };
  }

  /** Kept raw and shown as unreadable, with the source downloadable; never retried again. */
  private async keepUnreadable(inbound: InboundToProcess, reason: string): Promise<void> {
    this.logger.warn(`inbound email ${inbound.id} kept unreadable: ${reason}`);
    const from = normaliseEmail(inbound.envelopeFrom || '') || 'unknown@invalid';
    const contact = await this.contacts.findOrCreate(inbound.workspaceId, { email: from });
    const written = await this.intake.openFromCustomer({
      workspaceId: inbound.workspaceId,
      contact,
      mailboxId: inbound.mailboxId,
      subject: UNREADABLE_SUBJECT,
      channel: 'email',
      text: '',
      data: {
        email: {
          inboundEmailId: inbound.id,
          from,
          unreadable: true,
          error: reason.slice(0, 500),
        },
      },
    });
    await this.repo.finishInbound(inbound.id, {
      status: 'unparseable',
      error: reason.slice(0, 2000),
      ...written,
    });
  }

  private async spamMailbox(workspaceId: string): Promise<string> {
    await this.mailboxes.ensureDefaults(workspaceId);
    return (await this.mailboxes.systemMailbox(workspaceId, 'spam')).id;
  }
}

/**
 * Gmail's "confirm forwarding" email: the admin needs its code and link, so the thread shows
 * them prominently (and it must never be taken for spam or a bounce).
 */
function forwardingConfirmation(
  from: string,
  subject: string,
  text: string,
): { forwardingConfirmation?: { provider: 'gmail'; code: string | null; url: string | null } } {
  if (from !== 'forwarding-noreply@google.com') return {};
  const code = /\(#(\d+)\)/.exec(subject)?.[1] ?? /\b(\d{6,12})\b/.exec(text)?.[1] ?? null;
  const url = /https:\/\/mail(?:-settings)?\.google\.com\/\S+/.exec(text)?.[0] ?? null;
  return { forwardingConfirmation: { provider: 'gmail', code, url } };
}

/** Headers as written (not mailparser's structured forms), for the classification rules. */
function headerLookup(parsed: ParsedMail): (name: string) => string | undefined {
  return (name) => rawHeader(parsed, name);
}

/** A header as written (after unfolding), for the ones mailparser turns into objects. */
function rawHeader(parsed: ParsedMail, name: string): string | undefined {
  const line = parsed.headerLines.find((h) => h.key === name)?.line;
  return line
    ? line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n\s+/g, ' ')
        .trim()
    : undefined;
}

function addresses(value: ParsedMail['to']): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((group) =>
    group.value.flatMap((a) => (a.address ? [a.address.toLowerCase()] : [])),
  );
}

/** A plain-text fallback for HTML-only mail (search and previews). */
function htmlToPlain(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/tr|\/li|\/h\d)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
