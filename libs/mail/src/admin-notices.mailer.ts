import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import type { Language, WebhookDisabledFacts } from '@sanad/contracts';
import { OutboxDispatcher, type DomainEvent, type OutboxConsumer } from '@sanad/queue';
import { MailTransports } from './mail-transport';

const REASONS: Record<WebhookDisabledFacts['reason'], Record<Language, string>> = {
  gone: {
    ar: 'أجاب الخادم المستقبِل بالرمز 410 (Gone)، أي أنه لم يعد يريد هذه الأحداث.',
    en: 'The receiving server answered 410 Gone: it no longer wants these events.',
  },
  failing: {
    ar: 'فشلت كل محاولات التسليم إليه لعدة أيام متتالية.',
    en: 'Every delivery to it failed for several days in a row.',
  },
};

/**
 * Emails the workspace's owners and admins about what Sanad did on its own that they must act
 * on — today, a webhook endpoint it disabled — when the installation has an outgoing server
 * (SMTP_URL). Each admin gets it in their language. At least once: a retry may send it twice.
 */
@Injectable()
export class AdminNoticesMailer implements OutboxConsumer<'webhook.disabled'>, OnModuleInit {
  readonly name = 'mail.admin_notices';
  readonly types = ['webhook.disabled'] as const;
  private readonly logger = new Logger('AdminNotices');

  constructor(
    private readonly transports: MailTransports,
    private readonly members: MemberDirectory,
    private readonly dispatcher: OutboxDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(this);
  }

  async handle(event: DomainEvent<'webhook.disabled'>): Promise<void> {
    const transport = this.transports.installation();
    if (!transport || !event.workspaceId) return;
    const from = this.config.mailFrom ?? `no-reply@${this.config.inboundDomain}`;
    const link = `${this.config.publicUrl.replace(/\/$/, '')}/settings/webhooks/${event.payload.endpointId}`;
    for (const admin of await this.members.admins(event.workspaceId)) {
      const text = noticeText(admin.language, event.payload, link);
      await transport.sendMail({ from, to: admin.email, subject: text.subject, text: text.body });
    }
    this.logger.log(`told the admins that webhook ${event.payload.endpointId} was disabled`);
  }
}

function noticeText(
  language: Language,
  facts: WebhookDisabledFacts,
  link: string,
): { subject: string; body: string } {
  const reason = REASONS[facts.reason][language];
  return language === 'ar'
    ? {
        subject: 'سند: تم إيقاف خطاف',
        body: `أوقف سند إرسال الأحداث إلى الخطاف:\n${facts.url}\n\n${reason}\n\nلن تصل إليه أحداث جديدة حتى تستأنفه، ويمكنك بعد ذلك إعادة إرسال ما فشل:\n${link}\n`,
      }
    : {
        subject: 'Sanad: a webhook was disabled',
        body: `Sanad stopped sending events to the webhook:\n${facts.url}\n\n${reason}\n\nNo new events reach it until you resume it; you can then replay what failed:\n${link}\n`,
      };
}
