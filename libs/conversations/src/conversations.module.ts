import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactsModule } from '@sanad/contacts';
import { ConversationsRepository } from './conversations.repository';
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
    ]),
    ContactsModule,
  ],
  providers: [
    ConversationsRepository,
    ConversationsService,
    MailboxesService,
    SavedRepliesService,
    TagsService,
    TeamsService,
  ],
  exports: [ConversationsService, MailboxesService, SavedRepliesService, TagsService, TeamsService],
})
export class ConversationsModule {}
