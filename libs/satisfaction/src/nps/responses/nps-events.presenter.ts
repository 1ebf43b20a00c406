import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ContactsService } from '@sanad/contacts';
import type { EventData } from '@sanad/contracts';
import { EventPresenters, type AnyDomainEvent, type EventPresenter } from '@sanad/queue';
import { NpsResponsesRepository } from './nps-responses.repository';
import { toResponseView } from './nps-responses.service';

/** `nps.responded` carries the survey and the response as it is when delivered. */
@Injectable()
export class NpsEventsPresenter implements EventPresenter<'nps.responded'>, OnModuleInit {
  readonly types = ['nps.responded'] as const;

  constructor(
    private readonly responses: NpsResponsesRepository,
    private readonly contacts: ContactsService,
    private readonly presenters: EventPresenters,
  ) {}

  onModuleInit(): void {
    this.presenters.register(this);
  }

  async present(
    events: Array<AnyDomainEvent<'nps.responded'>>,
  ): Promise<Map<string, EventData<'nps.responded'> | null>> {
    const out = new Map<string, EventData<'nps.responded'> | null>();
    for (const e of events) {
      const row = e.workspaceId
        ? await this.responses.view(e.workspaceId, e.payload.responseId)
        : null;
      if (!row || !e.workspaceId) {
        out.set(e.id, null);
        continue;
      }
      const people = row.contactId
        ? await this.contacts.summaries(e.workspaceId, [row.contactId])
        : new Map<string, { name: string | null }>();
      const name = row.contactId ? (people.get(row.contactId)?.name ?? '') : null;
      out.set(e.id, {
        survey: { id: row.surveyId, name: row.surveyName },
        response: { ...toResponseView(row, name), surveyId: row.surveyId },
      });
    }
    return out;
  }
}
