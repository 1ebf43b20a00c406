import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

export const OUTBOX_CHANNEL = 'sanad_outbox';

export interface NewOutboxEvent {
  workspaceId: string | null;
  type: string;
  payload: Record<string, unknown>;
  /** Same key = same event; a repeated write is ignored. Defaults to a fresh id. */
  idempotencyKey?: string;
}

export interface WrittenOutboxEvent {
  id: string;
  seq: number | null;
  created: boolean;
}

/**
 * Writes events into the outbox inside the caller's transaction: one statement takes the
 * workspace's next sequence numbers, inserts the events and queues the NOTIFY that wakes the
 * relay at commit (same payload, so PostgreSQL sends one per transaction).
 */
@Injectable()
export class OutboxWriter {
  async write(manager: EntityManager, event: NewOutboxEvent): Promise<WrittenOutboxEvent> {
    return (await this.writeAll(manager, [event]))[0];
  }

  /** Events of one workspace (or of none), numbered in the order given. */
  async writeAll(manager: EntityManager, events: NewOutboxEvent[]): Promise<WrittenOutboxEvent[]> {
    const workspaceId = events[0]?.workspaceId ?? null;
    if (events.some((e) => e.workspaceId !== workspaceId))
      throw new Error('writeAll takes the events of one workspace');
    const existing = await this.existing(manager, events);
    const fresh = events
      .filter((e) => !e.idempotencyKey || !existing.has(e.idempotencyKey))
      .map((e) => ({ ...e, id: randomUUID() }));
    const inserted = new Map<string, number | null>();
    if (fresh.length > 0) {
      const rows = await manager.query<Array<{ id: string; seq: string | null }>>(
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
          fresh.length,
          fresh.map((e) => e.id),
          fresh.map((e) => e.type),
          fresh.map((e) => JSON.stringify(e.payload)),
          fresh.map((e) => e.idempotencyKey ?? e.id),
          OUTBOX_CHANNEL,
        ],
      );
      for (const row of rows) inserted.set(row.id, row.seq === null ? null : Number(row.seq));
    }
    let next = 0;
    return events.map((event) => {
      const known = event.idempotencyKey ? existing.get(event.idempotencyKey) : undefined;
      if (known) return { ...known, created: false };
      const { id } = fresh[next++];
      return { id, seq: inserted.get(id) ?? null, created: inserted.has(id) };
    });
  }

  /**
   * One statement that inserts rows and an event for each of them: atomic without a transaction
   * of the caller's, so a hot path pays a single round trip (SMTP ingress before every `250`).
   * `insert` must end in `RETURNING id`; each event's payload is `{ [payloadKey]: that id }`.
   * These are internal work events: no workspace, so no sequence number.
   */
  async insertWithEvents(
    manager: EntityManager,
    insert: { sql: string; params: unknown[] },
    event: { type: string; payloadKey: string },
  ): Promise<string[]> {
    const n = insert.params.length;
    const rows = await manager.query<Array<{ id: string }>>(
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

  /** Events already written under these idempotency keys. */
  private async existing(
    manager: EntityManager,
    events: NewOutboxEvent[],
  ): Promise<Map<string, { id: string; seq: number | null }>> {
    const keys = events.flatMap((e) => (e.idempotencyKey ? [e.idempotencyKey] : []));
    if (keys.length === 0) return new Map();
    const rows = await manager.query<
      Array<{ id: string; seq: string | null; idempotency_key: string }>
    >('SELECT id, seq, idempotency_key FROM outbox WHERE idempotency_key = ANY($1)', [keys]);
    return new Map(
      rows.map((r) => [
        r.idempotency_key,
        { id: r.id, seq: r.seq === null ? null : Number(r.seq) },
      ]),
    );
  }
}
