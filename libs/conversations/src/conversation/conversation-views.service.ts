import { Injectable } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import { ContactsService } from '@sanad/contacts';
import type { ContactSummaryView, ConversationView, MessageView } from '@sanad/contracts';
import type { Attachment } from '../entities/attachment.entity';
import { AttachmentsService } from '../attachments/attachments.service';
import type { Conversation } from '../entities/conversation.entity';
import type { Message } from '../entities/message.entity';
import { ConversationRepository, type ConversationLabels } from './conversation.repository';
import { displayName, toConversationView, toMessageView } from './conversation-views.util';

/**
 * Views of conversations and messages, for a whole batch in a few queries: the contacts library
 * names the contacts, the member directory the agents.
 */
@Injectable()
export class ConversationViews {
  constructor(
    private readonly repo: ConversationRepository,
    private readonly contacts: ContactsService,
    private readonly members: MemberDirectory,
    private readonly attachments: AttachmentsService,
  ) {}

  /** With `known` labels (a list query that read them already), one query fewer. */
  async conversations(
    workspaceId: string,
    conversations: Conversation[],
    known?: Map<string, ConversationLabels>,
  ): Promise<ConversationView[]> {
    if (conversations.length === 0) return [];
    const [labels, contacts, names] = await Promise.all([
      known ??
        this.repo.labels(
          workspaceId,
          conversations.map((c) => c.id),
        ),
      this.contacts.summaries(
        workspaceId,
        conversations.flatMap((c) => (c.contactId ? [c.contactId] : [])),
      ),
      this.members.names(
        workspaceId,
        conversations.flatMap((c) => (c.assigneeId ? [c.assigneeId] : [])),
      ),
    ]);
    return this.assemble(conversations, labels, contacts, names);
  }

  /**
   * A conversation with its messages: the names and contacts of both are read together, so the
   * whole thread costs four queries side by side.
   */
  async detail(
    workspaceId: string,
    conversation: Conversation,
    messages: Message[],
  ): Promise<{ conversation: ConversationView; messages: MessageView[] }> {
    const [labels, contacts, names, files] = await Promise.all([
      this.repo.labels(workspaceId, [conversation.id]),
      this.contacts.summaries(workspaceId, [
        ...(conversation.contactId ? [conversation.contactId] : []),
        ...messages.flatMap((m) => (m.authorContactId ? [m.authorContactId] : [])),
      ]),
      this.members.names(workspaceId, [
        ...(conversation.assigneeId ? [conversation.assigneeId] : []),
        ...messages.flatMap(authorAndMentions),
      ]),
      this.attachments.forMessages(
        workspaceId,
        messages.filter((m) => m.kind !== 'activity').map((m) => m.id),
      ),
    ]);
    return {
      conversation: this.assemble([conversation], labels, contacts, names)[0],
      messages: messages.map((m) => messageView(m, names, contacts, files)),
    };
  }

  private assemble(
    conversations: Conversation[],
    labels: Map<string, ConversationLabels>,
    contacts: Map<string, ContactSummaryView>,
    names: Map<string, string>,
  ): ConversationView[] {
    return conversations.map((c) => {
      const label = labels.get(c.id);
      const assignee = c.assigneeId ? names.get(c.assigneeId) : undefined;
      return toConversationView({
        conversation: c,
        contact: (c.contactId && contacts.get(c.contactId)) || null,
        assignee:
          c.assigneeId && assignee !== undefined ? { id: c.assigneeId, name: assignee } : null,
        team: c.teamId && label?.teamName ? { id: c.teamId, name: label.teamName } : null,
        tags: label?.tags ?? [],
        followers: label?.followers ?? [],
      });
    });
  }

  async conversation(workspaceId: string, conversation: Conversation): Promise<ConversationView> {
    return (await this.conversations(workspaceId, [conversation]))[0];
  }

  /** Views of the conversations that still exist among these ids. */
  async conversationsById(
    workspaceId: string,
    ids: string[],
  ): Promise<Map<string, ConversationView>> {
    const found = await this.repo.findMany(workspaceId, [...new Set(ids)]);
    const views = await this.conversations(workspaceId, found);
    return new Map(views.map((v) => [v.id, v]));
  }

  /** Authors by their own ids: after a merge, one thread can hold messages of two contacts. */
  async messages(workspaceId: string, messages: Message[]): Promise<MessageView[]> {
    if (messages.length === 0) return [];
    const [users, files, contacts] = await Promise.all([
      this.members.names(workspaceId, messages.flatMap(authorAndMentions)),
      this.attachments.forMessages(
        workspaceId,
        messages.filter((m) => m.kind !== 'activity').map((m) => m.id),
      ),
      this.contacts.summaries(
        workspaceId,
        messages.flatMap((m) => (m.authorContactId ? [m.authorContactId] : [])),
      ),
    ]);
    return messages.map((m) => messageView(m, users, contacts, files));
  }

  async message(workspaceId: string, message: Message): Promise<MessageView> {
    return (await this.messages(workspaceId, [message]))[0];
  }

  async messagesById(workspaceId: string, ids: string[]): Promise<Map<string, MessageView>> {
    const found = await this.repo.findMessages(workspaceId, [...new Set(ids)]);
    const views = await this.messages(workspaceId, found);
    return new Map(views.map((v) => [v.id, v]));
  }
}

/** Members a message names: its author and those it @mentions. */
function authorAndMentions(m: Message): string[] {
  return [
    ...(m.authorUserId ? [m.authorUserId] : []),
    ...(Array.isArray(m.data.mentions) ? (m.data.mentions as string[]) : []),
  ];
}

function messageView(
  m: Message,
  users: Map<string, string>,
  contacts: Map<string, ContactSummaryView>,
  files: Map<string, Attachment[]>,
): MessageView {
  return toMessageView(
    m,
    {
      users,
      contactName: m.authorContactId ? displayName(contacts.get(m.authorContactId)) : null,
    },
    files.get(m.id) ?? [],
  );
}
