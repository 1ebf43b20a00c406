import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { ContactActivityView, CompanyView, PageView } from '@sanad/contracts';
import { DomainError, cleanText, sha256Hex, type FieldError } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { contactSearchPatterns, contactSearchText } from '@sanad/search';
import { companySearchText, companySortName } from './company-text.util';
import { CategoriesService } from '../categories/categories.service';
import type { CreateCompanyDto, ListCompaniesDto, UpdateCompanyDto } from '../dto';
import type { Company } from '../entities/company.entity';
import { checkCustomFields } from '../fields/custom-field-rules.util';
import { ContactFieldsService } from '../fields/contact-fields.service';
import { ContactActivities } from '../people/contact-activities';
import { ContactIdempotencyRepository } from '../people/idempotency.repository';
import { PeopleRepository } from '../people/people.repository';
import { WorkspaceRegion } from '../workspace-region';
import { CompaniesRepository, type CompanyFields } from './companies.repository';

/** Companies (الشركات): their people are linked by hand or by email domain. */
@Injectable()
export class CompaniesService {
  constructor(
    private readonly repo: CompaniesRepository,
    private readonly people: PeopleRepository,
    private readonly categories: CategoriesService,
    private readonly fields: ContactFieldsService,
    private readonly activities: ContactActivities,
    private readonly region: WorkspaceRegion,
    private readonly idempotency: ContactIdempotencyRepository,
    private readonly outbox: OutboxWriter,
    private readonly tx: TransactionRunner,
  ) {}

  async list(principal: Principal, dto: ListCompaniesDto): Promise<PageView<CompanyView>> {
    const limit = dto.limit ?? 50;
    const after = dto.cursor ? decodeCompanyCursor(dto.cursor) : undefined;
    if (after === null) throw new DomainError('request/invalid_cursor');
    const rows = await this.repo.list(principal.workspaceId, {
      patterns: dto.q ? contactSearchPatterns(dto.q) : [],
      categoryId: dto.categoryId,
      after,
      limit,
    });
    const items = await this.views(principal.workspaceId, rows);
    const last = rows.length === limit ? rows[rows.length - 1] : null;
    return { items, nextCursor: last ? encodeCompanyCursor(last.sortName, last.id) : null };
  }

  async get(principal: Principal, id: string): Promise<CompanyView> {
    const [row] = await this.repo.findMany(principal.workspaceId, [id]);
    if (!row) throw new DomainError('company/not_found');
    return (await this.views(principal.workspaceId, [row]))[0];
  }

  async viewsByIds(workspaceId: string, ids: string[]): Promise<Map<string, CompanyView>> {
    const views = await this.views(workspaceId, await this.repo.findMany(workspaceId, ids));
    return new Map(views.map((v) => [v.id, v]));
  }

  /** Companies by id for other views (the person page, exports). */
  async refs(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    return this.repo.names(workspaceId, [...new Set(ids)]);
  }

  async create(
    principal: Principal,
    dto: CreateCompanyDto,
    idempotencyKey?: string,
  ): Promise<CompanyView> {
    const requestHash = sha256Hex(JSON.stringify(dto));
    const id = await this.tx.run(async () => {
      if (idempotencyKey) {
        const key = `company:${idempotencyKey}`;
        const claim = await this.idempotency.claim(principal.workspaceId, key, requestHash);
        if (!claim.claimed) {
          if (claim.requestHash !== requestHash)
            throw new DomainError('request/idempotency_conflict');
          return (claim.response as { companyId: string }).companyId;
        }
      }
      const fields = await this.checked(principal.workspaceId, null, dto);
      const companyId = await this.repo.insert(principal.workspaceId, fields as CompanyFields);
      await this.activities.company(principal, companyId, 'created', {});
      await this.linkPeople(principal, companyId, fields.domains ?? []);
      await this.outbox.write({
        workspaceId: principal.workspaceId,
        type: 'company.created',
        payload: { companyId },
      });
      if (idempotencyKey)
        await this.idempotency.store(principal.workspaceId, `company:${idempotencyKey}`, {
          companyId,
        });
      return companyId;
    });
    return this.get(principal, id);
  }

  async update(principal: Principal, id: string, dto: UpdateCompanyDto): Promise<CompanyView> {
    await this.tx.run(async () => {
      const current = await this.repo.lock(principal.workspaceId, id);
      if (!current) throw new DomainError('company/not_found');
      const next = await this.checked(principal.workspaceId, current, dto);
      const changed = (Object.keys(next) as Array<keyof CompanyFields>).filter(
        (k) =>
          !['sortName', 'searchText'].includes(k) &&
          JSON.stringify(next[k]) !== JSON.stringify(current[k]),
      );
      if (changed.length === 0) return;
      await this.repo.update(principal.workspaceId, id, next);
      if (changed.includes('name')) await this.reindexPeople(principal.workspaceId, id);
      if (changed.includes('domains'))
        await this.linkPeople(
          principal,
          id,
          (next.domains ?? []).filter((d) => !current.domains.includes(d)),
        );
      await this.activities.company(principal, id, 'updated', { changed });
      await this.outbox.write({
        workspaceId: principal.workspaceId,
        type: 'company.updated',
        payload: { companyId: id, changed },
      });
    });
    return this.get(principal, id);
  }

