import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Who changed what among administrative settings (roles, tokens, invites). */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @Column('text')
  action: string;

  @Column('text')
  targetType: string;

  @Column('text')
  targetId: string;

  @Column('jsonb', { default: {} })
  data: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
