import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ContactEntity } from '@sanad/contracts';

/** A category of people or of companies (الفئات). */
@Entity('contact_categories')
export class ContactCategory {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  @Column('text')
  entity: ContactEntity;

  @Column('text')
  name: string;

  @Column('text', { default: '#64748b' })
  color: string;

  @Column('integer', { default: 0 })
  position: number;

  /** `prospects` / `customers`: the defaults every workspace starts with. */
  @Column('text', { nullable: true })
  systemKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
