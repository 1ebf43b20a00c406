import { Injectable } from '@nestjs/common';
import { AuditLog, type Principal } from '@sanad/accounts';
import type { SatisfactionSettingsView } from '@sanad/contracts';
import { TransactionRunner } from '@sanad/database';
import type { UpdateSatisfactionSettingsDto } from '../dto/satisfaction-settings.dto';
import { SatisfactionSettingsRepository } from './satisfaction-settings.repository';

/** التقييم settings: members read them, admins change them (each change in the audit log). */
@Injectable()
export class SatisfactionSettingsService {
  constructor(
    private readonly repo: SatisfactionSettingsRepository,
    private readonly audit: AuditLog,
    private readonly tx: TransactionRunner,
  ) {}

  get(workspaceId: string): Promise<SatisfactionSettingsView> {
    return this.repo.get(workspaceId);
  }

  async update(
    principal: Principal,
    dto: UpdateSatisfactionSettingsDto,
  ): Promise<SatisfactionSettingsView> {
    return this.tx.run(async () => {
      const before = await this.repo.get(principal.workspaceId, true);
      const after: SatisfactionSettingsView = {
        enabled: dto.enabled ?? before.enabled,
        delayMinutes: dto.delayMinutes ?? before.delayMinutes,
        includeApiChannel: dto.includeApiChannel ?? before.includeApiChannel,
      };
      const changed = (Object.keys(after) as Array<keyof SatisfactionSettingsView>).filter(
        (key) => after[key] !== before[key],
      );
      if (changed.length === 0) return after;
      await this.repo.save(principal.workspaceId, after);
      await this.audit.record({
        workspaceId: principal.workspaceId,
        actorUserId: principal.userId,
        action: 'satisfaction.settings_updated',
        targetType: 'workspace',
        targetId: principal.workspaceId,
        data: Object.fromEntries(
          changed.map((key) => [key, { from: before[key], to: after[key] }]),
        ),
      });
      return after;
    });
  }
}
