import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type {
  ContactActivityView,
  CustomFieldValues,
  PageView,
  PersonView,
} from '@sanad/contracts';
import { DomainError, cappedName, cleanText, sha256Hex, type FieldError } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import {
  contactNamePrefix,
  contactSearchPatterns,
  contactSearchText,
  foldedSortName,
} from '@sanad/search';
import { CategoriesService } from '../categories/categories.service';
import { CompaniesRepository } from '../companies/companies.repository';
import type { CreatePersonDto, UpdatePersonDto } from '../dto/person.dto';
import type { ListPeopleDto } from '../dto/list-people.dto';
import type { Contact } from '../entities/contact.entity';
import { checkCustomFields } from '../fields/custom-field-rules.util';
import { ContactFieldsService } from '../fields/contact-fields.service';
import { WorkspaceRegion } from '../workspace-region';
import { ContactActivities } from './contact-activities';
import { ContactIdempotencyRepository } from './idempotency.repository';
import { decodePeopleCursor, encodePeopleCursor, type PeopleCursor } from './people-cursor.util';
import type { PeopleQuery } from './people-query.util';
import { PeopleFilters } from './people-filters';
import { PeopleRepository, type PersonFields, type SegmentPerson } from './people.repository';
import { checkEmails, checkPhones, emailDomains } from './person-input.util';
import { PersonViews } from './person-views';

