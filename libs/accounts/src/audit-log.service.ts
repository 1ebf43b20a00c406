import { Injectable } from '@nestjs/common';
import { AccountsRepository } from './accounts.repository';
import type { AuditEntry } from './entities/audit-entry.entity';

/**
 * The workspace's audit log, for other libraries (contacts records merges): one entry per
 * administrative change, written in the caller's transaction.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly repo: AccountsRepository) {}

  record(entry: Omit<AuditEntry, 'id' | 'createdAt'>): Promise<void> {
    return this.repo.insertAudit(entry);
  }
}
