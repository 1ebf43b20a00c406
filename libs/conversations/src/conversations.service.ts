import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import { ContactsService } from '@sanad/contacts';
import type {
  BulkResultView,
  ConversationDetailView,
  ConversationView,
  EventsPageView,
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
  MESSAGE_CREATED,
} from './conversations.events';
import { ConversationsRepository, type ConversationRow } from './conversations.repository';
import { toConversationView, toMessageView } from './conversations.views';
import type { BulkUpdateDto } from './dto/bulk.dto';
import type { CreateConversationDto } from './dto/create-conversation.dto';
import type { ListConversationsDto } from './dto/list-conversations.dto';
import type { CustomerMessageDto, NoteDto, ReplyDto } from './dto/reply.dto';
import type { UpdateConversationDto } from './dto/update-conversation.dto';
import type { Conversation } from './entities/conversation.entity';
import type { Message } from './entities/message.entity';
import { MailboxesService } from './mailboxes.service';
import { snippet } from './snippet.util';
import { TeamsService } from './teams.service';

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
    const counts = await this.repo.viewCounts(principal.workspaceId, principal.userId);
    return counts;
  }

  async get(principal: Principal, id: string): Promise<ConversationDetailView> {
    const conversation = await this.repo.findConversation(principal.workspaceId, id);
    if (!conversation) throw new DomainError('conversation/not_found');
    const [row] = await this.rows(principal.workspaceId, [conversation]);
    const messages = await this.repo.listMessages(principal.workspaceId, id);
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
        ? await this.mailboxes.get(principal.workspaceId, dto.mailboxId, manager)
        : await this.repo.findMailboxByKind(principal.workspaceId, 'inbox', manager);
      if (!mailbox) throw new DomainError('mailbox/not_found');
      if (mailbox.archivedAt) throw new DomainError('mailbox/archived');
      const contact = await this.contacts.findOrCreate(principal.workspaceId, identity, manager);
      const now = new Date();
      const conversation = await this.repo.insertConversation(
        {
          workspaceId: principal.workspaceId,
          number: await this.repo.nextNumber(principal.workspaceId, manager),
          subject: cleanText(dto.subject),
          channel: 'api',
          mailboxId: mailbox.id,
          contactId: contact.id,
          priority: dto.priority ?? 'normal',
          lastPublicFrom: 'contact',
          lastMessageAt: now,
          lastCustomerMessageAt: now,
        },
        manager,
      );
      const message = await this.repo.insertMessage(
        {
          workspaceId: principal.workspaceId,
          conversationId: conversation.id,
          kind: 'reply',
          authorType: 'contact',
          authorContactId: contact.id,
          bodyText: cleanText(dto.text),
        },
        manager,
      );
      const indexed = [
        conversation.subject,
        contact.name ?? '',
        ...contact.emails,
        ...contact.phones,
        message.bodyText,
      ].join(' ');
      await this.repo.appendSearchText(conversation.id, searchText(indexed), indexed, manager);
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
      const message = await this.repo.insertMessage(
        {
          workspaceId: principal.workspaceId,
          conversationId: id,
          kind: 'reply',
          authorType: 'user',
          authorUserId: principal.userId,
          bodyText: cleanText(dto.text),
        },
        manager,
      );
      conversation.lastPublicFrom = 'user';
      conversation.lastAgentReplyAt = now;
      conversation.firstAgentReplyAt ??= now;
      conversation.lastMessageAt = now;
      const activity =
        dto.status && dto.status !== conversation.status
          ? this.applyStatus(conversation, dto.status, now)
          : null;
      await this.repo.saveConversation(conversation, manager);
      await this.repo.appendSearchText(id, searchText(message.bodyText), message.bodyText, manager);
      if (activity) await this.activity(principal, conversation, activity, manager);
      await this.emit(manager, conversation, CONVERSATION_UPDATED, message);
      return (await this.messageViews(principal.workspaceId, [message]))[0];
    });
  }

  async note(principal: Principal, id: string, dto: NoteDto): Promise<MessageView> {
    return this.tx.run(async (manager) => {
      const conversation = await this.lockConversation(principal, id, manager);
      const message = await this.repo.insertMessage(
        {
          workspaceId: principal.workspaceId,
          conversationId: id,
          kind: 'note',
          authorType: 'user',
          authorUserId: principal.userId,
          bodyText: cleanText(dto.text),
        },
        manager,
      );
      await this.repo.appendSearchText(id, searchText(message.bodyText), message.bodyText, manager);
      await this.emit(manager, conversation, CONVERSATION_UPDATED, message);
      return (await this.messageViews(principal.workspaceId, [message]))[0];
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
      const now = new Date();
      const message = await this.repo.insertMessage(
        {
          workspaceId: principal.workspaceId,
          conversationId: id,
          kind: 'reply',
          authorType: 'contact',
          authorContactId: conversation.contactId,
          bodyText: cleanText(dto.text),
        },
        manager,
      );
      conversation.lastPublicFrom = 'contact';
      conversation.lastCustomerMessageAt = now;
      conversation.lastMessageAt = now;
      const activity =
        conversation.status !== 'open' ? this.applyStatus(conversation, 'open', now) : null;
      await this.repo.saveConversation(conversation, manager);
      await this.repo.appendSearchText(id, searchText(message.bodyText), message.bodyText, manager);
      if (activity) await this.activity(null, conversation, activity, manager);
      await this.emit(manager, conversation, CONVERSATION_UPDATED, message);
      return (await this.messageViews(principal.workspaceId, [message]))[0];
    });
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
      if (dto.status !== undefined && dto.status !== c.status)
        changes.push(this.applyStatus(c, dto.status, now));
      if (dto.priority !== undefined && dto.priority !== c.priority) {
        changes.push({ action: 'priority', from: c.priority, to: dto.priority });
        c.priority = dto.priority;
      }
      if (dto.assigneeId !== undefined && dto.assigneeId !== c.assigneeId) {
        if (
          dto.assigneeId !== null &&
          !(await this.repo.activeUserExists(principal.workspaceId, dto.assigneeId))
        ) {
          throw new DomainError('conversation/assignee_invalid', {}, [
            { field: 'assigneeId', code: 'assigneeInvalid' },
          ]);
        }
        changes.push({ action: 'assignee', from: c.assigneeId, to: dto.assigneeId });
        c.assigneeId = dto.assigneeId;
      }
      if (dto.mailboxId !== undefined && dto.mailboxId !== c.mailboxId) {
        const target = await this.mailboxes.get(principal.workspaceId, dto.mailboxId, manager);
        if (target.archivedAt) throw new DomainError('mailbox/archived');
        changes.push({ action: 'mailbox', from: c.mailboxId, to: target.id });
        c.mailboxId = target.id;
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
      await this.emit(manager, c, CONVERSATION_UPDATED, null);
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
        payload: { sourceId: source.id, targetId: target.id },
      });
      await this.emit(manager, target, CONVERSATION_UPDATED, null);
    });
    return this.get(principal, intoId);
  }

  /** Whether the conversation exists for this principal (presence hints are only relayed then). */
  async visible(principal: Principal, id: string): Promise<boolean> {
    return (await this.repo.findConversation(principal.workspaceId, id)) !== null;
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
    const rows = await this.repo.eventsAfter(principal.workspaceId, after, limit);
    const events = rows.map((r) => ({
      seq: Number(r.seq),
      type: r.type,
      at: r.created_at.toISOString(),
      data: r.payload,
    }));
    return { events, lastSeq: events.length > 0 ? events[events.length - 1].seq : after };
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
    if (!conversation) throw new DomainError('conversation/not_found');
    return conversation;
  }

  /** Writes the event with the conversation as it is now (and the new message, if any). */
  private async emit(
    manager: EntityManager,
    c: Conversation,
    type: string,
    message: Message | null,
  ): Promise<void> {
    const [row] = await this.rows(c.workspaceId, [c], manager);
    const conversation = toConversationView(row);
    await this.outbox.write(manager, {
      workspaceId: c.workspaceId,
      type,
      payload: { conversation },
    });
    if (message) {
      const [view] = await this.messageViews(c.workspaceId, [message]);
      await this.outbox.write(manager, {
        workspaceId: c.workspaceId,
        type: MESSAGE_CREATED,
        payload: { conversationId: c.id, message: view },
      });
    }
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
    return Promise.all(
      conversations.map(async (c) => {
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
          tags: await this.repo.conversationTagNames(c.id, manager),
          followers: await this.repo.followerIds(c.id, manager),
        };
      }),
    );
  }

  /** Authors by their own ids: after a merge, one thread can hold messages of two contacts. */
  private async messageViews(workspaceId: string, messages: Message[]): Promise<MessageView[]> {
    const users = await this.repo.userNames(workspaceId, [
      ...new Set(messages.flatMap((m) => (m.authorUserId ? [m.authorUserId] : []))),
    ]);
    const contacts = await this.contacts.findMany(workspaceId, [
      ...new Set(messages.flatMap((m) => (m.authorContactId ? [m.authorContactId] : []))),
    ]);
    const contactNames = new Map(contacts.map((c) => [c.id, displayName(c)]));
    return messages.map((m) =>
      toMessageView(m, {
        users,
        contactName: m.authorContactId ? (contactNames.get(m.authorContactId) ?? null) : null,
      }),
    );
  }

  private async addSnippets(
    workspaceId: string,
    items: ConversationView[],
    q: string,
  ): Promise<void> {
    for (const item of items) {
      const messages = await this.repo.listMessages(workspaceId, item.id);
      const texts = [
        item.subject,
        ...messages.filter((m) => m.kind !== 'activity').map((m) => m.bodyText),
      ];
      const hit = texts.map((text) => snippet(text, q)).find((parts) => parts.some((p) => p.match));
      item.snippet = hit ?? snippet(texts[texts.length - 1] ?? '', q);
    }
  }
}

/** How a customer is named in the thread: their name, else their email or phone. */
function displayName(
  contact: { name: string | null; emails: string[]; phones: string[] } | null,
): string | null {
  if (!contact) return null;
  return contact.name ?? contact.emails[0] ?? contact.phones[0] ?? null;
}
