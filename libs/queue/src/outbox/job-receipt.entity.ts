import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Proof that `consumer` has handled `key`; makes re-run jobs harmless (R5). */
@Entity('job_receipts')
export class JobReceipt {
  @PrimaryColumn('text')
  consumer: string;

  @PrimaryColumn('text')
  key: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
