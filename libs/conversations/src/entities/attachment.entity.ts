import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A file on a message; the bytes live in blob storage under `storageKey`. */
@Entity('attachments')
export class Attachment {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  /** Null until the upload is sent with a reply or note. */
  @Column('uuid', { nullable: true })
  conversationId: string | null;

  @Column('uuid', { nullable: true })
  messageId: string | null;

  @Column('uuid', { nullable: true })
  uploadedBy: string | null;

  @Column('text')
  fileName: string;

  @Column('text')
  contentType: string;

  @Column('integer')
  size: number;

  @Column('text')
  storageKey: string;

  /** For inline email images (`cid:`). */
  @Column('text', { nullable: true })
  contentId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
