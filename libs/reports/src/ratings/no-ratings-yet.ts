import { Injectable } from '@nestjs/common';
import { RATING_DIMENSIONS, type RatingGroupView, type RatingSummaryView } from '@sanad/contracts';
import { ReportRatings } from './report-ratings';

/** Until the satisfaction library answers: no ratings have been given. */
@Injectable()
export class NoRatingsYet extends ReportRatings {
  summary(): Promise<RatingSummaryView> {
    return Promise.resolve({
      count: 0,
      average: null,
      dimensions: { manner: null, speed: null, clarity: null, happiness: null },
    });
  }

  groups(): Promise<RatingGroupView[]> {
    return Promise.resolve([]);
  }

  distribution() {
    return Promise.resolve(
      Object.fromEntries(
        (['overall', ...RATING_DIMENSIONS] as const).map((d) => [d, [0, 0, 0, 0, 0]]),
      ) as Record<'overall' | (typeof RATING_DIMENSIONS)[number], number[]>,
    );
  }

  comments() {
    return Promise.resolve({ comments: [], nextCursor: null });
  }
}