/** People (الأشخاص): add, edit, list, search, delete; every change on the timeline and the outbox. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly repo: PeopleRepository,
    private readonly companies: CompaniesRepository,
    private readonly categories: CategoriesService,
    private readonly fields: ContactFieldsService,
    private readonly filters: PeopleFilters,
    private readonly views: PersonViews,
    private readonly activities: ContactActivities,
    private readonly idempotency: ContactIdempotencyRepository,
    private readonly region: WorkspaceRegion,
    private readonly outbox: OutboxWriter,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Everyone matching the people list's filters (category, company, registered, last seen in
   * [lastSeenFrom, lastSeenTo)), the ids already checked to be the workspace's: a survey's
   * segment.
   */
  segment(
    workspaceId: string,
    filters: Pick<
      PeopleQuery,
      'categoryId' | 'companyId' | 'registered' | 'lastSeenFrom' | 'lastSeenTo'
    >,
  ): Promise<SegmentPerson[]> {
    return this.repo.segment({
      workspaceId,
      patterns: [],
      fields: [],
      sort: 'name',
      order: 'asc',
      limit: 0,
      ...filters,
    });
  }

  async list(principal: Principal, dto: ListPeopleDto): Promise<PageView<PersonView>> {
    const sort = dto.sort ?? 'name';
    const after = dto.cursor ? decodePeopleCursor(sort, dto.cursor) : undefined;
    const prefix = sort === 'name' && dto.q ? contactNamePrefix(dto.q) : null;
    if (after === null || (after && !prefix !== (after.tier === 0)))
      throw new DomainError('request/invalid_cursor');
    const query = {
      workspaceId: principal.workspaceId,
      patterns: dto.q ? contactSearchPatterns(dto.q) : [],
      categoryId: dto.categoryId,
      companyId: dto.companyId,
      registered: dto.registered,
      createdFrom: dto.createdFrom,
      createdTo: dto.createdTo,
      lastSeenFrom: dto.lastSeenFrom,
      lastSeenTo: dto.lastSeenTo,
      fields: await this.filters.parse(principal.workspaceId, dto.field ?? []),
      sort,
      order: dto.order ?? (sort === 'name' ? 'asc' : 'desc'),
      limit: dto.limit ?? 50,
    } as const;
    const page = await this.tx.snapshot(async () => {
      const found = await this.pageIds(query, prefix, after);
      return { items: await this.views.byIds(principal.workspaceId, found.ids), last: found.last };
    });
    return {
      items: page.items,
      nextCursor: page.last ? encodePeopleCursor(sort, page.last) : null,
    };
  }

  /** One page; a name search goes tier by tier (names starting with the query, then the rest). */
  private async pageIds(
    query: PeopleQuery,
    prefix: string | null,
    after: PeopleCursor | undefined,
  ): Promise<{ ids: string[]; last: PeopleCursor | null }> {
    if (!prefix) {
      const page = await this.repo.listIds({ ...query, after });
      return { ids: page.ids, last: page.last && { ...page.last, tier: 0 } };
    }
    const ids: string[] = [];
    let cursor = after?.tier ? after : undefined;
    for (const tier of [1, 2] as const) {
      if (cursor && cursor.tier > tier) continue;
      const page = await this.repo.listIds({
        ...query,
        namePrefix: { pattern: prefix, tier },
        after: cursor?.tier === tier ? cursor : undefined,
        limit: query.limit - ids.length,
      });
      ids.push(...page.ids);
      if (page.last) return { ids, last: { ...page.last, tier } };
      cursor = undefined;
    }
    return { ids, last: null };
  }

  async get(principal: Principal, id: string): Promise<PersonView> {
    const [view] = await this.views.byIds(principal.workspaceId, [id]);
    if (!view) throw new DomainError('contact/not_found');
    return view;
  }

  async create(
    principal: Principal,
    dto: CreatePersonDto,
    idempotencyKey?: string,
  ): Promise<PersonView> {
    const requestHash = sha256Hex(JSON.stringify(dto));
    const id = await this.tx.run(async () => {
      if (idempotencyKey) {
        const claim = await this.idempotency.claim(
          principal.workspaceId,
          idempotencyKey,
          requestHash,
        );
        if (!claim.claimed) {
          if (claim.requestHash !== requestHash)
            throw new DomainError('request/idempotency_conflict');
          return (claim.response as { contactId: string }).contactId;
        }
      }
      const fields = await this.checked(principal.workspaceId, null, dto, null);
      const contactId = await this.repo.insert(principal.workspaceId, fields);
      await this.activities.person(principal, contactId, 'created', {});
      if (fields.companyId)
        await this.activities.person(principal, contactId, 'company_linked', {
          companyId: fields.companyId,
          by: fields.companyLink,
        });
      await this.outbox.write({
        workspaceId: principal.workspaceId,
        type: 'contact.created',
        payload: { contactId },
      });
      if (idempotencyKey)
        await this.idempotency.store(principal.workspaceId, idempotencyKey, { contactId });
      return contactId;
    });
    return this.get(principal, id);
  }

  async update(principal: Principal, id: string, dto: UpdatePersonDto): Promise<PersonView> {
    await this.tx.run(async () => {
      const current = await this.repo.lock(principal.workspaceId, id);
      if (!current) throw new DomainError('contact/not_found');
      const next = await this.checked(principal.workspaceId, current, dto, current.customFields);
      const changed = (Object.keys(next) as Array<keyof PersonFields>).filter(
        (k) =>
          !['sortName', 'searchText'].includes(k) &&
          JSON.stringify(next[k]) !== JSON.stringify(current[k]),
      );
      if (changed.length === 0) return;
      await this.repo.update(principal.workspaceId, id, next);
      if (changed.includes('companyId'))
        await this.activities.person(
          principal,
          id,
          next.companyId ? 'company_linked' : 'company_unlinked',
          {
            companyId: next.companyId ?? current.companyId,
            by: next.companyLink,
          },
        );
      if (changed.includes('categoryId'))
        await this.activities.person(principal, id, 'category_changed', {
          from: current.categoryId,
          to: next.categoryId,
        });
      await this.activities.person(principal, id, 'updated', { changed });
      await this.outbox.write({
        workspaceId: principal.workspaceId,
        type: 'contact.updated',
        payload: { contactId: id, changed },
      });
    });
    return this.get(principal, id);
  }

  /** Link to a company by hand, or unlink (a domain link undone is never made again). */
  async setCompany(
    principal: Principal,
    id: string,
    companyId: string | null,
  ): Promise<PersonView> {
    return this.update(principal, id, { companyId });
  }

  /**
   * Idempotency keys of contact creates (people, companies, imports) older than `hours` go, in
   * batches; returns how many went.
   */
  async pruneIdempotencyKeys(hours: number, batch = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const removed = await this.idempotency.prune(hours, batch);
      total += removed;
      if (removed < batch) return total;
    }
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.tx.run(async () => {
      const current = await this.repo.lock(principal.workspaceId, id);
      if (!current) throw new DomainError('contact/not_found');
      await this.repo.remove(principal.workspaceId, id);
      await this.outbox.write({
        workspaceId: principal.workspaceId,
        type: 'contact.deleted',
        payload: { contactId: id },
      });
    });
  }

  async timeline(principal: Principal, id: string): Promise<ContactActivityView[]> {
    if (!(await this.repo.find(principal.workspaceId, id)))
      throw new DomainError('contact/not_found');
    return this.activities.timeline(principal.workspaceId, { contactId: id });
  }

  /**
   * The row a write leaves: every input checked (400 naming each field, nothing written),
   * identities unique in the workspace, the company linked by email domain when none is set.
   */
  private async checked(
    workspaceId: string,
    current: Contact | null,
    dto: CreatePersonDto,
    currentFields: CustomFieldValues | null,
  ): Promise<PersonFields> {
    const region = await this.region.of(workspaceId);
    const errors: FieldError[] = [];
    const emails = dto.emails ? checkEmails(dto.emails, errors) : (current?.emails ?? []);
    const phones = dto.phones ? checkPhones(dto.phones, region, errors) : (current?.phones ?? []);
    const externalId =
      dto.externalId !== undefined
        ? dto.externalId
          ? cleanText(dto.externalId) || null
          : null
        : (current?.externalId ?? null);
    const rules = await this.fields.rules(workspaceId, 'person');
    const custom = checkCustomFields(rules, dto.customFields ?? {}, currentFields ?? {}, region);
    errors.push(...custom.errors);
    if (dto.categoryId)
      await this.categories
        .check(workspaceId, 'person', dto.categoryId)
        .catch((e: DomainError) => errors.push(...e.fieldErrors));
    let companyId = dto.companyId !== undefined ? dto.companyId : (current?.companyId ?? null);
    let companyLink =
      dto.companyId !== undefined
        ? dto.companyId
          ? 'manual'
          : null
        : (current?.companyLink ?? null);
    const optOut =
      (current?.companyDomainOptOut ?? false) ||
      (dto.companyId === null && current?.companyLink === 'domain');
    let companyName: string | null = null;
    if (companyId) {
      companyName = (await this.companies.names(workspaceId, [companyId])).get(companyId) ?? null;
      if (!companyName) errors.push({ field: 'companyId', code: 'unknownCompany' });
    }
    const holders = await this.repo.holders(workspaceId, current?.id ?? null, {
      emails,
      phones,
      externalId,
    });
    for (const holder of holders) {
      emails.forEach(
        (e, i) =>
          holder.emails.includes(e) && errors.push({ field: `emails.${i}`, code: 'emailInUse' }),
      );
      phones.forEach(
        (p, i) =>
          holder.phones.includes(p) && errors.push({ field: `phones.${i}`, code: 'phoneInUse' }),
      );
      if (externalId && holder.externalId === externalId)
        errors.push({ field: 'externalId', code: 'externalIdInUse' });
    }
    if (errors.length > 0) throw new DomainError('request/validation', {}, errors);
    if (!companyId && !optOut) {
      for (const domain of emailDomains(emails)) {
        const company = await this.companies.byDomain(workspaceId, domain);
        if (company) {
          companyId = company.id;
          companyName = company.name;
          companyLink = 'domain';
          break;
        }
      }
    }
    const name =
      dto.name !== undefined
        ? dto.name
          ? cappedName(dto.name) || null
          : null
        : (current?.name ?? null);
    return {
      name,
      emails,
      phones,
      externalId,
      companyId,
      companyLink: companyId ? companyLink : null,
      companyDomainOptOut: optOut,
      categoryId: dto.categoryId !== undefined ? dto.categoryId : (current?.categoryId ?? null),
      customFields: custom.values,
      notes:
        dto.notes !== undefined
          ? dto.notes
            ? cleanText(dto.notes) || null
            : null
          : (current?.notes ?? null),
      language: dto.language !== undefined ? dto.language : (current?.language ?? null),
      sortName: foldedSortName(name, emails),
      searchText: contactSearchText({ name, emails, phones, externalId, companyName }),
    };
  }
}
