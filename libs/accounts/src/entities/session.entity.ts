import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A login session; the cookie holds a secret whose sha256 is `tokenHash`. */
@Entity('sessions')
export class Session {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  tokenHash: string;

  @Column('uuid')
  workspaceId: string;

  @Column('uuid')
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;
}
