import { Injectable } from '@nestjs/common';
import { canSeeMailbox, mailboxScope, type Principal } from '@sanad/accounts';
import { ContactsService } from '@sanad/contacts';
import type {
  AttachmentView,
  BulkResultView,
  Channel,
  Priority,
  ConversationDetailView,
  ConversationView,
  EventsPageView,
  MentionView,
  MessageView,
  PageView,
  ViewCountsView,
} from '@sanad/contracts';
import { DomainError, cleanText, searchText, sha256Hex } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import type { EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, type ConversationQuery } from './conversation-query';
import {
  CONVERSATION_CREATED,
  CONVERSATION_MERGED,
  CONVERSATION_UPDATED,
  MENTION_CREATED,
  MESSAGE_CREATED,
  MESSAGE_UPDATED,
} from './conversations.events';
import { AttachmentsService, type UploadedFile } from './attachments.service';
import { ConversationsRepository, type ConversationRow } from './conversations.repository';
import { toConversationView, toMessageView } from './conversations.views';
import type { BulkUpdateDto } from './dto/bulk.dto';
import type { CreateConversationDto } from './dto/create-conversation.dto';
import type { ListConversationsDto } from './dto/list-conversations.dto';
import type { CustomerMessageDto, MessageBodyDto, NoteDto, ReplyDto } from './dto/reply.dto';
import type { UpdateConversationDto } from './dto/update-conversation.dto';
import type { Conversation } from './entities/conversation.entity';
import type { Message } from './entities/message.entity';
import { MailboxesService } from './mailboxes.service';
import { OutboundChannels } from './outbound-channels';
import { snippet } from './snippet.util';
import { TeamsService } from './teams.service';

/** A customer's message as a channel hands it over. */
/** The customer behind an inbound message, as the channel found or created them. */
export interface InboundContact {
  id: string;
  name: string | null;
  emails: string[];
  phones: string[];
  externalId: string | null;
}

export interface InboundMessage {
  workspaceId: string;
  contact: InboundContact;
  text: string;
  html?: string | null;
  emailMessageId?: string | null;
  data?: Record<string, unknown>;
  files?: UploadedFile[];
}

/** What a writer already holds, so its event is built without reading it back. */
interface PreparedViews {
  row?: ConversationRow;
  message?: MessageView;
}

/** How many of a hit's newest messages are searched for its snippet. */
const SNIPPET_MESSAGES = 30;

