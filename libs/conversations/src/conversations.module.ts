import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@sanad/accounts';
import { ContactsModule } from '@sanad/contacts';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { ConversationsRepository } from './conversations.repository';
import { Attachment } from './entities/attachment.entity';
import { ConversationsService } from './conversations.service';
import { ConversationFollower } from './entities/conversation-follower.entity';
import { SavedReply } from './entities/saved-reply.entity';
import { TeamMember } from './entities/team-member.entity';
import { Team } from './entities/team.entity';
import { ConversationTag } from './entities/conversation-tag.entity';
import { Conversation } from './entities/conversation.entity';
import { Mailbox } from './entities/mailbox.entity';
import { Message } from './entities/message.entity';
import { Tag } from './entities/tag.entity';
import { MailboxesService } from './mailboxes.service';
import { OutboundChannels } from './outbound-channels';
import { SavedRepliesService } from './saved-replies.service';
import { TagsService } from './tags.service';
import { TeamsService } from './teams.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Mailbox,
      Conversation,
      Message,
      Tag,
      ConversationTag,
      ConversationFollower,
      SavedReply,
      Team,
      TeamMember,
      Attachment,
    ]),
    ContactsModule,
    AccountsModule,
  ],
  providers: [
    ConversationsRepository,
    ConversationsService,
    MailboxesService,
    SavedRepliesService,
    TagsService,
    TeamsService,
    AttachmentsRepository,
    AttachmentsService,
    OutboundChannels,
  ],
  exports: [
    OutboundChannels,
    AttachmentsService,
    ConversationsService,
    MailboxesService,
    SavedRepliesService,
    TagsService,
    TeamsService,
  ],
})
export class ConversationsModule {}
