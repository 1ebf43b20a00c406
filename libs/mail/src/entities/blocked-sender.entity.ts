import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A sender whose mail goes straight to spam: an address, or `@domain` for a whole domain. */
@Entity('blocked_senders')
export class BlockedSender {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  @Column('text')
  pattern: string;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
