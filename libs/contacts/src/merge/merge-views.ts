import { Injectable } from '@nestjs/common';
import type { CompanyView, PersonView } from '@sanad/contracts';
import type { Company } from '../entities/company.entity';
import type { Contact } from '../entities/contact.entity';
import { CompanyMergeRepository } from './company-merge.repository';
import { PersonMergeRepository, type ContactRefs } from './person-merge.repository';

/**
 * Views of people and companies for merges and duplicates, a batch in three queries.
 * TODO(lead): swap for `people/person-views.ts` (and the companies' views) once on main.
 */
@Injectable()
export class MergeViews {
  constructor(
    private readonly people: PersonMergeRepository,
    private readonly companiesRepo: CompanyMergeRepository,
  ) {}

  async persons(workspaceId: string, contacts: Contact[]): Promise<PersonView[]> {
    const refs = await this.people.refs(
      workspaceId,
      contacts.flatMap((c) => (c.companyId ? [c.companyId] : [])),
      contacts.flatMap((c) => (c.categoryId ? [c.categoryId] : [])),
    );
    return contacts.map((c) => toPersonView(c, refs));
  }

  async companies(workspaceId: string, companies: Company[]): Promise<CompanyView[]> {
    const ids = companies.map((c) => c.id);
    const [refs, counts] = await Promise.all([
      this.people.refs(
        workspaceId,
        [],
        companies.flatMap((c) => (c.categoryId ? [c.categoryId] : [])),
      ),
      this.companiesRepo.peopleCounts(workspaceId, ids),
    ]);
    return companies.map((c) => ({
      id: c.id,
      name: c.name,
      domains: c.domains,
      category: (c.categoryId && refs.categories.get(c.categoryId)) || null,
      customFields: c.customFields,
      notes: c.notes,
      peopleCount: counts.get(c.id) ?? 0,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    }));
  }
}

/** Two letters for the avatar: the first letters of the first two words, else of the email. */
export function initialsOf(name: string | null, emails: readonly string[]): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length > 1) return [...words[0]][0] + [...words[1]][0];
  const source = words[0] ?? emails[0] ?? '';
  return [...source].slice(0, 2).join('').toUpperCase();
}

export function toPersonView(c: Contact, refs: ContactRefs): PersonView {
  return {
    id: c.id,
    name: c.name,
    initials: initialsOf(c.name, c.emails),
    emails: c.emails,
    phones: c.phones,
    externalId: c.externalId,
    registered: c.registered,
    company: (c.companyId && refs.companies.get(c.companyId)) || null,
    companyLink: c.companyLink,
    category: (c.categoryId && refs.categories.get(c.categoryId)) || null,
    customFields: c.customFields,
    notes: c.notes,
    language: c.language,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    lastSeenAt: c.lastSeenAt?.toISOString() ?? null,
    lastConversationAt: c.lastConversationAt?.toISOString() ?? null,
  };
}
