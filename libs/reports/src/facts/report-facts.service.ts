import { Injectable } from '@nestjs/common';
import { ContactsService } from '@sanad/contacts';
import { ReportTimelinesRepository } from '@sanad/conversations';
import { TransactionRunner } from '@sanad/database';
import { deriveFacts, type DerivedFacts } from '../definitions/conversation-facts.util';
import { ReportFactsRepository } from './report-facts.repository';

/** Hours (and days) folded per statement by `compactRollups`. */
const FOLDED_PER_STATEMENT = 2000;

/** Derives conversations' report facts from their timelines and stores them. */
@Injectable()
export class ReportFactsService {
  constructor(
    private readonly timelines: ReportTimelinesRepository,
    private readonly contacts: ContactsService,
    private readonly repo: ReportFactsRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Facts of these conversations, derived again from what is stored now (idempotent). The
   * conversations are held first, so the timeline is read after any refresh before it committed.
   */
  refresh(ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve();
    return this.tx.run(() => this.derive(unique));
  }

  /** Conversations to derive again soon, in the caller's transaction (the outbox consumer's). */
  queue(workspaceId: string, ids: string[]): Promise<void> {
    return this.repo.queue(workspaceId, ids);
  }

  /**
   * Derives up to `limit` queued conversations in one transaction, which also runs `then` with
   * the workspaces they belong to (the live signal, sent at commit). Returns how many it took.
   */
  refreshQueued(limit: number, then: (workspaceIds: string[]) => Promise<void>): Promise<number> {
    return this.tx.run(async () => {
      const taken = await this.repo.takePending(limit);
      if (taken.length === 0) return 0;
      await this.derive([...new Set(taken.map((t) => t.conversationId))]);
      await then([...new Set(taken.map((t) => t.workspaceId))]);
      return taken.length;
    });
  }

  private async derive(unique: string[]): Promise<void> {
    await this.repo.lock(unique);
    const timelines = await this.timelines.byIds(unique);
    const found = new Set(timelines.map((t) => t.id));
    await this.repo.remove(unique.filter((id) => !found.has(id)));
    const categories = await this.categoriesOf(timelines);
    const derived: DerivedFacts[] = timelines.map((t) =>
      deriveFacts(t, t.entries, t.contactId ? (categories.get(t.contactId) ?? null) : null),
    );
    await this.repo.replace(derived);
  }

  /** A person's conversations, when what reports keep of the person (the category) changed. */
  async refreshContact(workspaceId: string, contactId: string): Promise<void> {
    await this.refresh(await this.timelines.idsOfContact(workspaceId, contactId));
  }

  /**
   * Facts of the conversations written before reports existed, page by page from where it last
   * stopped; each page and its position commit together. Deriving a conversation the consumer
   * already did writes the same rows, so both may run at once.
   */
  async backfill(pageSize = 500): Promise<number> {
    let done = 0;
    for (;;) {
      const position = await this.repo.backfillPosition();
      if (!position) return done;
      const page = await this.tx.run(async () => {
        const ids = await this.timelines.idsAfter(position.afterId, pageSize);
        await this.refresh(ids);
        await this.repo.backfillReached(ids.at(-1) ?? position.afterId, ids.length < pageSize);
        return ids.length;
      });
      done += page;
      if (page < pageSize) return done;
    }
  }

  /** Folds the report rollups' appended rows (housekeeping); returns the hours and days folded. */
  async compactRollups(): Promise<number> {
    let folded = 0;
    for (let n = FOLDED_PER_STATEMENT; n >= FOLDED_PER_STATEMENT; folded += n)
      n = await this.repo.compactRollups(FOLDED_PER_STATEMENT);
    return folded;
  }

  private async categoriesOf(
    timelines: Array<{ workspaceId: string; contactId: string | null }>,
  ): Promise<Map<string, string | null>> {
    const byWorkspace = new Map<string, string[]>();
    for (const t of timelines)
      if (t.contactId)
        byWorkspace.set(t.workspaceId, [...(byWorkspace.get(t.workspaceId) ?? []), t.contactId]);
    const categories = new Map<string, string | null>();
    for (const [workspaceId, ids] of byWorkspace) {
      const summaries = await this.contacts.summaries(workspaceId, [...new Set(ids)]);
      for (const [id, summary] of summaries) categories.set(id, summary.categoryId);
    }
    return categories;
  }
}
