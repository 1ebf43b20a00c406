import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EventData } from '@sanad/contracts';
import { EventPresenters, type AnyDomainEvent, type EventPresenter } from '@sanad/queue';
import { RatingsRepository } from './ratings.repository';

type RatingEvent = 'rating.created' | 'rating.updated';

/** `rating.created` / `rating.updated` carry the rating as it is when delivered. */
@Injectable()
export class RatingEventsPresenter implements EventPresenter<RatingEvent>, OnModuleInit {
  readonly types = ['rating.created', 'rating.updated'] as const;

  constructor(
    private readonly ratings: RatingsRepository,
    private readonly presenters: EventPresenters,
  ) {}

  onModuleInit(): void {
    this.presenters.register(this);
  }

  async present(
    events: Array<AnyDomainEvent<RatingEvent>>,
  ): Promise<Map<string, EventData<RatingEvent> | null>> {
    const out = new Map<string, EventData<RatingEvent> | null>();
    for (const e of events) {
      const rating = e.workspaceId
        ? await this.ratings.view(e.workspaceId, e.payload.ratingId)
        : null;
      out.set(e.id, rating ? { rating } : null);
    }
    return out;
  }
}
