import type {
  RatingCommentView,
  RatingDimension,
  RatingGroupBy,
  RatingGroupView,
  RatingSummaryView,
  ReportWindow,
} from '@sanad/contracts';

/**
 * What reports ask of satisfaction (the ratings library owns its tables and answers these),
 * for ratings given in the window, with the window's filters applied to what each rating was
 * attributed to.
 */
export abstract class ReportRatings {
  abstract summary(window: ReportWindow): Promise<RatingSummaryView>;
  abstract groups(window: ReportWindow, by: RatingGroupBy): Promise<RatingGroupView[]>;
  abstract distribution(
    window: ReportWindow,
  ): Promise<Record<'overall' | RatingDimension, number[]>>;
  abstract comments(
    window: ReportWindow,
    cursor: string | null,
    limit: number,
  ): Promise<{ comments: RatingCommentView[]; nextCursor: string | null }>;
}
