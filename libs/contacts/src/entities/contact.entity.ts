import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CustomFieldValues, Language } from '@sanad/contracts';

/** A person: a customer or a visitor. */
@Entity('contacts')
export class Contact {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  @Column('text', { nullable: true })
  name: string | null;

  /** Normalised (lower case); the first is the primary. */
  @Column('text', { array: true, default: () => "'{}'" })
  emails: string[];

  /** E.164 where the number is valid, else its digits with a leading +. */
  @Column('text', { array: true, default: () => "'{}'" })
  phones: string[];

  /** The integrator's own id for this person (API channel). */
  @Column('text', { nullable: true })
  externalId: string | null;

  @Column('uuid', { nullable: true })
  companyId: string | null;

  /** How the company was linked: by an email domain, or by hand. */
  @Column('text', { nullable: true })
  companyLink: 'domain' | 'manual' | null;

  /** Someone removed a domain link: domains never link this person again. */
  @Column('boolean', { default: false })
  companyDomainOptOut: boolean;

  @Column('uuid', { nullable: true })
  categoryId: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  customFields: CustomFieldValues;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('text', { nullable: true })
  language: Language | null;

  @Column('timestamptz', { nullable: true })
  identityVerifiedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lastSeenAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lastConversationAt: Date | null;

  /** The folded name (else first email): what "sort by name" orders by. */
  @Column({ type: 'text', default: '', collation: 'C' })
  sortName: string;

  /** Folded names, emails, phone forms and company name for trigram search. */
  @Column('text', { default: '' })
  searchText: string;

  /** Derived by PostgreSQL: known by email, phone, external id or a verified identity. */
  @Column({
    type: 'boolean',
    generatedType: 'STORED',
    asExpression: `cardinality(emails) > 0 OR cardinality(phones) > 0 OR external_id IS NOT NULL OR identity_verified_at IS NOT NULL`,
    insert: false,
    update: false,
  })
  registered: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
