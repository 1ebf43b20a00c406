import { Injectable } from '@nestjs/common';
import { RATING_DEFAULT_DELAY_MINUTES, type SatisfactionSettingsView } from '@sanad/contracts';
import { Db } from '@sanad/database';

interface Row {
  enabled: boolean;
  delay_minutes: number;
  include_api_channel: boolean;
}

export const DEFAULT_SATISFACTION_SETTINGS: SatisfactionSettingsView = {
  enabled: true,
  delayMinutes: RATING_DEFAULT_DELAY_MINUTES,
  includeApiChannel: false,
};

/** A workspace's satisfaction settings; a workspace without a row has the defaults. */
@Injectable()
export class SatisfactionSettingsRepository {
  constructor(private readonly db: Db) {}

  async get(workspaceId: string, lock = false): Promise<SatisfactionSettingsView> {
    const rows = await this.db.query<Row[]>(
      `SELECT enabled, delay_minutes, include_api_channel FROM satisfaction_settings
       WHERE workspace_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [workspaceId],
    );
    const row = rows[0];
    return row
      ? {
          enabled: row.enabled,
          delayMinutes: row.delay_minutes,
          includeApiChannel: row.include_api_channel,
        }
      : { ...DEFAULT_SATISFACTION_SETTINGS };
  }

  async save(workspaceId: string, settings: SatisfactionSettingsView): Promise<void> {
    await this.db.query(
      `INSERT INTO satisfaction_settings (workspace_id, enabled, delay_minutes, include_api_channel)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (workspace_id) DO UPDATE SET enabled = $2, delay_minutes = $3,
         include_api_channel = $4, updated_at = now()`,
      [workspaceId, settings.enabled, settings.delayMinutes, settings.includeApiChannel],
    );
  }
}
