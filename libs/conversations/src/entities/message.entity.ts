import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
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

  @Column('jsonb', { default: () => "'{}'::jsonb" })
  data: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
