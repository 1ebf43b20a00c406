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

/** Writes events into the outbox inside the caller's transaction. */
@Injectable()
export class OutboxWriter {
  async write(manager: EntityManager, event: NewOutboxEvent): Promise<WrittenOutboxEvent> {
    const id = randomUUID();
    const key = event.idempotencyKey ?? id;
    const existing = await manager.query<Array<{ id: string; seq: string | null }>>(
      'SELECT id, seq FROM outbox WHERE idempotency_key = $1',
      [key],
    );
    if (existing.length > 0) {
      return {
        id: existing[0].id,
        seq: existing[0].seq === null ? null : Number(existing[0].seq),
        created: false,
      };
    }
    let seq: number | null = null;
    if (event.workspaceId) {
      const rows = await manager.query<Array<{ last_seq: string }>>(
        `INSERT INTO event_sequences (workspace_id, last_seq) VALUES ($1, 1)
         ON CONFLICT (workspace_id) DO UPDATE SET last_seq = event_sequences.last_seq + 1
         RETURNING last_seq`,
        [event.workspaceId],
      );
      seq = Number(rows[0].last_seq);
    }
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO outbox (id, workspace_id, seq, type, payload, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [id, event.workspaceId, seq, event.type, JSON.stringify(event.payload), key],
    );
    // Wakes the relay in every process the moment this transaction commits.
    await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, id]);
    return { id, seq, created: inserted.length > 0 };
  }
}
