import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An address that routes mail to a mailbox: a local part under INBOUND_DOMAIN, or a whole one. */
@Entity('mailbox_addresses')
export class MailboxAddress {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  @Column('uuid')
  mailboxId: string;

  @Column('text')
  kind: 'inbound' | 'custom';

  @Column('text')
  address: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
