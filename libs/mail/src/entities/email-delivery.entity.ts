import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DeliveryStatus } from '@sanad/contracts';

export type DeliveryKind = 'reply' | 'auto_ack';

/** One outgoing email for one message: where it goes, how sending went, when to try again. */
@Entity('email_deliveries')
export class EmailDelivery {
  @PrimaryColumn('uuid')
  messageId: string;

  @Column('uuid')
  workspaceId: string;

  @Column('uuid')
  conversationId: string;

  @Column('uuid')
  mailboxId: string;

  @Column('text')
  kind: DeliveryKind;

  @Column('text', { array: true })
  recipients: string[];

  @Column('text', { default: 'queued' })
  status: DeliveryStatus;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('text', { nullable: true })
  smtpResponse: string | null;

  @Column('timestamptz')
  nextAttemptAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
