import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Channel, ConversationStatus, Priority } from '@sanad/contracts';

@Entity('conversations')
export class Conversation {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  /** Per-workspace number agents and customers refer to (#123). */
  @Column('integer')
  number: number;

  @Column('text')
  subject: string;

  @Column('text', { default: 'open' })
  status: ConversationStatus;

  @Column('text')
  channel: Channel;

  @Column('uuid')
  mailboxId: string;

  @Column('uuid', { nullable: true })
  contactId: string | null;

  @Column('uuid', { nullable: true })
  assigneeId: string | null;

  @Column('uuid', { nullable: true })
  teamId: string | null;

  @Column('text', { default: 'normal' })
  priority: Priority;

  @Column('timestamptz', { nullable: true })
  snoozedUntil: Date | null;

  /** Who wrote the last public message: drives the "unanswered" view. */
  @Column('text', { nullable: true })
  lastPublicFrom: 'contact' | 'user' | null;

  @Column('timestamptz', { default: () => 'now()' })
  lastMessageAt: Date;

  @Column('timestamptz', { nullable: true })
  firstAgentReplyAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lastCustomerMessageAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lastAgentReplyAt: Date | null;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  reopenedAt: Date | null;

  /** Normalised, stemmed Arabic + English terms of the subject, messages and contact. */
  @Column('tsvector', { select: false, default: () => "''::tsvector" })
  searchVector: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
