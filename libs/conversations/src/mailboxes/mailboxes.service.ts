import { Injectable } from '@nestjs/common';
import { MembersService, canSeeMailbox, type Principal } from '@sanad/accounts';
import { SYSTEM_MAILBOX_NAMES, type MailboxView, type UserView } from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import { toMailboxView } from '../conversation/conversation-views.util';
import type { CreateMailboxDto, UpdateMailboxDto } from '../dto/mailbox.dto';
import type { Mailbox } from '../entities/mailbox.entity';
import { MailboxesRepository } from './mailboxes.repository';

/** Mailboxes: every workspace has the inbox and spam; admins add, rename and archive others. */
@Injectable()
export class MailboxesService {
  constructor(
    private readonly repo: MailboxesRepository,
    private readonly members: MembersService,
  ) {}

  ensureDefaults(workspaceId: string): Promise<void> {
    return this.repo.ensureSystemMailboxes(workspaceId, SYSTEM_MAILBOX_NAMES);
  }

  /** The mailboxes this member may see (all of them for owners, admins and unlimited agents). */
  async list(principal: Principal): Promise<MailboxView[]> {
    await this.ensureDefaults(principal.workspaceId);
    return (await this.repo.list(principal.workspaceId))
      .filter((m) => canSeeMailbox(principal, m.id))
      .map(toMailboxView);
  }

  /** Limits an agent to chosen mailboxes of this workspace (null lifts the limit). */
  async setMemberAccess(
    principal: Principal,
    userId: string,
    mailboxIds: string[] | null,
  ): Promise<UserView> {
    if (mailboxIds !== null) {
      const known = new Set((await this.repo.list(principal.workspaceId)).map((m) => m.id));
      const unknown = mailboxIds.findIndex((id) => !known.has(id));
      if (unknown >= 0)
        throw new DomainError('mailbox/not_found', {}, [
          { field: `mailboxIds.${unknown}`, code: 'unknownMailbox' },
        ]);
    }
    return this.members.setMailboxAccess(principal, userId, mailboxIds);
  }

  /** A mailbox this member may use; one they may not see answers like an unknown one. */
  async visible(principal: Principal, id: string): Promise<Mailbox> {
    const mailbox = await this.get(principal.workspaceId, id);
    if (!canSeeMailbox(principal, mailbox.id)) throw new DomainError('mailbox/not_found');
    return mailbox;
  }

  async create(workspaceId: string, dto: CreateMailboxDto): Promise<MailboxView> {
    await this.ensureDefaults(workspaceId);
    if (await this.repo.slugTaken(workspaceId, dto.slug))
      throw new DomainError('mailbox/slug_taken', {}, [{ field: 'slug', code: 'slugTaken' }]);
    const mailbox = this.repo.create({
      workspaceId,
      name: cleanText(dto.name),
      slug: dto.slug,
      kind: 'custom',
      signature: dto.signature ?? null,
    });
    return toMailboxView(await this.repo.save(mailbox));
  }

  async update(workspaceId: string, id: string, dto: UpdateMailboxDto): Promise<MailboxView> {
    const mailbox = await this.get(workspaceId, id);
    if (dto.slug !== undefined && dto.slug !== mailbox.slug) {
      if (mailbox.kind !== 'custom') throw new DomainError('mailbox/system');
      if (await this.repo.slugTaken(workspaceId, dto.slug, id))
        throw new DomainError('mailbox/slug_taken', {}, [{ field: 'slug', code: 'slugTaken' }]);
      mailbox.slug = dto.slug;
    }
    if (dto.name !== undefined) mailbox.name = cleanText(dto.name);
    if (dto.signature !== undefined) mailbox.signature = dto.signature;
    if (dto.archived !== undefined) {
      if (mailbox.kind !== 'custom') throw new DomainError('mailbox/system');
      mailbox.archivedAt = dto.archived ? (mailbox.archivedAt ?? new Date()) : null;
    }
    return toMailboxView(await this.repo.save(mailbox));
  }

  /** الصندوق الوارد or المزعج (call ensureDefaults first). */
  async systemMailbox(workspaceId: string, kind: 'inbox' | 'spam'): Promise<Mailbox> {
    const mailbox = await this.repo.findByKind(workspaceId, kind);
    if (!mailbox) throw new DomainError('mailbox/not_found');
    return mailbox;
  }

  async get(workspaceId: string, id: string): Promise<Mailbox> {
    const mailbox = await this.repo.find(workspaceId, id);
    if (!mailbox) throw new DomainError('mailbox/not_found');
    return mailbox;
  }

  /** The mailbox, or null when it is not in the workspace. */
  find(workspaceId: string, id: string): Promise<Mailbox | null> {
    return this.repo.find(workspaceId, id);
  }

  /** Mailboxes by id, across workspaces: inbound routing knows the id before the workspace. */
  async archivedIds(ids: string[]): Promise<Set<string>> {
    const found = await this.repo.findByIds(ids);
    return new Set(found.filter((m) => m.archivedAt).map((m) => m.id));
  }
}
