import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactsModule } from '@sanad/contacts';
import { ConversationsModule } from '@sanad/conversations';
import { InboundEmail } from './entities/inbound-email.entity';
import { MailboxAddress } from './entities/mailbox-address.entity';
import { InboundEmailProcessor } from './inbound-email.processor';
import { InboundEmailsService } from './inbound-emails.service';
import { InboundStore } from './inbound-store.service';
import { MailRepository } from './mail.repository';

/** The email channel: routing and storing inbound mail, and processing it into conversations. */
@Module({
  imports: [
    TypeOrmModule.forFeature([InboundEmail, MailboxAddress]),
    ContactsModule,
    ConversationsModule,
  ],
  providers: [MailRepository, InboundStore, InboundEmailProcessor, InboundEmailsService],
  exports: [InboundStore, MailRepository, InboundEmailsService, InboundEmailProcessor],
})
export class MailLibModule {}
