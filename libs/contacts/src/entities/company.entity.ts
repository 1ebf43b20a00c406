import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CustomFieldValues } from '@sanad/contracts';

@Entity('companies')
export class Company {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  @Column('text')
  name: string;

  /** Lower-case domains; people whose email is at one of them are linked to the company. */
  @Column('text', { array: true, default: () => "'{}'" })
  domains: string[];

  @Column('uuid', { nullable: true })
  categoryId: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  customFields: CustomFieldValues;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column({ type: 'text', default: '', collation: 'C' })
  sortName: string;

  @Column('text', { default: '' })
  searchText: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
