import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type InboundEmailStatus = 'pending' | 'processed' | 'duplicate' | 'unparseable';

/** A message as it arrived over SMTP, committed before the `250`; processed by the worker. */
@Entity('inbound_emails')
export class InboundEmail {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  @Column('uuid')
  mailboxId: string;

  @Column('text')
  envelopeFrom: string;

  @Column('text', { array: true })
  envelopeTo: string[];

  @Column('text', { nullable: true })
  remoteIp: string | null;

  @Column('integer')
  size: number;

  @Column('bytea')
  raw: Buffer;

  @Column('text', { default: 'pending' })
  status: InboundEmailStatus;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('uuid', { nullable: true })
  conversationId: string | null;

  @Column('uuid', { nullable: true })
  messageId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  processedAt: Date | null;
}
