import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type SmtpSecurity = 'tls' | 'starttls' | 'none';

/** How a mailbox sends: its own SMTP server (password sealed), sender, auto-acknowledgement. */
@Entity('mailbox_email_settings')
export class MailboxEmailSettings {
  @PrimaryColumn('uuid')
  mailboxId: string;

  @Column('uuid')
  workspaceId: string;

  @Column('text', { nullable: true })
  smtpHost: string | null;

  @Column('integer', { nullable: true })
  smtpPort: number | null;

  @Column('text', { default: 'starttls' })
  smtpSecurity: SmtpSecurity;

  @Column('text', { nullable: true })
  smtpUser: string | null;

  /** sealSecret(APP_SECRET, password); never leaves the server. */
  @Column('text', { nullable: true })
  smtpPasswordEnc: string | null;

  @Column('text', { nullable: true })
  fromName: string | null;

  @Column('text', { nullable: true })
  fromAddress: string | null;

  @Column('boolean', { default: false })
  autoAckEnabled: boolean;

  @Column('text', { nullable: true })
  autoAckAr: string | null;

  @Column('text', { nullable: true })
  autoAckEn: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
