import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'dispatched' | 'done';

/** A domain event written in the same transaction as the change that caused it (R4). */
@Entity('outbox')
export class OutboxEntry {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  workspaceId: string | null;

  /** Per-workspace sequence number; clients catch up by it after a reconnect. */
  @Column('bigint', {
    nullable: true,
    transformer: {
      to: (v: number | null) => v,
      from: (v: string | null) => (v === null ? null : Number(v)),
    },
  })
  seq: number | null;

  @Column('text')
  type: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column('text')
  idempotencyKey: string;

  @Column('text', { default: 'pending' })
  status: OutboxStatus;

  @Column('integer', { default: 0 })
  attempts: number;

  /** Dispatches that ended in an error (the relay's `attempts` counts hand-overs). */
  @Column('integer', { default: 0 })
  failures: number;

  /** Consumers that committed their effects, when the event's jobs are split across queues. */
  @Column('integer', { default: 0 })
  consumersDone: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  dispatchedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  doneAt: Date | null;
}
