import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { BrandView, CalendarDisplay, Digits, Language, WeekStart } from '@sanad/contracts';

/** The brand as the workspace row keeps it (libs/branding writes it). */
export type StoredBrand = Pick<BrandView, 'colour' | 'colours' | 'logo' | 'icon'>;

@Entity('workspaces')
export class Workspace {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  slug: string;

  @Column('text', { default: 'ar' })
  defaultLanguage: Language;

  @Column('text', { default: 'Asia/Riyadh' })
  timeZone: string;

  @Column('text', { default: 'saturday' })
  weekStart: WeekStart;

  @Column('text', { default: 'latn' })
  digits: Digits;

  @Column('text', { default: 'gregory' })
  calendar: CalendarDisplay;

  @Column('jsonb')
  brand: StoredBrand;

  @Column('timestamptz', { nullable: true })
  brandUpdatedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
