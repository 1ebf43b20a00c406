import { Injectable } from '@nestjs/common';
import type { EventName } from '@sanad/contracts';
import { Db } from '@sanad/database';
import type { DomainEvent } from './outbox.consumer';

export const OUTBOX_CHANNEL = 'sanad_outbox';

/** Events handed over per relay pass. */
export const RELAY_BATCH = 200;

interface OutboxRow {
  id: string;
  workspace_id: string | null;
  seq: string | null;
  type: EventName;
  payload: Record<string, unknown>;
  status: string;
  attempts: number;
  failures: number;
  created_at: Date;
}

export interface EventToInsert {
  id: string;
  workspaceId: string | null;
  type: EventName;
  payload: unknown;
  idempotencyKey: string;
}

/** The outbox, its sequence numbers and the consumers' receipts: every statement on them. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  /**
   * One statement takes the workspace's next sequence numbers, inserts the events and queues the
   * NOTIFY that wakes the relay at commit (same payload, so PostgreSQL sends one per
   * transaction). Returns the ids inserted (a repeated idempotency key inserts nothing).
   */
  async insertEvents(
    workspaceId: string | null,
    events: EventToInsert[],
  ): Promise<Map<string, number | null>> {
    const rows = await this.db.query<Array<{ id: string; seq: string | null }>>(
      `WITH next AS (
         INSERT INTO event_sequences (workspace_id, last_seq)
         SELECT $1::uuid, $2::int WHERE $1::uuid IS NOT NULL
         ON CONFLICT (workspace_id) DO UPDATE SET last_seq = event_sequences.last_seq + $2::int
         RETURNING last_seq
       ), inserted AS (
         INSERT INTO outbox (id, workspace_id, seq, type, payload, idempotency_key)
         SELECT e.id, $1::uuid, (SELECT last_seq FROM next) - $2::int + e.n, e.type, e.payload, e.key
         FROM unnest($3::uuid[], $4::text[], $5::jsonb[], $6::text[]) WITH ORDINALITY
           AS e(id, type, payload, key, n)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id, seq
       )
       SELECT id, seq, pg_notify($7, '') FROM inserted`,
      [
        workspaceId,
        events.length,
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.payload)),
        events.map((e) => e.idempotencyKey),
        OUTBOX_CHANNEL,
      ],
    );
    return new Map(rows.map((r) => [r.id, r.seq === null ? null : Number(r.seq)]));
  }

  /** Events already written under these idempotency keys. */
  async byIdempotencyKeys(
    keys: string[],
  ): Promise<Map<string, { id: string; seq: number | null }>> {
    if (keys.length === 0) return new Map();
    const rows = await this.db.query<
      Array<{ id: string; seq: string | null; idempotency_key: string }>
    >('SELECT id, seq, idempotency_key FROM outbox WHERE idempotency_key = ANY($1)', [keys]);
    return new Map(
      rows.map((r) => [
        r.idempotency_key,
        { id: r.id, seq: r.seq === null ? null : Number(r.seq) },
      ]),
    );
  }

  /**
   * One statement that inserts rows and an event for each of them: atomic without a transaction,
   * so a hot path pays a single round trip (SMTP ingress before every `250`). `insert` must end
   * in `RETURNING id`; each event's payload is `{ [payloadKey]: that id }`. These are internal
   * work events: no workspace, so no sequence number.
   */
  async insertWithEvents(
    insert: { sql: string; params: unknown[] },
    event: { type: EventName; payloadKey: string },
  ): Promise<string[]> {
    const n = insert.params.length;
    const rows = await this.db.query<Array<{ id: string }>>(
      `WITH changed AS (${insert.sql}),
       events AS (
         INSERT INTO outbox (id, type, payload, idempotency_key)
         SELECT e.id, $${n + 1}, jsonb_build_object($${n + 2}::text, e.row_id), e.id::text
         FROM (SELECT gen_random_uuid() AS id, changed.id AS row_id FROM changed) AS e
       )
       SELECT id, pg_notify($${n + 3}, '') FROM changed`,
      [...insert.params, event.type, event.payloadKey, OUTBOX_CHANNEL],
    );
    return rows.map((row) => String(row.id));
  }

  /**
   * Takes a batch of due events (pending, or also dispatched-but-unconfirmed ones older than
   * `overdueMs`) and marks them, in one statement: events of `hintOnlyTypes` are done at once,
   * the others dispatched (the returned `jobs`). Runs inside the relay's transaction (rows locked
   * SKIP LOCKED, so relays never share events).
   */
  async takeDue(
    kind: 'pending' | 'overdue',
    overdueMs: number,
    hintOnlyTypes: readonly EventName[],
  ): Promise<{ events: DomainEvent[]; jobs: Array<{ id: string; type: EventName }> }> {
    const due =
      kind === 'pending'
        ? `SELECT id FROM outbox WHERE status = 'pending'
           ORDER BY created_at LIMIT ${RELAY_BATCH} FOR UPDATE SKIP LOCKED`
        : `SELECT id FROM outbox
           WHERE status = 'dispatched' AND dispatched_at < now() - ($2 || ' milliseconds')::interval
           ORDER BY dispatched_at LIMIT ${RELAY_BATCH} FOR UPDATE SKIP LOCKED`;
    const rows = await this.db.returning<OutboxRow>(
      `WITH due AS (${due})
       UPDATE outbox o
       SET status = CASE WHEN o.type = ANY($1::text[]) THEN 'done' ELSE 'dispatched' END,
           done_at = CASE WHEN o.type = ANY($1::text[]) THEN now() ELSE o.done_at END,
           dispatched_at = now(), attempts = o.attempts + 1
       FROM due WHERE o.id = due.id
       RETURNING o.id, o.workspace_id, o.seq, o.type, o.payload, o.status, o.failures,
                 o.attempts - 1 AS attempts, o.created_at`,
      kind === 'pending' ? [hintOnlyTypes] : [hintOnlyTypes, String(overdueMs)],
    );
    rows.sort((x, y) => x.created_at.getTime() - y.created_at.getTime());
    const jobs = rows
      .filter((row) => row.status === 'dispatched')
      .map((row) => ({ id: row.id, type: row.type }));
    return { events: rows.map(toEvent), jobs };
  }

  /** Marks a not yet done event done and returns it (null when done already or unknown). */
  async claimUndone(id: string): Promise<DomainEvent | null> {
    const rows = await this.db.returning<OutboxRow>(
      `UPDATE outbox SET status = 'done', done_at = now(), last_error = NULL
       WHERE id = $1 AND status <> 'done' RETURNING *`,
      [id],
    );
    return rows[0] ? toEvent(rows[0]) : null;
  }

  async markAllDone(ids: string[]): Promise<void> {
    await this.db.query(
      `UPDATE outbox SET status = 'done', done_at = now() WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async markDone(id: string): Promise<void> {
    await this.db.query(
      `UPDATE outbox SET status = 'done', done_at = now(), last_error = NULL WHERE id = $1`,
      [id],
    );
  }

  /**
   * Takes the consumer's receipt for a not yet done event and reads the event, in one statement:
   * null when the event is done or unknown, or this consumer handled it already.
   */
  async claimReceipt(consumer: string, id: string): Promise<DomainEvent | null> {
    const rows = await this.db.query<OutboxRow[]>(
      `WITH r AS (INSERT INTO job_receipts (consumer, key)
                  SELECT $1, id::text FROM outbox WHERE id = $2 AND status <> 'done'
                  ON CONFLICT DO NOTHING RETURNING key)
       SELECT o.* FROM outbox o WHERE o.id = $2 AND EXISTS (SELECT 1 FROM r)`,
      [consumer, id],
    );
    return rows[0] ? toEvent(rows[0]) : null;
  }

  /**
   * Counts one more consumer's effects on the event, and marks it done when that makes all
   * `of` of them. A concurrent update of the same event is waited for, and this one counts on from
   * its committed row, so the last of them always sees the full count.
   */
  async countConsumerDone(id: string, of: number): Promise<void> {
    await this.db.query(
      `UPDATE outbox SET consumers_done = consumers_done + 1,
         status = CASE WHEN consumers_done + 1 >= $2 THEN 'done' ELSE status END,
         done_at = CASE WHEN consumers_done + 1 >= $2 THEN now() ELSE done_at END,
         last_error = CASE WHEN consumers_done + 1 >= $2 THEN NULL ELSE last_error END
       WHERE id = $1`,
      [id, of],
    );
  }

  /** The type of an event (jobs queued before they carried it). */
  async typeOf(id: string): Promise<EventName | null> {
    const rows = await this.db.query<Array<{ type: EventName }>>(
      'SELECT type FROM outbox WHERE id = $1',
      [id],
    );
    return rows[0]?.type ?? null;
  }

  /** Recorded on its own, after the failed consumer's transaction rolled back. */
  async recordFailure(id: string, error: string): Promise<void> {
    await this.db.pool.query(
      'UPDATE outbox SET last_error = $2, failures = failures + 1 WHERE id = $1',
      [id, error.slice(0, 2000)],
    );
  }

  /**
   * A workspace's events after `after`, of these types; with a mailbox limit, events of other
   * mailboxes are skipped (their seq numbers simply pass).
   */
  async eventsAfter(
    workspaceId: string,
    after: number,
    limit: number,
    types: readonly EventName[],
    mailboxIds: string[] | null,
  ): Promise<DomainEvent[]> {
    const rows = await this.db.query<OutboxRow[]>(
      `SELECT * FROM outbox
       WHERE workspace_id = $1 AND seq > $2 AND seq IS NOT NULL AND type = ANY($5::text[])
         AND ($4::text[] IS NULL OR payload->>'mailboxId' IS NULL
              OR payload->>'mailboxId' = ANY($4::text[]) OR payload->>'previousMailboxId' = ANY($4::text[]))
       ORDER BY seq LIMIT $3`,
      [workspaceId, after, limit, mailboxIds, types],
    );
    return rows.map(toEvent);
  }

  /** The newest committed sequence number (writers hold its row lock until they commit). */
  async lastSeq(workspaceId: string): Promise<number> {
    const rows = await this.db.query<Array<{ last_seq: string }>>(
      'SELECT last_seq FROM event_sequences WHERE workspace_id = $1',
      [workspaceId],
    );
    return rows.length > 0 ? Number(rows[0].last_seq) : 0;
  }
}

function toEvent(row: OutboxRow): DomainEvent {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    seq: row.seq === null ? null : Number(row.seq),
    type: row.type,
    payload: row.payload as DomainEvent['payload'],
    createdAt: row.created_at,
    // A redelivery by the relay means the earlier run died before confirming.
    failures: row.failures + Math.max(row.attempts - 1, 0),
  };
}
