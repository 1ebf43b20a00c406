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
 * workspace's next sequence number, inserts the event and queues the NOTIFY that wakes the relay
 * at commit (same payload, so PostgreSQL sends one per transaction).
 */
@Injectable()
export class OutboxWriter {
  async write(manager: EntityManager, event: NewOutboxEvent): Promise<WrittenOutboxEvent> {
    if (event.idempotencyKey) {
      const existing = await manager.query<Array<{ id: string; seq: string | null }>>(
        'SELECT id, seq FROM outbox WHERE idempotency_key = $1',
        [event.idempotencyKey],
      );
      if (existing.length > 0) {
        return {
          id: existing[0].id,
          seq: existing[0].seq === null ? null : Number(existing[0].seq),
          created: false,
        };
      }
    }
    const id = randomUUID();
    const rows = await manager.query<Array<{ id: string; seq: string | null }>>(
      `WITH next AS (
         INSERT INTO event_sequences (workspace_id, last_seq)
         SELECT $2::uuid, 1 WHERE $2::uuid IS NOT NULL
         ON CONFLICT (workspace_id) DO UPDATE SET last_seq = event_sequences.last_seq + 1
         RETURNING last_seq
       ), inserted AS (
         INSERT INTO outbox (id, workspace_id, seq, type, payload, idempotency_key)
         VALUES ($1, $2::uuid, (SELECT last_seq FROM next), $3, $4, $5)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id, seq
       )
       SELECT id, seq, pg_notify($6, '') FROM inserted`,
      [
        id,
        event.workspaceId,
        event.type,
        JSON.stringify(event.payload),
        event.idempotencyKey ?? id,
        OUTBOX_CHANNEL,
      ],
    );
    const seq = rows[0]?.seq ?? null;
    return { id, seq: seq === null ? null : Number(seq), created: rows.length > 0 };
  }
}
