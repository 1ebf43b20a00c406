import { AutoReplyBudget } from './auto-reply-budget.service';
import { ContactMailDataParticipant } from './contact-mail-data.participant';
import { ContactMailDataRepository } from './contact-mail-data.repository';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@sanad/accounts';
import { ContactsModule } from '@sanad/contacts';
import { ConversationsModule } from '@sanad/conversations';
import { BlockedSendersService } from './blocked-senders.service';
import { EmailOutboundChannel } from './email-outbound.channel';
import { EmailSettingsService } from './email-settings.service';
import { BlockedSender } from './entities/blocked-sender.entity';
import { EmailDelivery } from './entities/email-delivery.entity';
import { InboundEmail } from './entities/inbound-email.entity';
import { MailboxAddress } from './entities/mailbox-address.entity';
import { MailboxEmailSettings } from './entities/mailbox-email-settings.entity';
import { InboundEmailProcessor } from './inbound-email.processor';
import { InboundEmailsService } from './inbound-emails.service';
import { InboundStore } from './inbound-store.service';
import { MailTransports } from './mail-transport';
import { AdminNoticesMailer } from './admin-notices.mailer';
import { MailRepository } from './mail.repository';
import { OutboundMailer } from './outbound-mailer.service';
import { OutboundRepository } from './outbound.repository';
import { SealedSecretsCheck } from './sealed-secrets.check';
import { CustomerMailer } from './customer-mailer.service';

/**
 * The email channel: routing and storing inbound mail and processing it into conversations;
 * replies leaving as email with their delivery state; mailbox email settings; blocked senders.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      InboundEmail,
      MailboxAddress,
      MailboxEmailSettings,
      EmailDelivery,
      BlockedSender,
    ]),
    AccountsModule,
    ContactsModule,
    ConversationsModule,
  ],
  providers: [
    MailRepository,
    OutboundRepository,
    InboundStore,
    InboundEmailProcessor,
    InboundEmailsService,
    EmailOutboundChannel,
    MailTransports,
    AdminNoticesMailer,
    OutboundMailer,
    EmailSettingsService,
    BlockedSendersService,
    SealedSecretsCheck,
    ContactMailDataRepository,
    ContactMailDataParticipant,
    AutoReplyBudget,
    CustomerMailer,
  ],
  exports: [
    InboundStore,
    MailRepository,
    InboundEmailsService,
    InboundEmailProcessor,
    OutboundMailer,
    EmailSettingsService,
    BlockedSendersService,
    AutoReplyBudget,
    CustomerMailer,
  ],
})
export class MailLibModule {}
