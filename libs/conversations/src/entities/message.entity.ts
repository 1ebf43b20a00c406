import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryStatus } from '@sanad/contracts';
import type { MessageKind } from '@sanad/contracts';

/** A reply, an internal note, or an activity entry of the timeline. */
@Entity('messages')
export class Message {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  @Column('uuid')
  conversationId: string;

  @Column('text')
  kind: MessageKind;

  @Column('text')
  authorType: 'contact' | 'user' | 'system';

  @Column('uuid', { nullable: true })
  authorUserId: string | null;

  @Column('uuid', { nullable: true })
  authorContactId: string | null;

  @Column('text', { default: '' })
  bodyText: string;

  @Column('text', { nullable: true })
  bodyHtml: string | null;

  /** The email Message-ID (without brackets) this message arrived or left with. */
  @Column('text', { nullable: true })
  emailMessageId: string | null;

  /** Hash of an inbound email's content: with the Message-ID, what makes a copy a duplicate. */
  @Column('text', { nullable: true })
  emailContentHash: string | null;

  /** For replies that leave by a channel (email): queued, sent or failed. */
  @Column('text', { nullable: true })
  deliveryStatus: DeliveryStatus | null;

  /** Why the last delivery attempt failed, in words an agent can act on. */
  @Column('text', { nullable: true })
  deliveryError: string | null;

  @Column('jsonb', { default: () => "'{}'::jsonb" })
  data: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
