import { Injectable } from '@nestjs/common';
import { PUBLIC_EVENTS, type EventName, type EventsPageView } from '@sanad/contracts';
import { TransactionRunner } from '@sanad/database';
import { EventPresenters } from './event-presenters';
import { OutboxRepository } from './outbox.repository';

/** Events only members who see every mailbox get (as their sockets do): survey answers. */
const ALL_MAILBOXES_ONLY: readonly EventName[] = ['nps.responded'];

/** The catch-up feed (R8): what a reconnecting client missed, by workspace sequence number. */
@Injectable()
export class EventLog {
  constructor(
    private readonly repo: OutboxRepository,
    private readonly presenters: EventPresenters,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Public events after `after`, as the sockets deliver them (built now from their facts). With
   * a mailbox limit, events of other mailboxes (and NPS answers) are skipped; `lastSeq` moves
   * past them anyway.
   */
  async page(
    workspaceId: string,
    after: number,
    limit: number,
    mailboxIds: string[] | null,
  ): Promise<EventsPageView> {
    // One snapshot for the page and the head: an event committed in between is in neither, so
    // lastSeq never passes an event the page did not hold.
    const { rows, head } = await this.tx.snapshot(async () => ({
      rows: await this.repo.eventsAfter(
        workspaceId,
        after,
        limit,
        mailboxIds === null
          ? PUBLIC_EVENTS
          : PUBLIC_EVENTS.filter((type) => !ALL_MAILBOXES_ONLY.includes(type)),
        mailboxIds,
      ),
      head: await this.repo.lastSeq(workspaceId),
    }));
    const presented = await this.presenters.present(rows);
    const events = presented.map(
      ({ id: _id, workspaceId: _ws, ...event }) => event,
    ) as EventsPageView['events'];
    // A short page is the end: the newest committed seq, so skipped events are passed too.
    const lastSeq =
      rows.length === limit ? (rows[rows.length - 1].seq as number) : Math.max(after, head);
    return { events, lastSeq };
  }
}
