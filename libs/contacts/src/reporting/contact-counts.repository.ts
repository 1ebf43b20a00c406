import { Injectable } from '@nestjs/common';
import type { ReportBucket, WeekStart } from '@sanad/contracts';
import { Db, localBucketSql } from '@sanad/database';

export interface ContactCounts {
  registered: number;
  unregistered: number;
  newPeople: number;
  newCompanies: number;
  /** People per category now (null = no category). */
  byCategory: Array<{ categoryId: string | null; people: number }>;
}

/** What the contacts report counts of people and companies (the reports library asks). */
@Injectable()
export class ContactCountsRepository {
  constructor(private readonly db: Db) {}

  /** The three counts at once; people by category and registration from one index. */
  async counts(workspaceId: string, from: Date, to: Date): Promise<ContactCounts> {
    const [groups, [people], [companies]] = await Promise.all([
      this.db.query<Array<{ category_id: string | null; registered: boolean; n: number }>>(
        `SELECT category_id, registered, count(*)::int AS n FROM contacts
          WHERE workspace_id = $1 GROUP BY category_id, registered`,
        [workspaceId],
      ),
      this.db.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM contacts
          WHERE workspace_id = $1 AND created_at >= $2 AND created_at < $3`,
        [workspaceId, from, to],
      ),
      this.db.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM companies
          WHERE workspace_id = $1 AND created_at >= $2 AND created_at < $3`,
        [workspaceId, from, to],
      ),
    ]);
    const byCategory = new Map<string | null, number>();
    for (const g of groups)
      byCategory.set(g.category_id, (byCategory.get(g.category_id) ?? 0) + g.n);
    const sum = (registered: boolean) =>
      groups.filter((g) => g.registered === registered).reduce((n, g) => n + g.n, 0);
    return {
      registered: sum(true),
      unregistered: sum(false),
      newPeople: people.n,
      newCompanies: companies.n,
      byCategory: [...byCategory].map(([categoryId, n]) => ({ categoryId, people: n })),
    };
  }

  /** New people per local bucket start (the report fills the empty buckets). */
  async newPeopleSeries(
    workspaceId: string,
    from: Date,
    to: Date,
    timeZone: string,
    bucket: ReportBucket,
    weekStart: WeekStart,
  ): Promise<Array<{ start: Date; n: number }>> {
    const rows = await this.db.query<Array<{ start: Date; n: number }>>(
      `SELECT ${localBucketSql('created_at', bucket, '$4', weekStart)} AT TIME ZONE $4 AS start,
              count(*)::int AS n
         FROM contacts WHERE workspace_id = $1 AND created_at >= $2 AND created_at < $3
        GROUP BY 1`,
      [workspaceId, from, to, timeZone],
    );
    return rows;
  }
}
