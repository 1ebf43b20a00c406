import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import type { MailboxEmailSettingsView, TestEmailResultView } from '@sanad/contracts';
import { MailboxesService } from '@sanad/conversations';
import { DomainError, cleanText, normaliseEmail, sealSecret } from '@sanad/core';
import type { AddressDto, UpdateEmailSettingsDto } from './dto/email-settings.dto';
import type { MailboxEmailSettings } from './entities/mailbox-email-settings.entity';
import { MailTransports, createTransport, failureReason } from './mail-transport';
import { MailRepository } from './mail.repository';
import { OutboundRepository } from './outbound.repository';

/** Filled when an admin switches auto-acknowledgement on without writing their own text. */
export const DEFAULT_AUTO_ACK = {
  ar: 'مرحباً {{contact.name}}،\n\nشكراً لتواصلك معنا. استلمنا رسالتك وسجّلناها برقم #{{conversation.number}}، وسيرد عليك أحد أعضاء فريقنا في أقرب وقت.\n\n{{mailbox.name}}',
  en: 'Hello {{contact.name}},\n\nThanks for writing to us. We received your message as #{{conversation.number}} and one of our team will reply soon.\n\n{{mailbox.name}}',
};

/** Admins' email setup of a mailbox: addresses, outgoing server, sender, auto-acknowledgement. */
@Injectable()
export class EmailSettingsService {
  constructor(
    private readonly mailboxes: MailboxesService,
    private readonly mail: MailRepository,
    private readonly repo: OutboundRepository,
    private readonly transports: MailTransports,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(workspaceId: string, mailboxId: string): Promise<MailboxEmailSettingsView> {
    await this.mailboxes.get(workspaceId, mailboxId);
    const settings = await this.repo.settings(mailboxId);
    return this.view(workspaceId, mailboxId, settings);
  }

  async update(
    workspaceId: string,
    mailboxId: string,
    dto: UpdateEmailSettingsDto,
  ): Promise<MailboxEmailSettingsView> {
    await this.mailboxes.get(workspaceId, mailboxId);
    const settings =
      (await this.repo.settings(mailboxId)) ?? this.repo.newSettings(workspaceId, mailboxId);
    if (dto.smtpHost !== undefined) settings.smtpHost = dto.smtpHost?.toLowerCase() ?? null;
    if (dto.smtpPort !== undefined) settings.smtpPort = dto.smtpPort;
    if (dto.smtpSecurity !== undefined) settings.smtpSecurity = dto.smtpSecurity;
    if (dto.smtpUser !== undefined) settings.smtpUser = dto.smtpUser?.trim() || null;
    if (dto.smtpPassword !== undefined)
      settings.smtpPasswordEnc = dto.smtpPassword
        ? sealSecret(this.config.appSecret, dto.smtpPassword)
        : null;
    if (settings.smtpPasswordEnc && !settings.smtpUser)
      throw new DomainError('email/smtp_password_without_user', {}, [
        { field: 'smtpUser', code: 'isNotEmpty' },
      ]);
    if (dto.fromName !== undefined)
      settings.fromName = dto.fromName ? cleanText(dto.fromName) : null;
    if (dto.fromAddress !== undefined)
      settings.fromAddress = dto.fromAddress ? normaliseEmail(dto.fromAddress) : null;
    if (dto.autoAckAr !== undefined) settings.autoAckAr = dto.autoAckAr?.trim() || null;
    if (dto.autoAckEn !== undefined) settings.autoAckEn = dto.autoAckEn?.trim() || null;
    if (dto.autoAckEnabled !== undefined) {
      settings.autoAckEnabled = dto.autoAckEnabled;
      if (dto.autoAckEnabled) {
        settings.autoAckAr ??= DEFAULT_AUTO_ACK.ar;
        settings.autoAckEn ??= DEFAULT_AUTO_ACK.en;
      }
    }
    const saved = await this.repo.saveSettings(settings);
    return this.view(workspaceId, mailboxId, saved);
  }

  /** Attaches another address (support@company.com) so mail sent to it reaches this mailbox. */
  async addAddress(
    workspaceId: string,
    mailboxId: string,
    dto: AddressDto,
  ): Promise<MailboxEmailSettingsView> {
    const mailbox = await this.mailboxes.get(workspaceId, mailboxId);
    if (mailbox.kind === 'spam') throw new DomainError('mailbox/system');
    const address = normaliseEmail(dto.address);
    const domain = address.slice(address.lastIndexOf('@') + 1);
    // Addresses under INBOUND_DOMAIN are the slugs' own; nobody claims one by hand.
    if (
      domain === this.config.inboundDomain ||
      !(await this.mail.addAddress(workspaceId, mailboxId, address))
    )
      throw new DomainError('email/address_taken', {}, [{ field: 'address', code: 'taken' }]);
    return this.get(workspaceId, mailboxId);
  }

  async removeAddress(
    workspaceId: string,
    mailboxId: string,
    address: string,
  ): Promise<MailboxEmailSettingsView> {
    await this.mailboxes.get(workspaceId, mailboxId);
    await this.mail.removeAddress(workspaceId, mailboxId, normaliseEmail(address));
    return this.get(workspaceId, mailboxId);
  }

  /** Sends a short bilingual email through the mailbox's outgoing server, now, and says how it went. */
  async sendTest(workspaceId: string, mailboxId: string, to: string): Promise<TestEmailResultView> {
    const mailbox = await this.mailboxes.get(workspaceId, mailboxId);
    const settings = await this.repo.settings(mailboxId);
    const inboundAddress = await this.inboundAddress(workspaceId, mailboxId);
    const server = this.transports.server(
      {
        id: `test:${mailboxId}`,
        inboundAddress: inboundAddress ?? `mailbox@${this.config.inboundDomain}`,
      },
      settings,
    );
    if (!server) throw new DomainError('email/no_outgoing_server');
    // A fresh connection, so the test says whether the settings work now, not a pooled past.
    const own = settings ? this.transports.ownServer(settings) : null;
    const transport = own ? createTransport(own) : server.transport;
    try {
      const info = (await transport.sendMail({
        from: { name: server.from.name ?? mailbox.name, address: server.from.address },
        to,
        subject: `سند: رسالة اختبار — Sanad test email (${mailbox.name})`,
        text: `هذه رسالة اختبار من صندوق «${mailbox.name}» في سند. إعدادات البريد الصادر تعمل.\n\nThis is a test email from the “${mailbox.name}” mailbox in Sanad. Outgoing mail works.`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      })) as { response?: string };
      return { sent: true, response: (info.response ?? '').slice(0, 500) };
    } catch (error) {
      throw new DomainError('email/test_failed', { reason: failureReason(error) });
    } finally {
      if (own) transport.close();
    }
  }

  private async inboundAddress(workspaceId: string, mailboxId: string): Promise<string | null> {
    return this.fullAddress(await this.mail.mailboxAddresses(workspaceId, mailboxId));
  }

  /** `<local part>@INBOUND_DOMAIN` of the mailbox's inbound address, if it has one. */
  private fullAddress(addresses: Array<{ kind: string; address: string }>): string | null {
    const inbound = addresses.find((a) => a.kind === 'inbound');
    return inbound ? `${inbound.address}@${this.config.inboundDomain}` : null;
  }

  private async view(
    workspaceId: string,
    mailboxId: string,
    settings: MailboxEmailSettings | null,
  ): Promise<MailboxEmailSettingsView> {
    const addresses = await this.mail.mailboxAddresses(workspaceId, mailboxId);
    return {
      mailboxId,
      inboundAddress: this.fullAddress(addresses),
      customAddresses: addresses.filter((a) => a.kind === 'custom').map((a) => a.address),
      smtp: {
        host: settings?.smtpHost ?? null,
        port: settings?.smtpPort ?? null,
        security: settings?.smtpSecurity ?? 'starttls',
        user: settings?.smtpUser ?? null,
        passwordSet: !!settings?.smtpPasswordEnc,
      },
      fromName: settings?.fromName ?? null,
      fromAddress: settings?.fromAddress ?? null,
      outgoing: settings?.smtpHost ? 'mailbox' : this.config.smtpUrl ? 'global' : 'none',
      autoAck: {
        enabled: settings?.autoAckEnabled ?? false,
        ar: settings?.autoAckAr ?? null,
        en: settings?.autoAckEn ?? null,
      },
    };
  }
}
