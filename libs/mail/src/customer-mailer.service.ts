import { Inject, Injectable } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import type { Language } from '@sanad/contracts';
import { MailboxesService } from '@sanad/conversations';
import { mailboxNameIn } from '@sanad/conversations';
import { randomUUID } from 'node:crypto';
import { brandedEmailHtml, emailBrand } from './branded-email.layout';
import { failureReason, isPermanentFailure, MailTransports } from './mail-transport';
import { NO_OUTGOING_SERVER } from './outbound-mailer.service';
import { OutboundRepository } from './outbound.repository';

/** An email to a customer that belongs to no conversation (an NPS survey). */
export interface CustomerEmail {
  workspaceId: string;
  to: string;
  language: Language;
  subject: string;
  text: string;
  /** The message as trusted HTML (escaped by the caller); the branded layout goes around it. */
  bodyHtml: string;
}

export type CustomerSendResult =
  { sent: true; response: string } | { sent: false; permanent: boolean; reason: string };

/**
 * Sends an email to a customer outside any conversation, the way the workspace's replies go
 * out: through its inbox mailbox's outgoing server (its own SMTP settings, else SMTP_URL), from
 * its sender, with replies coming back to the inbox, in the workspace's branded layout, marked
 * as automatic (RFC 3834) so nobody's auto-responder answers it. One attempt: the caller keeps
 * the record and decides on retries.
 */
@Injectable()
export class CustomerMailer {
  constructor(
    private readonly repo: OutboundRepository,
    private readonly transports: MailTransports,
    private readonly mailboxes: MailboxesService,
    private readonly members: MemberDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(email: CustomerEmail): Promise<CustomerSendResult> {
    // A workspace nobody opened the mailboxes of yet has its system mailboxes made now.
    await this.mailboxes.ensureDefaults(email.workspaceId);
    const mailbox = await this.mailboxes.systemMailbox(email.workspaceId, 'inbox');
    const settings = await this.repo.settings(mailbox.id);
    const localPart = await this.repo.inboundLocalPart(mailbox.id);
    const inboundAddress = `${localPart ?? 'mailbox'}@${this.config.inboundDomain}`;
    const server = this.transports.server({ id: mailbox.id, inboundAddress }, settings);
    if (!server) return { sent: false, permanent: true, reason: NO_OUTGOING_SERVER };
    const workspace = await this.members.workspaceBrand(email.workspaceId);
    const brand = {
      ...emailBrand(workspace, this.config.publicUrl, mailbox.name),
      language: email.language,
    };
    const name = server.from.name ?? workspace?.name ?? mailboxNameIn(mailbox, email.language);
    const domain = server.from.address.slice(server.from.address.lastIndexOf('@') + 1);
    try {
      const info = (await server.transport.sendMail({
        from: { name, address: server.from.address },
        to: email.to,
        ...(localPart && inboundAddress !== server.from.address ? { replyTo: inboundAddress } : {}),
        subject: email.subject,
        messageId: `<${randomUUID()}@${domain || this.config.inboundDomain}>`,
        text: email.text,
        html: brandedEmailHtml(email.bodyHtml, brand),
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
        envelope: { from: server.from.address, to: [email.to] },
      })) as { response?: string };
      return { sent: true, response: (info.response ?? '').slice(0, 500) };
    } catch (error) {
      return { sent: false, permanent: isPermanentFailure(error), reason: failureReason(error) };
    }
  }
}
