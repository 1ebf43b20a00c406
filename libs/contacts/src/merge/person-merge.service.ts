import { Injectable } from '@nestjs/common';
import { AuditLog, type Principal } from '@sanad/accounts';
import {
  PERSON_MERGE_FIELDS,
  type MergeConflictView,
  type PersonMergePreviewView,
  type PersonView,
} from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { contactSearchText, foldedSortName } from '@sanad/search';
import type { Contact } from '../entities/contact.entity';
import { ContactMergeParticipants } from './contact-merge-participants';
import type { MergeDto } from './merge.dto';
import { readPicks } from './merge-picks.util';
import { mergeConflicts, mergeFields, unionFirst, type MergeFields } from './merge-rules.util';
import { PersonViews } from '../people/person-views';
import { PersonMergeRepository } from './person-merge.repository';

function sideOf(c: Contact): MergeFields {
  return {
    fields: {
      name: c.name,
      category: c.categoryId,
      company: c.companyId,
      language: c.language,
      notes: c.notes,
      externalId: c.externalId,
    },
    customFields: c.customFields,
  };
}

function later(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a > b ? a : b;
}

function earlier(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a < b ? a : b;
}

/** Merging two records of one person (دمج): the source folds into the target, which survives. */
@Injectable()
export class PersonMergeService {
  constructor(
    private readonly repo: PersonMergeRepository,
    private readonly views: PersonViews,
    private readonly participants: ContactMergeParticipants,
    private readonly audit: AuditLog,
    private readonly outbox: OutboxWriter,
    private readonly tx: TransactionRunner,
  ) {}

  /** Both people, the fields to choose between, and what moves to the target. */
  async preview(
    principal: Principal,
    id: string,
    sourceId: string,
  ): Promise<PersonMergePreviewView> {
    if (id === sourceId) throw new DomainError('contact/merge_self');
    const ws = principal.workspaceId;
    const found = await this.repo.findMany(ws, [id, sourceId]);
    const target = found.find((c) => c.id === id);
    const source = found.find((c) => c.id === sourceId);
    if (!target) throw new DomainError('contact/not_found');
    if (!source) throw new DomainError('contact/merge_source_not_found');
    const [targetView, sourceView] = await this.views.of(ws, [target, source]);
    const counts = await this.participants.count(ws, source.id);
    return {
      target: targetView,
      source: sourceView,
      conflicts: mergeConflicts(sideOf(target), sideOf(source)).map((c) =>
        shownConflict(c, targetView, sourceView),
      ),
      moves: {
        conversations: counts.conversations ?? 0,
        emails: source.emails.filter((e) => !target.emails.includes(e)),
        phones: source.phones.filter((p) => !target.phones.includes(p)),
      },
    };
  }

  /**
   * Folds `dto.sourceId` into `id` in one transaction: identities, fields by the picks, custom
   * fields, notes, conversations, the timeline; the source is gone. A repeated merge finds no
   * source (404 `contact/merge_source_not_found`).
   */
  async merge(principal: Principal, id: string, dto: MergeDto): Promise<PersonView> {
    if (id === dto.sourceId) throw new DomainError('contact/merge_self');
    const { picks, errors } = readPicks(dto.pick, PERSON_MERGE_FIELDS);
    if (errors.length > 0) throw new DomainError('request/validation', {}, errors);
    const ws = principal.workspaceId;
    const survivor = await this.tx.run(async () => {
      // Both rows locked in id order: opposite merges (A into B, B into A) queue, never deadlock;
      // the second finds its source or target gone.
      const locked = new Map<string, Contact | null>();
      for (const key of [id, dto.sourceId].sort()) locked.set(key, await this.repo.lock(ws, key));
      const target = locked.get(id);
      const source = locked.get(dto.sourceId);
      if (!target) throw new DomainError('contact/not_found');
      if (!source) throw new DomainError('contact/merge_source_not_found');
      const before = { ...target };
      const merged = mergeFields(sideOf(target), sideOf(source), picks);
      const f = merged.fields;
      if (f.company !== target.companyId) {
        target.companyLink = source.companyLink;
        target.companyDomainOptOut = source.companyDomainOptOut;
      }
      Object.assign(target, {
        name: f.name,
        categoryId: f.category,
        companyId: f.company,
        language: f.language as Contact['language'],
        notes: f.notes,
        externalId: f.externalId,
        customFields: merged.customFields,
        emails: unionFirst(target.emails, source.emails),
        phones: unionFirst(target.phones, source.phones),
        identityVerifiedAt: earlier(target.identityVerifiedAt, source.identityVerifiedAt),
        lastSeenAt: later(target.lastSeenAt, source.lastSeenAt),
        lastConversationAt: later(target.lastConversationAt, source.lastConversationAt),
      });
      target.sortName = foldedSortName(target.name, target.emails);
      target.searchText = contactSearchText({
        name: target.name,
        emails: target.emails,
        phones: target.phones,
        externalId: target.externalId,
        companyName: await this.repo.companyName(ws, target.companyId),
      });
      await this.participants.move(ws, source.id, {
        id: target.id,
        name: target.name,
        emails: target.emails,
        phones: target.phones,
      });
      await this.repo.moveActivities(ws, source.id, target.id);
      // The source goes before the survivor is written: it may take the source's external id.
      await this.repo.delete(ws, source.id);
      await this.repo.save(target);
      const sourceName = source.name ?? source.emails[0] ?? null;
      await this.repo.insertActivity({
        workspaceId: ws,
        contactId: target.id,
        companyId: null,
        kind: 'merged',
        data: { sourceId: source.id, sourceName },
        actorId: principal.userId,
      });
      await this.audit.record({
        workspaceId: ws,
        actorUserId: principal.userId,
        action: 'contact.merged',
        targetType: 'contact',
        targetId: target.id,
        data: { sourceId: source.id, sourceName, picks },
      });
      await this.outbox.writeAll([
        {
          workspaceId: ws,
          type: 'contact.merged',
          payload: { sourceId: source.id, targetId: target.id },
        },
        {
          workspaceId: ws,
          type: 'contact.updated',
          payload: { contactId: target.id, changed: changedFields(before, target) },
        },
      ]);
      return target;
    });
    const [fresh] = await this.repo.findMany(ws, [survivor.id]);
    return (await this.views.of(ws, [fresh]))[0];
  }
}

const VIEW_FIELDS: Array<[keyof Contact, string]> = [
  ['name', 'name'],
  ['emails', 'emails'],
  ['phones', 'phones'],
  ['externalId', 'externalId'],
  ['companyId', 'company'],
  ['categoryId', 'category'],
  ['customFields', 'customFields'],
  ['notes', 'notes'],
  ['language', 'language'],
  ['lastSeenAt', 'lastSeenAt'],
  ['lastConversationAt', 'lastConversationAt'],
];

/** The view's top-level fields the merge changed on the survivor. */
function changedFields(before: Contact, after: Contact): string[] {
  return VIEW_FIELDS.filter(
    ([key]) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  ).map(([, field]) => field);
}

/** References are shown as the views show them ({ id, name }), not as bare ids. */
function shownConflict(
  conflict: MergeConflictView,
  target: PersonView,
  source: PersonView,
): MergeConflictView {
  if (conflict.field === 'company' || conflict.field === 'category')
    return {
      field: conflict.field,
      target: target[conflict.field],
      source: source[conflict.field],
    };
  return conflict;
}