/** The shared inbox: conversations, their messages and timeline, views and search. */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly repo: ConversationsRepository,
    private readonly mailboxes: MailboxesService,
    private readonly contacts: ContactsService,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly teams: TeamsService,
    private readonly attachments: AttachmentsService,
    private readonly outbound: OutboundChannels,
  ) {}

  async list(principal: Principal, dto: ListConversationsDto): Promise<PageView<ConversationView>> {
    const limit = dto.limit ?? 25;
    const cursor = dto.cursor ? decodeCursor(dto.cursor) : undefined;
    if (cursor === null)
      throw new DomainError('request/invalid_cursor', {}, [
        { field: 'cursor', code: 'invalidCursor' },
      ]);
    const q = dto.q ? cleanText(dto.q) : '';
    const query: ConversationQuery = {
      view: dto.view ?? 'all',
      mailboxIds: principal.mailboxIds,
      mailboxId: dto.mailboxId,
      contactId: dto.contactId,
      teamId: dto.teamId,
      number: dto.number,
      statuses: dto.status,
      channel: dto.channel,
      assigneeId: dto.assigneeId?.toLowerCase(),
      tag: dto.tag,
      priority: dto.priority,
      createdFrom: dto.from,
      createdTo: dto.to,
      search: q ? { simple: searchText(q), english: q } : undefined,
      cursor,
      limit: limit + 1,
    };
    const rows = await this.repo.list(principal.workspaceId, principal.userId, query);
    const page = rows.slice(0, limit);
    const items = page.map(toConversationView);
    if (q) await this.addSnippets(principal.workspaceId, items, q);
    const last = page[page.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit && last
          ? encodeCursor(last.conversation.lastMessageAt, last.conversation.id)
          : null,
    };
  }

  async counts(principal: Principal): Promise<ViewCountsView> {
    return this.repo.viewCounts(principal.workspaceId, principal.userId, principal.mailboxIds);
  }

  async get(principal: Principal, id: string): Promise<ConversationDetailView> {
    // One snapshot, so the status never lags behind a message that changed it.
    const { conversation, messages } = await this.tx.snapshot(async (manager) => ({
      conversation: await this.repo.findConversation(principal.workspaceId, id, manager),
      messages: await this.repo.listMessages(principal.workspaceId, id, manager),
    }));
    if (!conversation || !canSeeMailbox(principal, conversation.mailboxId))
      throw new DomainError('conversation/not_found');
    const [row] = await this.rows(principal.workspaceId, [conversation]);
    return {
      conversation: toConversationView(row),
      messages: await this.messageViews(principal.workspaceId, messages),
    };
  }

  /** API channel. With an Idempotency-Key, a repeated request answers what the first one did. */
  async createFromApi(
    principal: Principal,
    dto: CreateConversationDto,
    idempotencyKey?: string,
  ): Promise<ConversationDetailView> {
    const { contact: identity } = dto;
    if (!identity.email && !identity.phone && !identity.externalId) {
      throw new DomainError('request/validation', {}, [
        { field: 'contact', code: 'contactIdentity' },
      ]);
    }
    const requestHash = sha256Hex(JSON.stringify(dto));
    const conversationId = await this.tx.run<string>(async (manager) => {
      if (idempotencyKey) {
        const claim = await this.repo.claimIdempotencyKey(
          principal.workspaceId,
          idempotencyKey,
          requestHash,
          manager,
        );
        if (!claim.claimed) {
          if (claim.requestHash !== requestHash)
            throw new DomainError('request/idempotency_conflict');
          return (claim.response as { conversationId: string }).conversationId;
        }
      }
      await this.mailboxes.ensureDefaults(principal.workspaceId, manager);
      const mailbox = dto.mailboxId
        ? await this.mailboxes.visible(principal, dto.mailboxId, manager)
        : await this.repo.findMailboxByKind(principal.workspaceId, 'inbox', manager);
      if (!mailbox || !canSeeMailbox(principal, mailbox.id))
        throw new DomainError('mailbox/not_found');
      if (mailbox.archivedAt) throw new DomainError('mailbox/archived');
      const contact = await this.contacts.findOrCreate(principal.workspaceId, identity, manager);
      const conversation = await this.startConversation(
        {
          workspaceId: principal.workspaceId,
          subject: dto.subject,
          channel: 'api',
          mailboxId: mailbox.id,
          contact,
          priority: dto.priority,
        },
        manager,
      );
      const message = await this.writeMessage(
        principal,
        conversation,
        { kind: 'reply', authorType: 'contact', authorContactId: contact.id },
        dto,
        manager,
      );
      await this.emit(manager, conversation, CONVERSATION_CREATED, message);
      if (idempotencyKey)
        await this.repo.storeIdempotentResponse(
          principal.workspaceId,
          idempotencyKey,
          { conversationId: conversation.id },
          manager,
        );
      return conversation.id;
    });
    return this.get(principal, conversationId);
  }

  /**
   * A public reply by an agent. With `lastSeenMessageId`, newer public messages by anyone else
   * refuse the reply (409 with those messages) unless `force` is set: the reply guard.
   */
  async reply(principal: Principal, id: string, dto: ReplyDto): Promise<MessageView> {
    return this.tx.run(async (manager) => {
      const conversation = await this.lockConversation(principal, id, manager);
      if (dto.lastSeenMessageId && !dto.force) {
        const seen = await this.repo.findMessage(
          principal.workspaceId,
          id,
          dto.lastSeenMessageId,
          manager,
        );
        if (!seen)
          throw new DomainError('message/not_found', {}, [
            { field: 'lastSeenMessageId', code: 'unknownMessage' },
          ]);
        const newer = await this.repo.newerPublicMessages(id, seen.id, principal.userId, manager);
        if (newer.length > 0) {
          throw new DomainError('conversation/stale_reply', {}, [], {
            messages: await this.messageViews(principal.workspaceId, newer),
          });
        }
      }
      const now = new Date();
      const message = await this.writeMessage(
        principal,
        conversation,
        { kind: 'reply', authorType: 'user', authorUserId: principal.userId },
        dto,
        manager,
      );
      await this.queueOutbound(conversation, message, false, manager);
      conversation.lastPublicFrom = 'user';
      conversation.lastAgentReplyAt = now;
      conversation.firstAgentReplyAt ??= now;
      conversation.lastMessageAt = now;
      const activity =
        dto.status && dto.status !== conversation.status
          ? this.applyStatus(conversation, dto.status, now)
          : null;
      await this.repo.saveConversation(conversation, manager);
      if (activity) await this.activity(principal, conversation, activity, manager);
      await this.emit(manager, conversation, CONVERSATION_UPDATED, message);
      return (await this.messageViews(principal.workspaceId, [message], manager))[0];
    });
  }

  /** An internal note; @mentioned members follow the conversation and are told on their sockets. */
  async note(principal: Principal, id: string, dto: NoteDto): Promise<MessageView> {
    return this.tx.run(async (manager) => {
      const conversation = await this.lockConversation(principal, id, manager);
      const mentions = await this.mentionable(principal, conversation, dto.mentions ?? []);
      const message = await this.writeMessage(
        principal,
        conversation,
        {
          kind: 'note',
          authorType: 'user',
          authorUserId: principal.userId,
          data: mentions.length > 0 ? { mentions: mentions.map((m) => m.id) } : {},
        },
        dto,
        manager,
      );
      for (const mention of mentions)
        await this.repo.follow(principal.workspaceId, id, mention.id, true, manager);
      await this.emit(manager, conversation, CONVERSATION_UPDATED, message);
      const author = (await this.repo.userNames(principal.workspaceId, [principal.userId])).get(
        principal.userId,
      );
      for (const mention of mentions.filter((m) => m.id !== principal.userId)) {
        const view: MentionView = {
          conversationId: id,
          conversationNumber: conversation.number,
          subject: conversation.subject,
          messageId: message.id,
          by: { id: principal.userId, name: author ?? '' },
          text: message.bodyText.slice(0, 280),
        };
        await this.outbox.write(manager, {
          workspaceId: principal.workspaceId,
          type: MENTION_CREATED,
          payload: { mailboxId: conversation.mailboxId, userId: mention.id, mention: view },
        });
      }
      return (await this.messageViews(principal.workspaceId, [message], manager))[0];
    });
  }

  /** API channel: the customer wrote again; a pending or closed conversation reopens. */
  async customerMessage(
    principal: Principal,
    id: string,
    dto: CustomerMessageDto,
  ): Promise<MessageView> {
    return this.tx.run(async (manager) => {
      const conversation = await this.lockConversation(principal, id, manager);
      const message = await this.writeMessage(
        principal,
        conversation,
        { kind: 'reply', authorType: 'contact', authorContactId: conversation.contactId },
        dto,
        manager,
      );
      await this.customerWrote(conversation, message, manager);
      return (await this.messageViews(principal.workspaceId, [message], manager))[0];
    });
  }

  /**
   * A customer's email (later chat or form) that starts a conversation, inside the caller's
   * transaction (the inbound processor's, which holds its receipt).
   */
  async openFromCustomer(
    input: InboundMessage & {
      mailboxId: string;
      subject: string;
      channel: Channel;
    },
    manager: EntityManager,
  ): Promise<{ conversationId: string; messageId: string }> {
    // Subject, contact and first message are indexed in one update (each one rewrites the row
    // and every index of conversations).
    const conversation = await this.startConversation(input, manager, { indexNow: false });
    const { message, view } = await this.writeInbound(
      conversation,
      input,
      manager,
      headerText(conversation, input.contact),
    );
    // A conversation this new has no tags, followers, team or assignee to look up.
    const { id, name, emails, phones, externalId } = input.contact;
    const row = {
      conversation,
      contact: { id, name, emails, phones, externalId },
      assignee: null,
      team: null,
      tags: [],
      followers: [],
    };
    await this.emit(manager, conversation, CONVERSATION_CREATED, message, undefined, {
      row,
      message: view,
    });
    return { conversationId: conversation.id, messageId: message.id };
  }

  /** A customer's email in an existing conversation: it reopens if pending or closed. */
  async appendFromCustomer(
    conversationId: string,
    input: InboundMessage,
    manager: EntityManager,
  ): Promise<{ conversationId: string; messageId: string }> {
    const conversation = await this.repo.findConversation(
      input.workspaceId,
      conversationId,
      manager,
      true,
    );
    if (!conversation) throw new DomainError('conversation/not_found');
    const { message, view } = await this.writeInbound(conversation, input, manager);
    await this.customerWrote(conversation, message, manager, view);
    return { conversationId: conversation.id, messageId: message.id };
  }

  /** Status, priority, assignee, mailbox and tags; every change becomes a timeline entry. */
  async update(
    principal: Principal,
    id: string,
    dto: UpdateConversationDto,
  ): Promise<ConversationView> {
    const conversation = await this.tx.run(async (manager) => {
      const c = await this.lockConversation(principal, id, manager);
      const now = new Date();
      const changes: Array<Record<string, unknown>> = [];
      let movedFrom: string | undefined;
      if (dto.status !== undefined && dto.status !== c.status)
        changes.push(this.applyStatus(c, dto.status, now));
      if (dto.snoozedUntil !== undefined)
        changes.push(...this.applySnooze(c, dto.snoozedUntil, now));
      else if (dto.status !== undefined && dto.status !== 'pending' && c.snoozedUntil)
        changes.push(...this.applySnooze(c, null, now));
      if (dto.priority !== undefined && dto.priority !== c.priority) {
        changes.push({ action: 'priority', from: c.priority, to: dto.priority });
        c.priority = dto.priority;
      }
      if (dto.assigneeId !== undefined && dto.assigneeId !== c.assigneeId) {
        if (dto.assigneeId !== null && !(await this.canWorkOn(c, dto.assigneeId))) {
          throw new DomainError('conversation/assignee_invalid', {}, [
            { field: 'assigneeId', code: 'assigneeInvalid' },
          ]);
        }
        changes.push({ action: 'assignee', from: c.assigneeId, to: dto.assigneeId });
        c.assigneeId = dto.assigneeId;
      }
      if (dto.mailboxId !== undefined && dto.mailboxId !== c.mailboxId) {
        const target = await this.mailboxes.visible(principal, dto.mailboxId, manager);
        if (target.archivedAt) throw new DomainError('mailbox/archived');
        changes.push({ action: 'mailbox', from: c.mailboxId, to: target.id });
        movedFrom = c.mailboxId;
        c.mailboxId = target.id;
      }
      if (dto.spam !== undefined) {
        const moved = await this.applySpam(principal, c, dto.spam, manager);
        if (moved) {
          changes.push(moved);
          movedFrom ??= moved.from as string;
        }
      }
      if (dto.teamId !== undefined && dto.teamId !== c.teamId) {
        if (
          dto.teamId !== null &&
          !(await this.teams.exists(principal.workspaceId, dto.teamId, manager))
        ) {
          throw new DomainError('team/not_found', {}, [{ field: 'teamId', code: 'unknownTeam' }]);
        }
        changes.push({ action: 'team', from: c.teamId, to: dto.teamId });
        c.teamId = dto.teamId;
      }
      if (dto.tags !== undefined) {
        // Case-insensitive de-duplication; the first spelling given wins.
        const names = [
          ...new Map(
            dto.tags
              .map((t) => cleanText(t))
              .filter(Boolean)
              .reverse()
              .map((t) => [t.toLowerCase(), t]),
          ).values(),
        ].reverse();
        const before = await this.repo.conversationTagNames(c.id, manager);
        const tags = await this.repo.upsertTags(principal.workspaceId, names, manager);
        await this.repo.setConversationTags(
          principal.workspaceId,
          c.id,
          tags.map((t) => t.id),
          manager,
        );
        const after = await this.repo.conversationTagNames(c.id, manager);
        if (before.join('\n') !== after.join('\n'))
          changes.push({ action: 'tags', from: before, to: after });
      }
      if (changes.length === 0) return c;
      await this.repo.saveConversation(c, manager);
      for (const change of changes) await this.activity(principal, c, change, manager);
      await this.emit(manager, c, CONVERSATION_UPDATED, null, movedFrom);
      return c;
    });
    const [row] = await this.rows(principal.workspaceId, [conversation]);
    return toConversationView(row);
  }

  /** The same change for each selected conversation; each one on its own, failures reported. */
  async bulkUpdate(principal: Principal, dto: BulkUpdateDto): Promise<BulkResultView> {
    const { addTags, removeTags, ...changes } = dto.changes;
    const result: BulkResultView = { updated: [], failed: [] };
    for (const id of [...new Set(dto.ids)]) {
      try {
        let tags = changes.tags;
        if (addTags?.length || removeTags?.length) {
          const current = (await this.get(principal, id)).conversation.tags;
          const removed = new Set((removeTags ?? []).map((t) => cleanText(t).toLowerCase()));
          tags = [...current, ...(addTags ?? [])].filter(
            (t) => !removed.has(cleanText(t).toLowerCase()),
          );
        }
        await this.update(principal, id, { ...changes, ...(tags ? { tags } : {}) });
        result.updated.push(id);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.failed.push({ id, code: error.code });
      }
    }
    return result;
  }

  /**
   * Folds conversation `id` into `intoId`: its messages, tags and followers move over, the
   * timeline records it, and `id` is gone.
   */
  async merge(principal: Principal, id: string, intoId: string): Promise<ConversationDetailView> {
    if (id === intoId) throw new DomainError('conversation/merge_self');
    await this.tx.run(async (manager) => {
      // Lock in id order so two opposite merges cannot deadlock.
      const [first, second] = [id, intoId].sort();
      const locked = new Map<string, Conversation>();
      for (const key of [first, second])
        locked.set(key, await this.lockConversation(principal, key, manager));
      const source = locked.get(id) as Conversation;
      const target = locked.get(intoId) as Conversation;
      await this.repo.moveConversationContents(
        principal.workspaceId,
        source.id,
        target.id,
        manager,
      );
      target.lastMessageAt = new Date(
        Math.max(target.lastMessageAt.getTime(), source.lastMessageAt.getTime()),
      );
      if (
        source.lastCustomerMessageAt &&
        (!target.lastCustomerMessageAt ||
          source.lastCustomerMessageAt > target.lastCustomerMessageAt)
      ) {
        target.lastCustomerMessageAt = source.lastCustomerMessageAt;
      }
      await this.repo.saveConversation(target, manager);
      await this.repo.deleteConversation(principal.workspaceId, source.id, manager);
      await this.activity(principal, target, { action: 'merge', from: source.number }, manager);
      await this.outbox.write(manager, {
        workspaceId: principal.workspaceId,
        type: CONVERSATION_MERGED,
        payload: {
          mailboxId: target.mailboxId,
          previousMailboxId: source.mailboxId,
          sourceId: source.id,
          targetId: target.id,
        },
      });
      await this.emit(manager, target, CONVERSATION_UPDATED, null);
    });
    return this.get(principal, intoId);
  }

  /** Whether the conversation exists for this principal (presence hints are only relayed then). */
  async visible(principal: Principal, id: string): Promise<Conversation | null> {
    const conversation = await this.repo.findConversation(principal.workspaceId, id);
    return conversation && canSeeMailbox(principal, conversation.mailboxId) ? conversation : null;
  }

  /** A message with its files, when the caller may see its conversation; else not found. */
  async visibleMessage(
    principal: Principal,
    id: string,
    messageId: string,
  ): Promise<{ message: Message; attachments: AttachmentView[] }> {
    const conversation = await this.visible(principal, id);
    const message = conversation
      ? await this.repo.findMessage(principal.workspaceId, id, messageId)
      : null;
    if (!message) throw new DomainError('message/not_found');
    const [view] = await this.messageViews(principal.workspaceId, [message]);
    return { message, attachments: view.attachments };
  }

  /** Follow or unfollow (التي أتابعها); the timeline records it. */
  async follow(principal: Principal, id: string, follow: boolean): Promise<ConversationView> {
    const conversation = await this.tx.run(async (manager) => {
      const c = await this.lockConversation(principal, id, manager);
      if (await this.repo.follow(principal.workspaceId, id, principal.userId, follow, manager)) {
        await this.activity(principal, c, { action: follow ? 'follow' : 'unfollow' }, manager);
        await this.emit(manager, c, CONVERSATION_UPDATED, null);
      }
      return c;
    });
    const [row] = await this.rows(principal.workspaceId, [conversation]);
    return toConversationView(row);
  }

  /** What a reconnecting client missed, by workspace sequence number (R8). */
  async events(principal: Principal, after: number, limit: number): Promise<EventsPageView> {
    const rows = await this.repo.eventsAfter(
      principal.workspaceId,
      after,
      limit,
      principal.mailboxIds,
    );
    const events = rows.map((r) => ({
      seq: Number(r.seq),
      type: r.type,
      at: r.created_at.toISOString(),
      data: r.payload,
    })) as EventsPageView['events'];
    // A short page is the end: skip past events of mailboxes this member cannot see.
    const lastSeq =
      events.length === limit
        ? events[events.length - 1].seq
        : Math.max(after, await this.repo.lastEventSeq(principal.workspaceId));
    return { events, lastSeq };
  }

  /** A new conversation numbered in its workspace, its subject and contact searchable. */
  /**
   * An automatic reply (auto-acknowledgement) inside the caller's transaction. It leaves by the
   * conversation's channel but does not count as an agent's answer: the conversation stays
   * unanswered.
   */
  async systemReply(
    workspaceId: string,
    conversationId: string,
    text: string,
    data: Record<string, unknown>,
    manager: EntityManager,
  ): Promise<void> {
    const conversation = await this.repo.findConversation(workspaceId, conversationId, manager);
    if (!conversation) throw new DomainError('conversation/not_found');
    const message = await this.repo.insertMessage(
      {
        workspaceId,
        conversationId,
        kind: 'reply',
        authorType: 'system',
        bodyText: cleanText(text),
        data,
      },
      manager,
    );
    await this.queueOutbound(conversation, message, true, manager);
    await this.emit(manager, conversation, CONVERSATION_UPDATED, message);
  }

  /** Hands a reply to its conversation's channel (if it has one) and saves what it set. */
  private async queueOutbound(
    conversation: Conversation,
    message: Message,
    automatic: boolean,
    manager: EntityManager,
  ): Promise<void> {
    const channel = this.outbound.for(conversation.channel);
    if (!channel) return;
    await channel.queue(conversation, message, { automatic }, manager);
    await this.repo.updateMessageDelivery(message, manager);
  }

  /** A system entry in the timeline (a bounce, say), inside the caller's transaction. */
  async systemActivity(
    workspaceId: string,
    conversationId: string,
    data: Record<string, unknown>,
    manager: EntityManager,
  ): Promise<void> {
    const conversation = await this.repo.findConversation(workspaceId, conversationId, manager);
    if (!conversation) throw new DomainError('conversation/not_found');
    await this.activity(null, conversation, data, manager);
    await this.emit(manager, conversation, CONVERSATION_UPDATED, null);
  }

  /** A channel reports how a reply's delivery went; agents see it live. */
  async setDelivery(
    workspaceId: string,
    messageId: string,
    delivery: { status: Message['deliveryStatus']; error: string | null },
    manager: EntityManager,
  ): Promise<void> {
    const message = await this.repo.findMessageById(workspaceId, messageId, manager);
    if (!message) return;
    message.deliveryStatus = delivery.status;
    message.deliveryError = delivery.error;
    await this.repo.updateMessageDelivery(message, manager);
    const conversation = await this.repo.findConversation(
      workspaceId,
      message.conversationId,
      manager,
    );
    if (!conversation) return;
    const [view] = await this.messageViews(workspaceId, [message], manager);
    await this.outbox.write(manager, {
      workspaceId,
      type: MESSAGE_UPDATED,
      payload: {
        mailboxId: conversation.mailboxId,
        conversationId: conversation.id,
        message: view,
      },
    });
  }

  /** Sends a reply whose delivery failed again. */
  async retryDelivery(principal: Principal, id: string, messageId: string): Promise<MessageView> {
    return this.tx.run(async (manager) => {
      const conversation = await this.lockConversation(principal, id, manager);
      const message = await this.repo.findMessage(principal.workspaceId, id, messageId, manager);
      if (!message) throw new DomainError('message/not_found');
      const channel = this.outbound.for(conversation.channel);
      if (!channel || message.deliveryStatus !== 'failed')
        throw new DomainError('message/not_retryable');
      await channel.retry(message, manager);
      await this.setDelivery(
        principal.workspaceId,
        message.id,
        { status: 'queued', error: null },
        manager,
      );
      const fresh = await this.repo.findMessage(principal.workspaceId, id, messageId, manager);
      return (await this.messageViews(principal.workspaceId, [fresh as Message], manager))[0];
    });
  }

  private async startConversation(
    input: {
      workspaceId: string;
      subject: string;
      channel: Channel;
      mailboxId: string;
      contact: { id: string; name: string | null; emails: string[]; phones: string[] };
      priority?: Priority;
    },
    manager: EntityManager,
    options: { indexNow: boolean } = { indexNow: true },
  ): Promise<Conversation> {
    const now = new Date();
    const conversation = await this.repo.insertConversation(
      {
        workspaceId: input.workspaceId,
        number: await this.repo.nextNumber(input.workspaceId),
        subject: cleanText(input.subject).slice(0, 300),
        channel: input.channel,
        mailboxId: input.mailboxId,
        contactId: input.contact.id,
        priority: input.priority ?? 'normal',
        lastPublicFrom: 'contact',
        lastMessageAt: now,
        lastCustomerMessageAt: now,
      },
      manager,
    );
    if (options.indexNow) {
      const indexed = headerText(conversation, input.contact);
      await this.repo.appendSearchText(conversation.id, searchText(indexed), indexed, manager);
    }
    return conversation;
  }

  /** After a customer's message: timestamps, snooze cleared, reopened, events. */
  private async customerWrote(
    conversation: Conversation,
    message: Message,
    manager: EntityManager,
    view?: MessageView,
  ): Promise<void> {
    const now = new Date();
    conversation.lastPublicFrom = 'contact';
    conversation.lastCustomerMessageAt = now;
    conversation.lastMessageAt = now;
    conversation.snoozedUntil = null;
    const activity =
      conversation.status !== 'open' ? this.applyStatus(conversation, 'open', now) : null;
    await this.repo.saveConversation(conversation, manager);
    if (activity) await this.activity(null, conversation, activity, manager);
    await this.emit(manager, conversation, CONVERSATION_UPDATED, message, undefined, {
      message: view,
    });
  }

  /**
   * A customer's message that arrived by a channel (email), with its files stored as they came,
   * and its view built from what is at hand.
   */
  private async writeInbound(
    conversation: Conversation,
    input: InboundMessage,
    manager: EntityManager,
    alsoIndex = '',
  ): Promise<{ message: Message; view: MessageView }> {
    const message = await this.repo.insertMessage(
      {
        workspaceId: conversation.workspaceId,
        conversationId: conversation.id,
        kind: 'reply',
        authorType: 'contact',
        authorContactId: input.contact.id,
        bodyText: input.text,
        bodyHtml: input.html ?? null,
        emailMessageId: input.emailMessageId ?? null,
        data: input.data ?? {},
      },
      manager,
    );
    const files = await this.attachments.storeFiles(
      conversation.workspaceId,
      { conversationId: conversation.id, messageId: message.id },
      input.files ?? [],
      manager,
    );
    const indexed = [alsoIndex, input.text, ...files.map((f) => f.fileName)].join(' ').trim();
    if (indexed)
      await this.repo.appendSearchText(conversation.id, searchText(indexed), indexed, manager);
    const view = toMessageView(
      message,
      { users: new Map(), contactName: displayName(input.contact) },
      files,
    );
    return { message, view };
  }

  /** Inserts a message with its uploaded files and makes its words (and file names) searchable. */
  private async writeMessage(
    principal: Principal,
    conversation: Conversation,
    author: Pick<Message, 'kind' | 'authorType'> &
      Partial<Pick<Message, 'authorUserId' | 'authorContactId' | 'data'>>,
    body: MessageBodyDto,
    manager: EntityManager,
  ): Promise<Message> {
    const text = cleanText(body.text ?? '');
    if (!text && !body.attachmentIds?.length)
      throw new DomainError('request/validation', {}, [{ field: 'text', code: 'isNotEmpty' }]);
    const message = await this.repo.insertMessage(
      {
        workspaceId: conversation.workspaceId,
        conversationId: conversation.id,
        bodyText: text,
        ...author,
      },
      manager,
    );
    const files = await this.attachments.claim(
      principal,
      body.attachmentIds,
      { conversationId: conversation.id, messageId: message.id },
      manager,
    );
    const indexed = [text, ...files.map((f) => f.fileName)].join(' ').trim();
    if (indexed)
      await this.repo.appendSearchText(conversation.id, searchText(indexed), indexed, manager);
    return message;
  }

  /**
   * Spam: into المزعج, remembering where it was; not spam: back there (or to the inbox when that
   * mailbox is gone, archived or not visible to this member).
   */
  private async applySpam(
    principal: Principal,
    c: Conversation,
    spam: boolean,
    manager: EntityManager,
  ): Promise<Record<string, unknown> | null> {
    await this.mailboxes.ensureDefaults(principal.workspaceId, manager);
    const spamBox = await this.repo.findMailboxByKind(principal.workspaceId, 'spam', manager);
    if (!spamBox || spam === (c.mailboxId === spamBox.id)) return null;
    let target = spamBox.id;
    if (!spam) {
      const origin = await this.repo.spamOrigin(c.id, manager);
      const back = origin
        ? await this.repo.findMailbox(principal.workspaceId, origin, manager)
        : null;
      const inbox = await this.repo.findMailboxByKind(principal.workspaceId, 'inbox', manager);
      target =
        back && !back.archivedAt && back.kind !== 'spam' && canSeeMailbox(principal, back.id)
          ? back.id
          : (inbox as { id: string }).id;
    }
    const change = { action: spam ? 'spam' : 'not_spam', from: c.mailboxId, to: target };
    c.mailboxId = target;
    return change;
  }

  /** Whether a member is active and may see the conversation's mailbox (to be assigned to it). */
  private async canWorkOn(c: Conversation, userId: string): Promise<boolean> {
    const [user] = await this.repo.activeMembers(c.workspaceId, [userId]);
    const scope = user ? mailboxScope(user) : null;
    return !!user && (scope === null || scope.includes(c.mailboxId));
  }

  /** Mentioned members must be active and able to see the conversation's mailbox. */
  private async mentionable(
    principal: Principal,
    conversation: Conversation,
    ids: string[],
  ): Promise<Array<{ id: string; name: string }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const users = await this.repo.activeMembers(principal.workspaceId, unique);
    return unique.map((id, index) => {
      const user = users.find((u) => u.id === id);
      const scope = user ? mailboxScope(user) : null;
      if (!user || (scope !== null && !scope.includes(conversation.mailboxId)))
        throw new DomainError('request/validation', {}, [
          { field: `mentions.${index}`, code: 'unknownMention' },
        ]);
      return { id: user.id, name: user.name };
    });
  }

  /** Snoozing makes the conversation pending until then; null (or reopening) wakes it. */
  private applySnooze(
    c: Conversation,
    until: string | null,
    now: Date,
  ): Array<Record<string, unknown>> {
    if (until === null) {
      if (!c.snoozedUntil) return [];
      c.snoozedUntil = null;
      return [{ action: 'unsnooze' }];
    }
    const at = new Date(until);
    if (at.getTime() <= now.getTime()) throw new DomainError('conversation/snooze_in_past');
    const changes = c.status !== 'pending' ? [this.applyStatus(c, 'pending', now)] : [];
    c.snoozedUntil = at;
    return [...changes, { action: 'snooze', until: at.toISOString() }];
  }

  /** Conversations whose snooze ended open again, each in its own transaction (worker sweep). */
  async wakeSnoozed(now = new Date(), limit = 200): Promise<number> {
    const due = await this.repo.dueSnoozed(now, limit);
    let woken = 0;
    for (const { workspaceId, id } of due) {
      woken += await this.tx.run(async (manager) => {
        const c = await this.repo.findConversation(workspaceId, id, manager, true);
        if (!c?.snoozedUntil || c.snoozedUntil.getTime() > now.getTime()) return 0;
        c.snoozedUntil = null;
        const change = c.status !== 'open' ? this.applyStatus(c, 'open', now) : null;
        await this.repo.saveConversation(c, manager);
        await this.activity(null, c, { action: 'snooze_ended' }, manager);
        if (change) await this.activity(null, c, change, manager);
        await this.emit(manager, c, CONVERSATION_UPDATED, null);
        return 1;
      });
    }
    return woken;
  }

  private applyStatus(
    c: Conversation,
    status: Conversation['status'],
    now: Date,
  ): Record<string, unknown> {
    const change = { action: 'status', from: c.status, to: status };
    if (status === 'closed') c.closedAt = now;
    if (c.status === 'closed' && status !== 'closed') c.reopenedAt = now;
    c.status = status;
    return change;
  }

  private async activity(
    principal: Principal | null,
    c: Conversation,
    data: Record<string, unknown>,
    manager: EntityManager,
  ): Promise<void> {
    await this.repo.insertMessage(
      {
        workspaceId: c.workspaceId,
        conversationId: c.id,
        kind: 'activity',
        authorType: principal ? 'user' : 'system',
        authorUserId: principal?.userId ?? null,
        data,
      },
      manager,
    );
  }

  private async lockConversation(
    principal: Principal,
    id: string,
    manager: EntityManager,
  ): Promise<Conversation> {
    const conversation = await this.repo.findConversation(principal.workspaceId, id, manager, true);
    if (!conversation || !canSeeMailbox(principal, conversation.mailboxId))
      throw new DomainError('conversation/not_found');
    return conversation;
  }

  /** Writes the event with the conversation as it is now (and the new message, if any). */
  private async emit(
    manager: EntityManager,
    c: Conversation,
    type: string,
    message: Message | null,
    previousMailboxId?: string,
    prepared: PreparedViews = {},
  ): Promise<void> {
    const row = prepared.row ?? (await this.rows(c.workspaceId, [c], manager))[0];
    const conversation = toConversationView(row);
    // Views first: writing an event takes the workspace's sequence row until commit, so as
    // little as possible happens after it.
    const view =
      prepared.message ??
      (message ? (await this.messageViews(c.workspaceId, [message], manager))[0] : null);
    await this.outbox.writeAll(manager, [
      {
        workspaceId: c.workspaceId,
        type,
        payload: { mailboxId: c.mailboxId, previousMailboxId, conversation },
      },
      ...(view
        ? [
            {
              workspaceId: c.workspaceId,
              type: MESSAGE_CREATED,
              payload: { mailboxId: c.mailboxId, conversationId: c.id, message: view },
            },
          ]
        : []),
    ]);
  }

  private async rows(
    workspaceId: string,
    conversations: Conversation[],
    manager?: EntityManager,
  ): Promise<ConversationRow[]> {
    const contacts = await this.contacts.findMany(
      workspaceId,
      conversations.flatMap((c) => (c.contactId ? [c.contactId] : [])),
    );
    const teams = await this.repo.teamNames(
      workspaceId,
      conversations.flatMap((c) => (c.teamId ? [c.teamId] : [])),
    );
    const users = await this.repo.userNames(
      workspaceId,
      conversations.flatMap((c) => (c.assigneeId ? [c.assigneeId] : [])),
    );
    const labels = await this.repo.tagsAndFollowers(
      conversations.map((c) => c.id),
      manager,
    );
    return conversations.map((c) => {
      const contact = contacts.find((x) => x.id === c.contactId);
      return {
        conversation: c,
        contact: contact
          ? {
              id: contact.id,
              name: contact.name,
              emails: contact.emails,
              phones: contact.phones,
              externalId: contact.externalId,
            }
          : null,
        assignee:
          c.assigneeId && users.has(c.assigneeId)
            ? { id: c.assigneeId, name: users.get(c.assigneeId) as string }
            : null,
        team:
          c.teamId && teams.has(c.teamId)
            ? { id: c.teamId, name: teams.get(c.teamId) as string }
            : null,
        tags: labels.get(c.id)?.tags ?? [],
        followers: labels.get(c.id)?.followers ?? [],
      };
    });
  }

  /** Authors by their own ids: after a merge, one thread can hold messages of two contacts. */
  private async messageViews(
    workspaceId: string,
    messages: Message[],
    manager?: EntityManager,
  ): Promise<MessageView[]> {
    const users = await this.repo.userNames(workspaceId, [
      ...new Set(
        messages.flatMap((m) => [
          ...(m.authorUserId ? [m.authorUserId] : []),
          ...(Array.isArray(m.data.mentions) ? (m.data.mentions as string[]) : []),
        ]),
      ),
    ]);
    const files = await this.attachments.forMessages(
      workspaceId,
      messages.filter((m) => m.kind !== 'activity').map((m) => m.id),
      manager,
    );
    const contacts = await this.contacts.findMany(workspaceId, [
      ...new Set(messages.flatMap((m) => (m.authorContactId ? [m.authorContactId] : []))),
    ]);
    const contactNames = new Map(contacts.map((c) => [c.id, displayName(c)]));
    return messages.map((m) =>
      toMessageView(
        m,
        {
          users,
          contactName: m.authorContactId ? (contactNames.get(m.authorContactId) ?? null) : null,
        },
        files.get(m.id) ?? [],
      ),
    );
  }

  /**
   * A highlighted snippet per hit: the subject if it matches, else the newest matching message
   * among the last few (one query for the whole page).
   */
  private async addSnippets(
    workspaceId: string,
    items: ConversationView[],
    q: string,
  ): Promise<void> {
    const texts = await this.repo.snippetTexts(
      workspaceId,
      items.map((i) => i.id),
      SNIPPET_MESSAGES,
    );
    for (const item of items) {
      const candidates = [item.subject, ...(texts.get(item.id) ?? [])];
      const hit = candidates
        .map((text) => snippet(text, q))
        .find((parts) => parts.some((p) => p.match));
      item.snippet = hit ?? snippet(candidates[1] ?? item.subject, q);
    }
  }
}

/** What makes a conversation findable before any message: its subject and its contact. */
function headerText(
  conversation: Conversation,
  contact: { name: string | null; emails: string[]; phones: string[] },
): string {
  return [conversation.subject, contact.name ?? '', ...contact.emails, ...contact.phones].join(' ');
}

/** How a customer is named in the thread: their name, else their email or phone. */
function displayName(
  contact: { name: string | null; emails: string[]; phones: string[] } | null,
): string | null {
  if (!contact) return null;
  return contact.name ?? contact.emails[0] ?? contact.phones[0] ?? null;
}
