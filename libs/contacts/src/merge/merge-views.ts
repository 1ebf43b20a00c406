import { Injectable } from '@nestjs/common';
import type { CompanyView, PersonView } from '@sanad/contracts';
import type { Company } from '../entities/company.entity';
import type { Contact } from '../entities/contact.entity';
import { CompanyMergeRepository } from './company-merge.repository';
import { PersonViews } from '../people/person-views';
import { PersonMergeRepository } from './person-merge.repository';

/**
 * Views of people (the people's own `PersonViews`) and companies for merges and duplicates.
 * TODO(lead): the companies' view mapper here is local; swap for the companies' own.
 */
@Injectable()
export class MergeViews {
  constructor(
    private readonly people: PersonMergeRepository,
    private readonly companiesRepo: CompanyMergeRepository,
    private readonly personViews: PersonViews,
  ) {}

  persons(workspaceId: string, contacts: Contact[]): Promise<PersonView[]> {
    return this.personViews.of(workspaceId, contacts);
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
