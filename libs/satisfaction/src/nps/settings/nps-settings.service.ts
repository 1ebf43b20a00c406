import { Injectable } from '@nestjs/common';
import { AuditLog, type Principal } from '@sanad/accounts';
import type { NpsSettingsView } from '@sanad/contracts';
import { TransactionRunner } from '@sanad/database';
import type { UpdateNpsSettingsDto } from '../dto/nps-settings.dto';
import { NpsSettingsRepository } from './nps-settings.repository';

/** NPS settings: admins read and change them (each change in the audit log). */
@Injectable()
export class NpsSettingsService {
  constructor(
    private readonly repo: NpsSettingsRepository,
    private readonly audit: AuditLog,
    private readonly tx: TransactionRunner,
  ) {}

  get(workspaceId: string): Promise<NpsSettingsView> {
    return this.repo.get(workspaceId);
  }

  update(principal: Principal, dto: UpdateNpsSettingsDto): Promise<NpsSettingsView> {
    return this.tx.run(async () => {
      const before = await this.repo.get(principal.workspaceId, true);
      const after: NpsSettingsView = {
        minDaysBetweenSurveys: dto.minDaysBetweenSurveys ?? before.minDaysBetweenSurveys,
        sendPerMinute: dto.sendPerMinute ?? before.sendPerMinute,
      };
      const changed = (Object.keys(after) as Array<keyof NpsSettingsView>).filter(
        (key) => after[key] !== before[key],
      );
      if (changed.length === 0) return after;
      await this.repo.save(principal.workspaceId, after);
      await this.audit.record({
        workspaceId: principal.workspaceId,
        actorUserId: principal.userId,
        action: 'nps.settings_updated',
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
