import { Injectable } from '@nestjs/common';
import { AuditLog, type Principal } from '@sanad/accounts';
import type {
  FormDefinition,
  FormSummaryView,
  FormVersionSummary,
  FormVersionView,
  FormView,
} from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { randomBytes, randomUUID } from 'node:crypto';
import { defaultDefinition } from '../definition/default-definition';
import { checkDefinition } from '../definition/form-definition.rules';
import type { CreateFormDto, PublishFormDto, UpdateFormDto } from '../dto/form.dto';
import { SubmissionsRepository } from '../submissions/submissions.repository';
import { FormReferences } from './form-references';
import { FormsRepository, type FormRecord, type VersionRecord } from './forms.repository';

export const MAX_FORMS = 200;

/**
 * Forms (النماذج) for admins: a draft edited freely, published as immutable numbered versions
 * (with a note); an older version can be brought back into the draft and published again.
 */
@Injectable()
export class FormsService {
  constructor(
    private readonly repo: FormsRepository,
    private readonly references: FormReferences,
    private readonly audit: AuditLog,
    private readonly tx: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
  ) {}

  async list(principal: Principal): Promise<FormSummaryView[]> {
    const counts = await this.submissions.counts(principal.workspaceId);
    return (await this.repo.list(principal.workspaceId)).map((form) => ({
      id: form.id,
      name: form.name,
      key: form.key,
      state: form.state,
      live: form.live && versionSummary(form.live),
      hasUnpublishedChanges: form.changed,
      submissions: counts.get(form.id) ?? { total: 0, unread: 0 },
      updatedAt: form.updatedAt.toISOString(),
    }));
  }

  /** Whether the workspace has published a form yet (the home page's first-run guide). */
  anyPublished(workspaceId: string): Promise<boolean> {
    return this.repo.anyPublished(workspaceId);
  }

  async get(principal: Principal, id: string): Promise<FormView> {
    return toFormView(await this.found(principal, id));
  }

  async create(principal: Principal, dto: CreateFormDto): Promise<FormView> {
    const id = randomUUID();
    await this.tx.run(async () => {
      if ((await this.repo.count(principal.workspaceId)) >= MAX_FORMS)
        throw new DomainError('form/limit', { limit: MAX_FORMS });
      await this.repo.insert({
        id,
        workspaceId: principal.workspaceId,
        name: cleanText(dto.name),
        key: formKey(),
        draft: defaultDefinition(dto.language ?? principal.language),
        createdBy: principal.userId,
      });
      await this.record(principal, 'form.created', id, { name: cleanText(dto.name) });
    });
    return this.get(principal, id);
  }

  /** The name, the state (open or closed) and the draft; the draft is checked whole. */
  async update(principal: Principal, id: string, dto: UpdateFormDto): Promise<FormView> {
    let draft: FormDefinition | undefined;
    if (dto.draft !== undefined) {
      const checked = checkDefinition(dto.draft);
      const errors = [
        ...checked.errors,
        ...(await this.references.check(principal, checked.definition)),
      ];
      if (errors.length > 0) throw new DomainError('request/validation', {}, errors);
      draft = checked.definition;
    }
    await this.tx.run(async () => {
      const form = await this.found(principal, id, true);
      await this.repo.update(principal.workspaceId, id, {
        name: dto.name !== undefined ? cleanText(dto.name) : undefined,
        state: dto.state,
        draft,
      });
      if (dto.state && dto.state !== form.state)
        await this.record(
          principal,
          dto.state === 'closed' ? 'form.closed' : 'form.opened',
          id,
          {},
        );
    });
    return this.get(principal, id);
  }

  /** The draft becomes the next live version (it must differ from the live one). */
  async publish(principal: Principal, id: string, dto: PublishFormDto): Promise<FormView> {
    await this.tx.run(async () => {
      const form = await this.found(principal, id, true);
      if (!form.changed) throw new DomainError('form/nothing_to_publish');
      // Referenced mailboxes, tags and fields may have gone since the draft was saved.
      const errors = await this.references.check(principal, form.draft);
      if (errors.length > 0) throw new DomainError('request/validation', {}, errors);
      const note = dto.note ? cleanText(dto.note) : null;
      await this.repo.publish(principal.workspaceId, id, {
        id: randomUUID(),
        definition: form.draft,
        note,
        publishedBy: principal.userId,
      });
      await this.record(principal, 'form.published', id, { note });
    });
    return this.get(principal, id);
  }

  async versions(principal: Principal, id: string): Promise<FormVersionSummary[]> {
    await this.found(principal, id);
    return (await this.repo.versions(principal.workspaceId, id)).map(versionSummary);
  }

  async version(principal: Principal, id: string, number: number): Promise<FormVersionView> {
    const version = await this.repo.version(principal.workspaceId, id, number);
    if (!version) throw new DomainError('form/version_not_found');
    return { ...versionSummary(version), formId: id, definition: version.definition };
  }

  /** An earlier version back in the draft (publishing it makes it live again: a rollback). */
  async restore(principal: Principal, id: string, number: number): Promise<FormView> {
    await this.tx.run(async () => {
      await this.found(principal, id, true);
      const version = await this.repo.version(principal.workspaceId, id, number);
      if (!version) throw new DomainError('form/version_not_found');
      await this.repo.update(principal.workspaceId, id, { draft: version.definition });
      await this.record(principal, 'form.version_restored', id, { number });
    });
    return this.get(principal, id);
  }

  /** Only a form nobody has submitted: submissions are records (close the form instead). */
  async remove(principal: Principal, id: string): Promise<void> {
    await this.tx.run(async () => {
      const form = await this.found(principal, id, true);
      if (await this.submissions.hasAny(principal.workspaceId, id))
        throw new DomainError('form/has_submissions');
      await this.repo.delete(principal.workspaceId, id);
      await this.record(principal, 'form.deleted', id, { name: form.name });
    });
  }

  private async found(principal: Principal, id: string, lock = false): Promise<FormRecord> {
    const form = await this.repo.find(principal.workspaceId, id, lock);
    if (!form) throw new DomainError('form/not_found');
    return form;
  }

  private record(principal: Principal, action: string, id: string, data: Record<string, unknown>) {
    return this.audit.record({
      workspaceId: principal.workspaceId,
      actorUserId: principal.userId,
      action,
      targetType: 'form',
      targetId: id,
      data,
    });
  }
}

/** 12 characters of base32: public, unguessable, readable in a URL. */
function formKey(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
}

function versionSummary(version: Omit<VersionRecord, 'definition' | 'formId'>): FormVersionSummary {
  return {
    id: version.id,
    number: version.number,
    note: version.note,
    publishedAt: version.publishedAt.toISOString(),
    publishedBy: version.publishedBy,
  };
}

function toFormView(form: FormRecord): FormView {
  return {
    id: form.id,
    name: form.name,
    key: form.key,
    state: form.state,
    draft: form.draft,
    hasUnpublishedChanges: form.changed,
    live: form.live && versionSummary(form.live),
    createdAt: form.createdAt.toISOString(),
    updatedAt: form.updatedAt.toISOString(),
  };
}
