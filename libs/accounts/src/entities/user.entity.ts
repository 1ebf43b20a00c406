import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Digits, Language, Role } from '@sanad/contracts';

@Entity('users')
export class User {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  @Column('text')
  name: string;

  @Column('text')
  email: string;

  @Column('text')
  passwordHash: string;

  @Column('text')
  role: Role;

  @Column('text', { default: 'ar' })
  language: Language;

  /** The member's own digits; null = the workspace's. */
  @Column('text', { nullable: true })
  digits: Digits | null;

  @Column('boolean', { default: true })
  active: boolean;

  /** Mailboxes an agent is limited to; null means every mailbox. */
  @Column('uuid', { array: true, nullable: true })
  mailboxIds: string[] | null;

  @Column('timestamptz', { nullable: true })
  deactivatedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
