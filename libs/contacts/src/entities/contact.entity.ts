import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A customer. The full contacts module (companies, fields, import) builds on this. */
@Entity('contacts')
export class Contact {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  @Column('text', { nullable: true })
  name: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  emails: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  phones: string[];

  /** The integrator's own id for this person (API channel). */
  @Column('text', { nullable: true })
  externalId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
