import { Injectable } from '@nestjs/common';
import { MemberDirectory, canSeeMailbox, type Principal } from '@sanad/accounts';
import { ContactsService } from '@sanad/contacts';
import type { ConversationView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { indexTerms } from '@sanad/search';
import { ConversationAccess } from '../conversation/conversation-access.service';
import { applyStatusAndSnooze, type Activity } from '../conversation/conversation-rules.util';
import { headerText } from '../conversation/conversation-views.util';
import { ConversationViews } from '../conversation/conversation-views.service';
import { ConversationWriter } from '../conversation/conversation-writer.service';
import { ConversationRepository } from '../conversation/conversation.repository';
import type { UpdateConversationDto } from '../dto/update-conversation.dto';
import type { Conversation } from '../entities/conversation.entity';
import { MailboxesService } from '../mailboxes/mailboxes.service';
import { TagsService } from '../tags/tags.service';
import { TeamsService } from '../teams/teams.service';
import { TriageRepository } from './triage.repository';

/** Changing one conversation: status, snooze, priority, assignee, team, mailbox, spam, tags. */
@Injectable()
export class TriageService {
  constructor(
    private readonly repo: ConversationRepository,
    private readonly triage: TriageRepository,
    private readonly access: ConversationAccess,
    private readonly writer: ConversationWriter,
    private readonly views: ConversationViews,
    private readonly mailboxes: MailboxesService,
    private readonly teams: TeamsService,
    private readonly tags: TagsService,
    private readonly members: MemberDirectory,
    private readonly contacts: ContactsService,
    private readonly tx: TransactionRunner,
  ) {}

  /** Every change becomes a timeline entry; nothing changes, nothing is written. */
  async update(
    principal: Principal,
    id: string,
    dto: UpdateConversationDto,
  ): Promise<ConversationView> {
    const conversation = await this.tx.run(async () => {
      const c = await this.access.lock(principal, id);
      const changes: Activity[] = applyStatusAndSnooze(c, dto, new Date());
      let movedFrom: string | undefined;
      if (dto.priority !== undefined && dto.priority !== c.priority) {
        changes.push({ action: 'priority', from: c.priority, to: dto.priority });
        c.priority = dto.priority;
      }
      if (dto.assigneeId !== undefined && dto.assigneeId !== c.assigneeId) {
        if (
          dto.assigneeId !== null &&
          !(await this.members.canWorkIn(c.workspaceId, dto.assigneeId, c.mailboxId))
        )
          throw new DomainError('conversation/assignee_invalid', {}, [
            { field: 'assigneeId', code: 'assigneeInvalid' },
          ]);
        changes.push({ action: 'assignee', from: c.assigneeId, to: dto.assigneeId });
        c.assigneeId = dto.assigneeId;
      }
      if (dto.mailboxId !== undefined && dto.mailboxId !== c.mailboxId) {
        const target = await this.mailboxes.visible(principal, dto.mailboxId);
        if (target.archivedAt) throw new DomainError('mailbox/archived');
        changes.push({ action: 'mailbox', from: c.mailboxId, to: target.id });
        movedFrom = c.mailboxId;
        c.mailboxId = target.id;
      }
      if (dto.spam !== undefined) {
        const moved = await this.applySpam(principal, c, dto.spam);
        if (moved) {
          changes.push(moved);
          movedFrom ??= moved.from;
        }
      }
      if (dto.teamId !== undefined && dto.teamId !== c.teamId) {
        if (dto.teamId !== null && !(await this.teams.exists(principal.workspaceId, dto.teamId)))
          throw new DomainError('team/not_found', {}, [{ field: 'teamId', code: 'unknownTeam' }]);
        changes.push({ action: 'team', from: c.teamId, to: dto.teamId });
        c.teamId = dto.teamId;
      }
      if (dto.contactId !== undefined && dto.contactId !== c.contactId) {
        const [contact] = await this.contacts.findMany(c.workspaceId, [dto.contactId]);
        if (!contact)
          throw new DomainError('request/validation', {}, [
            { field: 'contactId', code: 'unknownContact' },
          ]);
        changes.push({ action: 'contact', from: c.contactId, to: contact.id, name: contact.name });
        c.contactId = contact.id;
        // The new customer's name and addresses find the conversation too.
        await this.repo.appendSearchTerms(c.id, indexTerms(headerText('', contact)));
      }
      if (dto.tags !== undefined) {
        const { before, after } = await this.tags.setForConversation(c.workspaceId, c.id, dto.tags);
        if (before.join('\n') !== after.join('\n'))
          changes.push({ action: 'tags', from: before, to: after });
      }
      if (changes.length === 0) return c;
      await this.repo.save(c);
      const entries = await this.writer.activity(principal, c, ...changes);
      await this.writer.publish(c, 'conversation.updated', entries, movedFrom);
      return c;
    });
    return this.views.conversation(principal.workspaceId, conversation);
  }

  /** Follow or unfollow (التي أتابعها); the timeline records it. */
  async follow(principal: Principal, id: string, follow: boolean): Promise<ConversationView> {
    const conversation = await this.tx.run(async () => {
      const c = await this.access.lock(principal, id);
      if (await this.repo.follow(principal.workspaceId, id, principal.userId, follow)) {
        const entries = await this.writer.activity(principal, c, {
          action: follow ? 'follow' : 'unfollow',
        });
        await this.writer.publish(c, 'conversation.updated', entries);
      }
      return c;
    });
    return this.views.conversation(principal.workspaceId, conversation);
  }

  /**
   * Spam: into المزعج, remembering where it was; not spam: back there (or to the inbox when that
   * mailbox is gone, archived or not visible to this member).
   */
  private async applySpam(
    principal: Principal,
    c: Conversation,
    spam: boolean,
  ): Promise<(Activity & { from: string; to: string }) | null> {
    await this.mailboxes.ensureDefaults(principal.workspaceId);
    const spamBox = await this.mailboxes.systemMailbox(principal.workspaceId, 'spam');
    if (spam === (c.mailboxId === spamBox.id)) return null;
    let target = spamBox.id;
    if (!spam) {
      const origin = await this.triage.spamOrigin(c.id);
      const back = origin ? await this.mailboxes.find(principal.workspaceId, origin) : null;
      target =
        back && !back.archivedAt && back.kind !== 'spam' && canSeeMailbox(principal, back.id)
          ? back.id
          : (await this.mailboxes.systemMailbox(principal.workspaceId, 'inbox')).id;
    }
    const change = { action: spam ? 'spam' : 'not_spam', from: c.mailboxId, to: target };
    c.mailboxId = target;
    return change;
  }
}
