import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EventData } from '@sanad/contracts';
import { EventPresenters, type AnyDomainEvent, type EventPresenter } from '@sanad/queue';
import { SubmissionsService } from './submissions.service';

/** `form.submitted` carries the submission's full view as it is when delivered. */
@Injectable()
export class SubmissionEventsPresenter implements EventPresenter<'form.submitted'>, OnModuleInit {
  readonly types = ['form.submitted'] as const;

  constructor(
    private readonly submissions: SubmissionsService,
    private readonly presenters: EventPresenters,
  ) {}

  onModuleInit(): void {
    this.presenters.register(this);
  }

  async present(
    events: Array<AnyDomainEvent<'form.submitted'>>,
  ): Promise<Map<string, EventData<'form.submitted'> | null>> {
    const out = new Map<string, EventData<'form.submitted'> | null>();
    for (const e of events) {
      const submission = await this.submissions.view(
        e.workspaceId as string,
        e.payload.submissionId,
      );
      out.set(e.id, submission ? { submission } : null);
    }
    return out;
  }
}
