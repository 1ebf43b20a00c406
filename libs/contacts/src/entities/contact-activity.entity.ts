import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One entry of a person's or a company's timeline (created, merged, company linked, ...). */
@Entity('contact_activities')
export class ContactActivity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  @Column('uuid', { nullable: true })
  contactId: string | null;

  @Column('uuid', { nullable: true })
  companyId: string | null;

  @Column('text')
  kind: string;

  @Column('jsonb', { default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  createdAt: Date;
}
