import type { ApiTokenScope } from '@sanad/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('api_tokens')
export class ApiToken {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  @Column('text')
  name: string;

  /** First characters of the token, shown so people can tell tokens apart. */
  @Column('text')
  prefix: string;

  @Column('text')
  tokenHash: string;

  /** `read`: GET and HEAD only; `write`: everything its creator may do. */
  @Column('text')
  scope: ApiTokenScope;

  @Column('uuid', { nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
