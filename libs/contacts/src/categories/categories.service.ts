import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { CategoryRefView, CategoryView, ContactEntity } from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { CompaniesRepository } from '../companies/companies.repository';
import type { CreateCategoryDto, UpdateCategoryDto } from '../dto/category.dto';
import type { ContactCategory } from '../entities/contact-category.entity';
import { PeopleRepository } from '../people/people.repository';
import { CategoriesRepository } from './categories.repository';

/** Categories of people and of companies (الفئات). */
@Injectable()
export class CategoriesService {
  constructor(
    private readonly repo: CategoriesRepository,
    private readonly people: PeopleRepository,
    private readonly companies: CompaniesRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async list(workspaceId: string, entity: ContactEntity): Promise<CategoryView[]> {
    return (await this.repo.list(workspaceId, entity)).map((c) => ({ ...toRef(c), ...rest(c) }));
  }

  async refs(workspaceId: string, ids: string[]): Promise<Map<string, CategoryRefView>> {
    const found = await this.repo.findMany(workspaceId, [...new Set(ids)]);
    return new Map(found.map((c) => [c.id, toRef(c)]));
  }

  /** The category, checked to belong to the workspace and the entity (400 naming `field`). */
  async check(
    workspaceId: string,
    entity: ContactEntity,
    id: string,
    field = 'categoryId',
  ): Promise<void> {
    const found = await this.repo.find(workspaceId, id);
    if (!found || found.entity !== entity)
      throw new DomainError('request/validation', {}, [{ field, code: 'unknownCategory' }]);
  }

  async create(principal: Principal, dto: CreateCategoryDto): Promise<CategoryView> {
    const name = cleanText(dto.name);
    return this.tx.run(async () => {
      if (await this.repo.findByName(principal.workspaceId, dto.entity, name))
        throw new DomainError('contact_category/name_taken');
      const id = await this.repo.insert({
        workspaceId: principal.workspaceId,
        entity: dto.entity,
        name,
        color: (dto.color ?? '#64748b').toLowerCase(),
      });
      return this.one(principal.workspaceId, dto.entity, id);
    });
  }

  async update(principal: Principal, id: string, dto: UpdateCategoryDto): Promise<CategoryView> {
    return this.tx.run(async () => {
      const found = await this.repo.find(principal.workspaceId, id);
      if (!found) throw new DomainError('contact_category/not_found');
      const name = dto.name !== undefined ? cleanText(dto.name) : undefined;
      if (name) {
        const other = await this.repo.findByName(principal.workspaceId, found.entity, name);
        if (other && other.id !== id) throw new DomainError('contact_category/name_taken');
      }
      await this.repo.update(principal.workspaceId, id, {
        ...(name ? { name } : {}),
        ...(dto.color ? { color: dto.color.toLowerCase() } : {}),
      });
      return this.one(principal.workspaceId, found.entity, id);
    });
  }

  /** The new order: every category of the entity, each once. */
  async reorder(
    principal: Principal,
    entity: ContactEntity,
    ids: string[],
  ): Promise<CategoryView[]> {
    const current = await this.repo.list(principal.workspaceId, entity);
    const known = new Set(current.map((c) => c.id));
    if (
      ids.length !== known.size ||
      new Set(ids).size !== ids.length ||
      ids.some((i) => !known.has(i))
    )
      throw new DomainError('request/validation', {}, [{ field: 'ids', code: 'categoryOrder' }]);
    await this.repo.reorder(principal.workspaceId, entity, ids);
    return this.list(principal.workspaceId, entity);
  }

  /** Its people (or companies) move to `moveTo` (or to none) in the same transaction. */
  async remove(principal: Principal, id: string, moveTo?: string): Promise<void> {
    await this.tx.run(async () => {
      const found = await this.repo.find(principal.workspaceId, id);
      if (!found) throw new DomainError('contact_category/not_found');
      if (moveTo === id)
        throw new DomainError('request/validation', {}, [
          { field: 'moveTo', code: 'unknownCategory' },
        ]);
      if (moveTo) await this.check(principal.workspaceId, found.entity, moveTo, 'moveTo');
      if (found.entity === 'person')
        await this.people.moveCategory(principal.workspaceId, id, moveTo ?? null);
      else await this.companies.moveCategory(principal.workspaceId, id, moveTo ?? null);
      await this.repo.remove(principal.workspaceId, id);
    });
  }

  private async one(workspaceId: string, entity: ContactEntity, id: string): Promise<CategoryView> {
    const found = (await this.list(workspaceId, entity)).find((c) => c.id === id);
    if (!found) throw new DomainError('contact_category/not_found');
    return found;
  }
}

function toRef(c: ContactCategory): CategoryRefView {
  return { id: c.id, name: c.name, color: c.color };
}

function rest(c: ContactCategory & { count: number }): Omit<CategoryView, keyof CategoryRefView> {
  return { entity: c.entity, position: c.position, systemKey: c.systemKey, count: c.count };
}
