import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ContactEntity, CustomFieldOptionView, CustomFieldType } from '@sanad/contracts';

/** A custom field's definition (حقل مخصص), for people or for companies. */
@Entity('contact_fields')
export class ContactField {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  @Column('text')
  entity: ContactEntity;

  @Column('text')
  key: string;

  @Column('text')
  labelAr: string;

  @Column('text')
  labelEn: string;

  @Column('text')
  type: CustomFieldType;

  @Column('boolean', { default: false })
  required: boolean;

  @Column('jsonb', { default: () => "'[]'" })
  options: CustomFieldOptionView[];

  @Column('integer', { default: 0 })
  position: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