  /** Its people stay, without a company (and their search text without its name). */
  async remove(principal: Principal, id: string): Promise<void> {
    await this.tx.run(async () => {
      const current = await this.repo.lock(principal.workspaceId, id);
      if (!current) throw new DomainError('company/not_found');
      const people = await this.repo.peopleIds(principal.workspaceId, id);
      await this.repo.remove(principal.workspaceId, id);
      for (const contactId of people)
        await this.reindexPerson(principal.workspaceId, contactId, null);
      await this.outbox.write({
        workspaceId: principal.workspaceId,
        type: 'company.deleted',
        payload: { companyId: id },
      });
    });
  }

  async timeline(principal: Principal, id: string): Promise<ContactActivityView[]> {
    await this.get(principal, id);
    return this.activities.timeline(principal.workspaceId, { companyId: id });
  }

  private async linkPeople(principal: Principal, companyId: string, domains: string[]) {
    const linked = await this.repo.linkByDomains(principal.workspaceId, companyId, domains);
    for (const contactId of linked) {
      await this.reindexPerson(principal.workspaceId, contactId, companyId);
      await this.activities.person(principal, contactId, 'company_linked', {
        companyId,
        by: 'domain',
      });
    }
    if (linked.length > 0)
      await this.outbox.writeAll(
        linked.map((contactId) => ({
          workspaceId: principal.workspaceId,
          type: 'contact.updated' as const,
          payload: { contactId, changed: ['companyId'] },
        })),
      );
  }

  private async reindexPeople(workspaceId: string, companyId: string): Promise<void> {
    for (const contactId of await this.repo.peopleIds(workspaceId, companyId))
      await this.reindexPerson(workspaceId, contactId, companyId);
  }

  /** A person's search text names their company: it follows renames, links and deletions. */
  private async reindexPerson(workspaceId: string, contactId: string, companyId: string | null) {
    const person = await this.people.find(workspaceId, contactId);
    if (!person) return;
    const companyName = companyId
      ? ((await this.repo.names(workspaceId, [companyId])).get(companyId) ?? null)
      : null;
    await this.people.update(workspaceId, contactId, {
      searchText: contactSearchText({ ...person, companyName }),
    });
  }

  private async checked(
    workspaceId: string,
    current: Company | null,
    dto: UpdateCompanyDto,
  ): Promise<Partial<CompanyFields>> {
    const errors: FieldError[] = [];
    const region = await this.region.of(workspaceId);
    const name = dto.name !== undefined ? cleanText(dto.name) : (current?.name ?? '');
    if (!name) errors.push({ field: 'name', code: 'isNotEmpty' });
    const domains = dto.domains
      ? [...new Set(dto.domains.map((d) => d.toLowerCase().replace(/^www\./, '')))]
      : (current?.domains ?? []);
    if (dto.domains && (await this.repo.domainHolder(workspaceId, current?.id ?? null, domains)))
      errors.push({ field: 'domains', code: 'domainInUse' });
    const rules = await this.fields.rules(workspaceId, 'company');
    const custom = checkCustomFields(
      rules,
      dto.customFields ?? {},
      current?.customFields ?? {},
      region,
    );
    errors.push(...custom.errors);
    if (dto.categoryId)
      await this.categories
        .check(workspaceId, 'company', dto.categoryId)
        .catch((e: DomainError) => errors.push(...e.fieldErrors));
    if (errors.length > 0) throw new DomainError('request/validation', {}, errors);
    return {
      name,
      domains,
      categoryId: dto.categoryId !== undefined ? dto.categoryId : (current?.categoryId ?? null),
      customFields: custom.values,
      notes:
        dto.notes !== undefined
          ? dto.notes
            ? cleanText(dto.notes) || null
            : null
          : (current?.notes ?? null),
      sortName: companySortName(name),
      searchText: companySearchText({ name, domains }),
    };
  }

  private async views(
    workspaceId: string,
    rows: Array<Company & { peopleCount: number }>,
  ): Promise<CompanyView[]> {
    const categories = await this.categories.refs(
      workspaceId,
      rows.flatMap((r) => r.categoryId ?? []),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      domains: r.domains,
      category: (r.categoryId && categories.get(r.categoryId)) || null,
      customFields: r.customFields,
      notes: r.notes,
      peopleCount: r.peopleCount,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function encodeCompanyCursor(sortName: string, id: string): string {
  return Buffer.from(JSON.stringify(['company', sortName, id])).toString('base64url');
}

function decodeCompanyCursor(text: string): { value: string; id: string } | null {
  if (text.length > 400 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const parts: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== 3 || parts[0] !== 'company') return null;
    const [, value, id] = parts as unknown[];
    if (typeof value !== 'string' || value.length > 300 || typeof id !== 'string' || !UUID.test(id))
      return null;
    return { value, id };
  } catch {
    return null;
  }
}
