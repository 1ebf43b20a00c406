import { Injectable } from '@nestjs/common';
import { AuditLog, type Principal } from '@sanad/accounts';
import {
  COMPANY_MERGE_FIELDS,
  type CompanyMergePreviewView,
  type CompanyView,
  type MergeConflictView,
} from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { contactSearchText, foldedSortName } from '@sanad/search';
import type { Company } from '../entities/company.entity';
import { CompanyMergeRepository } from './company-merge.repository';
import type { MergeDto } from './merge.dto';
import { readPicks } from './merge-picks.util';
import { mergeConflicts, mergeFields, unionFirst, type MergeFields } from './merge-rules.util';
import { CompaniesService } from '../companies/companies.service';
import { companySearchText } from '../companies/company-text.util';
import { PersonMergeRepository } from './person-merge.repository';

function sideOf(c: Company): MergeFields {
  return {
    fields: { name: c.name, category: c.categoryId, notes: c.notes },
    customFields: c.customFields,
  };
}

/** Merging two records of one company: the source's people and domains move to the target. */
@Injectable()
export class CompanyMergeService {
  constructor(
    private readonly repo: CompanyMergeRepository,
    private readonly people: PersonMergeRepository,
    private readonly companies: CompaniesService,
    private readonly audit: AuditLog,
    private readonly outbox: OutboxWriter,
    private readonly tx: TransactionRunner,
  ) {}

  async preview(
    principal: Principal,
    id: string,
    sourceId: string,
  ): Promise<CompanyMergePreviewView> {
    if (id === sourceId) throw new DomainError('company/merge_self');
    const ws = principal.workspaceId;
    const found = await this.repo.findMany(ws, [id, sourceId]);
    const target = found.find((c) => c.id === id);
    const source = found.find((c) => c.id === sourceId);
    if (!target) throw new DomainError('company/not_found');
    if (!source) throw new DomainError('company/merge_source_not_found');
    const views = await this.companies.viewsByIds(ws, [target.id, source.id]);
    const [targetView, sourceView] = [views.get(target.id), views.get(source.id)] as CompanyView[];
    return {
      target: targetView,
      source: sourceView,
      conflicts: mergeConflicts(sideOf(target), sideOf(source)).map((c): MergeConflictView =>
        c.field === 'category'
          ? { field: c.field, target: targetView.category, source: sourceView.category }
          : c,
      ),
      moves: {
        people: sourceView.peopleCount,
        domains: source.domains.filter((d) => !target.domains.includes(d)),
      },
    };
  }

  /** Folds `dto.sourceId` into `id` in one transaction; a repeated merge finds no source (404). */
  async merge(principal: Principal, id: string, dto: MergeDto): Promise<CompanyView> {
    if (id === dto.sourceId) throw new DomainError('company/merge_self');
    const { picks, errors } = readPicks(dto.pick, COMPANY_MERGE_FIELDS);
    if (errors.length > 0) throw new DomainError('request/validation', {}, errors);
    const ws = principal.workspaceId;
    await this.tx.run(async () => {
      const locked = new Map<string, Company | null>();
      for (const key of [id, dto.sourceId].sort()) locked.set(key, await this.repo.lock(ws, key));
      const target = locked.get(id);
      const source = locked.get(dto.sourceId);
      if (!target) throw new DomainError('company/not_found');
      if (!source) throw new DomainError('company/merge_source_not_found');
      const merged = mergeFields(sideOf(target), sideOf(source), picks);
      const changed: string[] = [];
      const nameChanged = merged.fields.name !== target.name;
      if (nameChanged) changed.push('name');
      if (merged.fields.category !== target.categoryId) changed.push('category');
      if (merged.fields.notes !== target.notes) changed.push('notes');
      const domains = unionFirst(target.domains, source.domains);
      if (domains.length !== target.domains.length) changed.push('domains');
      if (JSON.stringify(merged.customFields) !== JSON.stringify(target.customFields))
        changed.push('customFields');
      Object.assign(target, {
        name: merged.fields.name ?? target.name,
        categoryId: merged.fields.category,
        notes: merged.fields.notes,
        customFields: merged.customFields,
        domains,
      });
      target.sortName = foldedSortName(target.name, []);
      target.searchText = companySearchText(target);
      const moved = await this.repo.movePeople(ws, source.id, target.id);
      if (moved.length > 0) changed.push('peopleCount');
      // A person's search text holds their company's name: the source's people (and, when the
      // name changed, everyone at the survivor) are found by the survivor's name.
      const reindexed = nameChanged ? await this.repo.peopleOf(ws, target.id) : moved;
      await this.repo.reindexPeople(
        ws,
        reindexed.map((p) => ({
          id: p.id,
          text: contactSearchText({
            name: p.name,
            emails: p.emails,
            phones: p.phones,
            externalId: p.external_id,
            companyName: target.name,
          }),
        })),
      );
      await this.repo.moveActivities(ws, source.id, target.id);
      await this.repo.delete(ws, source.id);
      await this.repo.save(target);
      await this.people.insertActivity({
        workspaceId: ws,
        contactId: null,
        companyId: target.id,
        kind: 'merged',
        data: { sourceId: source.id, sourceName: source.name },
        actorId: principal.userId,
      });
      await this.audit.record({
        workspaceId: ws,
        actorUserId: principal.userId,
        action: 'company.merged',
        targetType: 'company',
        targetId: target.id,
        data: { sourceId: source.id, sourceName: source.name, picks },
      });
      await this.outbox.writeAll([
        {
          workspaceId: ws,
          type: 'company.merged',
          payload: { sourceId: source.id, targetId: target.id },
        },
        { workspaceId: ws, type: 'company.updated', payload: { companyId: target.id, changed } },
        ...moved.map((p) => ({
          workspaceId: ws,
          type: 'contact.updated' as const,
          payload: { contactId: p.id, changed: ['company'] },
        })),
      ]);
    });
    const [fresh] = await this.repo.findMany(ws, [id]);
    return (await this.companies.viewsByIds(ws, [fresh.id])).get(fresh.id) as CompanyView;
  }
}
