import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { DuplicatePairView, PageView, PersonView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { DuplicatesRepository, type DuplicatePair } from './duplicates.repository';
import type { DuplicatesQueryDto } from './merge.dto';
import { PersonViews } from '../people/person-views';
import { PersonMergeRepository } from './person-merge.repository';

const LAST_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/** Suggested duplicates (people who look like one): for the workspace and for one profile. */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly repo: DuplicatesRepository,
    private readonly people: PersonMergeRepository,
    private readonly views: PersonViews,
  ) {}

  /**
   * Pairs in id order. A page scans a bounded number of people, so it may hold fewer pairs than
   * asked (even none) and still have a next cursor; the list ends when `nextCursor` is null.
   */
  async list(
    principal: Principal,
    query: DuplicatesQueryDto,
  ): Promise<PageView<DuplicatePairView>> {
    const limit = query.limit ?? 25;
    const [a, b] = query.cursor ? query.cursor.split('.') : [];
    const page = await this.repo.page(principal.workspaceId, a ? { a, b } : null, limit);
    const last = page.pairs.at(-1);
    const nextCursor =
      page.pairs.length === limit && last
        ? `${last.a}.${last.b}`
        : !page.scannedAll && page.lastScanned
          ? `${page.lastScanned}.${LAST_ID}`
          : null;
    return { items: await this.pairViews(principal.workspaceId, page.pairs), nextCursor };
  }

  /** Everyone who looks like this person (the profile's "possible duplicates"). */
  async of(principal: Principal, id: string): Promise<{ items: DuplicatePairView[] }> {
    const ws = principal.workspaceId;
    const [person] = await this.people.findMany(ws, [id]);
    if (!person) throw new DomainError('contact/not_found');
    const found = await this.repo.of(ws, id);
    return {
      items: await this.pairViews(
        ws,
        found.map((f) => ({ a: id, b: f.id, reason: f.reason })),
      ),
    };
  }

  private async pairViews(
    workspaceId: string,
    pairs: DuplicatePair[],
  ): Promise<DuplicatePairView[]> {
    const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
    const views = new Map<string, PersonView>(
      (await this.views.of(workspaceId, await this.people.findMany(workspaceId, ids))).map((v) => [
        v.id,
        v,
      ]),
    );
    return pairs.flatMap((p) => {
      const first = views.get(p.a);
      const second = views.get(p.b);
      return first && second ? [{ reason: p.reason, people: [first, second] }] : [];
    });
  }
}
