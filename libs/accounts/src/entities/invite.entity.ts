import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@sanad/contracts';

@Entity('invites')
export class Invite {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  @Column('text')
  email: string;

  @Column('text')
  role: Exclude<Role, 'owner'>;

  /** sha256 of the link's secret; the secret itself is shown once. */
  @Column('text')
  tokenHash: string;

  @Column('uuid', { nullable: true })
  invitedById: string | null;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  acceptedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
