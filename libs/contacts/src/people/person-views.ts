import { Injectable } from '@nestjs/common';
import type { CompanyRefView, PersonView } from '@sanad/contracts';
import { CategoriesRepository } from '../categories/categories.repository';
import { CompaniesRepository } from '../companies/companies.repository';
import type { Contact } from '../entities/contact.entity';
import { PeopleRepository } from './people.repository';

/** PersonViews for a batch of people: three queries however many. */
@Injectable()
export class PersonViews {
  constructor(
    private readonly people: PeopleRepository,
    private readonly companies: CompaniesRepository,
    private readonly categories: CategoriesRepository,
  ) {}

  /** Views of these ids, in their order; unknown ids are left out. */
  async byIds(workspaceId: string, ids: string[]): Promise<PersonView[]> {
    const rows = await this.people.findMany(workspaceId, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return this.of(
      workspaceId,
      ids.flatMap((id) => byId.get(id) ?? []),
    );
  }

  async of(workspaceId: string, contacts: Contact[]): Promise<PersonView[]> {
    const companyIds = [...new Set(contacts.flatMap((c) => c.companyId ?? []))];
    const categoryIds = [...new Set(contacts.flatMap((c) => c.categoryId ?? []))];
    const [names, categories] = await Promise.all([
      this.companies.names(workspaceId, companyIds),
      this.categories.findMany(workspaceId, categoryIds),
    ]);
    const categoryById = new Map(categories.map((c) => [c.id, c]));
    return contacts.map((c) => {
      const companyName = c.companyId ? names.get(c.companyId) : undefined;
      const category = c.categoryId ? categoryById.get(c.categoryId) : undefined;
      const company: CompanyRefView | null =
        c.companyId && companyName ? { id: c.companyId, name: companyName } : null;
      return {
        id: c.id,
        name: c.name,
        initials: initials(c.name, c.emails[0] ?? c.phones[0] ?? null),
        emails: c.emails,
        phones: c.phones,
        externalId: c.externalId,
        registered: c.registered,
        company,
        companyLink: company ? c.companyLink : null,
        category: category ? { id: category.id, name: category.name, color: category.color } : null,
        customFields: c.customFields,
        notes: c.notes,
        language: c.language,
        createdAt: c.createdAt.toISOString(),
        updatedAt: c.updatedAt.toISOString(),
        lastSeenAt: c.lastSeenAt?.toISOString() ?? null,
        lastConversationAt: c.lastConversationAt?.toISOString() ?? null,
      };
    });
  }
}

/** Two letters for the avatar: first letters of the first and last names, else of the address. */
export function initials(name: string | null, fallback: string | null): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  // العتيبي → ع: the family name's letter, not its article.
  const family = words[words.length - 1]?.replace(/^ال(?=\S{2})/, '');
  if (words.length >= 2) return ([...words[0]][0] + [...family][0]).toUpperCase();
  if (words.length === 1) return [...words[0]].slice(0, 2).join('').toUpperCase();
  const source = (fallback ?? '').replace(/^\+/, '');
  return [...source].slice(0, 2).join('').toUpperCase() || '?';
}
