import { Injectable } from '@nestjs/common';
import type { MailboxView } from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import type { EntityManager } from 'typeorm';
import { ConversationsRepository } from './conversations.repository';
import { toMailboxView } from './conversations.views';
import type { CreateMailboxDto, UpdateMailboxDto } from './dto/mailbox.dto';
import type { Mailbox } from './entities/mailbox.entity';

export const SYSTEM_MAILBOX_NAMES = { inbox: 'الصندوق الوارد', spam: 'المزعج' };

/** Mailboxes: every workspace has the inbox and spam; admins add, rename and archive others. */
@Injectable()
export class MailboxesService {
  constructor(private readonly repo: ConversationsRepository) {}

  ensureDefaults(workspaceId: string, manager?: EntityManager): Promise<void> {
    return this.repo.ensureSystemMailboxes(workspaceId, SYSTEM_MAILBOX_NAMES, manager);
  }

  async list(workspaceId: string): Promise<MailboxView[]> {
    await this.ensureDefaults(workspaceId);
    return (await this.repo.listMailboxes(workspaceId)).map(toMailboxView);
  }

  async create(workspaceId: string, dto: CreateMailboxDto): Promise<MailboxView> {
    await this.ensureDefaults(workspaceId);
    if (await this.repo.mailboxSlugTaken(workspaceId, dto.slug))
      throw new DomainError('mailbox/slug_taken', {}, [{ field: 'slug', code: 'slugTaken' }]);
    const mailbox = this.repo.newMailbox({
      workspaceId,
      name: cleanText(dto.name),
      slug: dto.slug,
      kind: 'custom',
      signature: dto.signature ?? null,
    });
    return toMailboxView(await this.repo.saveMailbox(mailbox));
  }

  async update(workspaceId: string, id: string, dto: UpdateMailboxDto): Promise<MailboxView> {
    const mailbox = await this.get(workspaceId, id);
    if (dto.slug !== undefined && dto.slug !== mailbox.slug) {
      if (mailbox.kind !== 'custom') throw new DomainError('mailbox/system');
      if (await this.repo.mailboxSlugTaken(workspaceId, dto.slug, id))
        throw new DomainError('mailbox/slug_taken', {}, [{ field: 'slug', code: 'slugTaken' }]);
      mailbox.slug = dto.slug;
    }
    if (dto.name !== undefined) mailbox.name = cleanText(dto.name);
    if (dto.signature !== undefined) mailbox.signature = dto.signature;
    if (dto.archived !== undefined) {
      if (mailbox.kind !== 'custom') throw new DomainError('mailbox/system');
      mailbox.archivedAt = dto.archived ? (mailbox.archivedAt ?? new Date()) : null;
    }
    return toMailboxView(await this.repo.saveMailbox(mailbox));
  }

  async get(workspaceId: string, id: string, manager?: EntityManager): Promise<Mailbox> {
    const mailbox = await this.repo.findMailbox(workspaceId, id, manager);
    if (!mailbox) throw new DomainError('mailbox/not_found');
    return mailbox;
  }
}
