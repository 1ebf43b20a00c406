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

  async counts(workspaceId: string, from: Date, to: Date): Promise<ContactCounts> {
    const [totals] = await this.db.query<
      Array<{ registered: number; unregistered: number; new_people: number }>
    >(
      `SELECT count(*) FILTER (WHERE registered)::int AS registered,
              count(*) FILTER (WHERE NOT registered)::int AS unregistered,
              count(*) FILTER (WHERE created_at >= $2 AND created_at < $3)::int AS new_people
         FROM contacts WHERE workspace_id = $1`,
      [workspaceId, from, to],
    );
    const [companies] = await this.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM companies
        WHERE workspace_id = $1 AND created_at >= $2 AND created_at < $3`,
      [workspaceId, from, to],
    );
    const categories = await this.db.query<Array<{ category_id: string | null; n: number }>>(
      `SELECT category_id, count(*)::int AS n FROM contacts WHERE workspace_id = $1
        GROUP BY category_id`,
      [workspaceId],
    );
    return {
      registered: totals.registered,
      unregistered: totals.unregistered,
      newPeople: totals.new_people,
      newCompanies: companies.n,
      byCategory: categories.map((c) => ({ categoryId: c.category_id, people: c.n })),
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
