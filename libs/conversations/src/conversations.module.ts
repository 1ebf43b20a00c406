import { ConversationSatisfaction } from './conversation/conversation-satisfaction.service';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@sanad/accounts';
import { ContactsModule } from '@sanad/contacts';
import { AttachmentsRepository } from './attachments/attachments.repository';
import { AttachmentsService } from './attachments/attachments.service';
import { ConversationAccess } from './conversation/conversation-access.service';
import { ConversationEventsPresenter } from './conversation/conversation-events.presenter';
import { ConversationViews } from './conversation/conversation-views.service';
import { ConversationWriter } from './conversation/conversation-writer.service';
import { ConversationRepository } from './conversation/conversation.repository';
import { Attachment } from './entities/attachment.entity';
import { ConversationFollower } from './entities/conversation-follower.entity';
import { ConversationTag } from './entities/conversation-tag.entity';
import { Conversation } from './entities/conversation.entity';
import { Mailbox } from './entities/mailbox.entity';
import { Message } from './entities/message.entity';
import { SavedReply } from './entities/saved-reply.entity';
import { Tag } from './entities/tag.entity';
import { TeamMember } from './entities/team-member.entity';
import { Team } from './entities/team.entity';
import { InboxRepository } from './inbox/inbox.repository';
import { InboxSearch } from './inbox/inbox-search.service';
import { InboxService } from './inbox/inbox.service';
import { ConversationsDataParticipant } from './intake/contact-data.participant';
import { ContactDataRepository } from './intake/contact-data.repository';
import { ContactConversationsParticipant } from './intake/contact-conversations.participant';
import { IntakeRepository } from './intake/intake.repository';
import { IntakeService } from './intake/intake.service';
import { OutboundChannels } from './intake/outbound-channels';
import { MailboxesRepository } from './mailboxes/mailboxes.repository';
import { MailboxesService } from './mailboxes/mailboxes.service';
import { SavedRepliesRepository } from './saved-replies/saved-replies.repository';
import { SavedRepliesService } from './saved-replies/saved-replies.service';
import { TagsRepository } from './tags/tags.repository';
import { TagsService } from './tags/tags.service';
import { TeamsRepository } from './teams/teams.repository';
import { TeamsService } from './teams/teams.service';
import { ApiConversationsService } from './thread/api-conversations.service';
import { ReportTimelinesRepository } from './reporting/report-timelines.repository';
import { ThreadRepository } from './thread/thread.repository';
import { ThreadService } from './thread/thread.service';
import { BulkService } from './triage/bulk.service';
import { MergeService } from './triage/merge.service';
import { SnoozeService } from './triage/snooze.service';
import { TriageRepository } from './triage/triage.repository';
import { TriageService } from './triage/triage.service';

/** What other libraries and the apps use. */
const SERVICES = [
  InboxService,
  ThreadService,
  ApiConversationsService,
  TriageService,
  BulkService,
  MergeService,
  SnoozeService,
  IntakeService,
  OutboundChannels,
  MailboxesService,
  TagsService,
  TeamsService,
  SavedRepliesService,
  AttachmentsService,
  ReportTimelinesRepository,
  ConversationSatisfaction,
];

/** The shared inbox: mailboxes, conversations and their messages, tags, teams, saved replies. */
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
    ...SERVICES,
    ConversationRepository,
    ConversationAccess,
    ConversationWriter,
    ConversationViews,
    ConversationEventsPresenter,
    InboxRepository,
    InboxSearch,
    ThreadRepository,
    TriageRepository,
    IntakeRepository,
    ContactConversationsParticipant,
    ConversationsDataParticipant,
    ContactDataRepository,
    MailboxesRepository,
    TagsRepository,
    TeamsRepository,
    SavedRepliesRepository,
    AttachmentsRepository,
  ],
  exports: SERVICES,
})
export class ConversationsModule {}
