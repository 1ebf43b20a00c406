import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { CompanyView, EventData, PersonView } from '@sanad/contracts';
import { EventPresenters, type AnyDomainEvent, type EventPresenter } from '@sanad/queue';
import { CompaniesService } from './companies/companies.service';
import { PersonViews } from './people/person-views';

const TYPES = [
  'contact.created',
  'contact.updated',
  'contact.merged',
  'company.created',
  'company.updated',
  'company.merged',
] as const;
type Presented = (typeof TYPES)[number];

/**
 * Events about people and companies carry their full view as it is when the event is delivered
 * (later webhooks send the same). A subject deleted since is left out; its `*.deleted` follows.
 */
@Injectable()
export class ContactEventsPresenter implements EventPresenter<Presented>, OnModuleInit {
  readonly types = TYPES;

  constructor(
    private readonly people: PersonViews,
    private readonly companies: CompaniesService,
    private readonly presenters: EventPresenters,
  ) {}

  onModuleInit(): void {
    this.presenters.register(this);
  }

  async present(
    events: Array<AnyDomainEvent<Presented>>,
  ): Promise<Map<string, EventData<Presented> | null>> {
    const out = new Map<string, EventData<Presented> | null>();
    const byWorkspace = new Map<string, Array<AnyDomainEvent<Presented>>>();
    for (const e of events)
      byWorkspace.set(e.workspaceId as string, [
        ...(byWorkspace.get(e.workspaceId as string) ?? []),
        e,
      ]);
    for (const [workspaceId, group] of byWorkspace) {
      const personIds = group.flatMap((e) =>
        e.type === 'contact.merged'
          ? [e.payload.targetId]
          : 'contactId' in e.payload
            ? [e.payload.contactId]
            : [],
      );
      const companyIds = group.flatMap((e) =>
        e.type === 'company.merged'
          ? [e.payload.targetId]
          : 'companyId' in e.payload
            ? [e.payload.companyId]
            : [],
      );
      const people = new Map(
        (await this.people.byIds(workspaceId, [...new Set(personIds)])).map((p) => [p.id, p]),
      );
      const companies = await this.companies.viewsByIds(workspaceId, [...new Set(companyIds)]);
      for (const e of group) out.set(e.id, this.data(e, people, companies));
    }
    return out;
  }

  private data(
    e: AnyDomainEvent<Presented>,
    people: Map<string, PersonView>,
    companies: Map<string, CompanyView>,
  ): EventData<Presented> | null {
    const changed =
      'changed' in e.payload && e.payload.changed ? { changed: e.payload.changed } : {};
    switch (e.type) {
      case 'contact.created':
      case 'contact.updated': {
        const contact = people.get(e.payload.contactId);
        return contact ? { contact, ...changed } : null;
      }
      case 'contact.merged': {
        const contact = people.get(e.payload.targetId);
        return contact ? { ...e.payload, contact } : null;
      }
      case 'company.merged': {
        const company = companies.get(e.payload.targetId);
        return company ? { ...e.payload, company } : null;
      }
      default: {
        const company = companies.get(e.payload.companyId);
        return company ? { company, ...changed } : null;
      }
    }
  }
}
