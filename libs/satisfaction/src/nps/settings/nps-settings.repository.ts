import { Injectable } from '@nestjs/common';
import {
  NPS_DEFAULT_MIN_DAYS,
  NPS_DEFAULT_SEND_PER_MINUTE,
  type NpsSettingsView,
} from '@sanad/contracts';
import { Db } from '@sanad/database';

export const DEFAULT_NPS_SETTINGS: NpsSettingsView = {
  minDaysBetweenSurveys: NPS_DEFAULT_MIN_DAYS,
  sendPerMinute: NPS_DEFAULT_SEND_PER_MINUTE,
};

/** A workspace's NPS settings; a workspace without a row has the defaults. */
@Injectable()
export class NpsSettingsRepository {
  constructor(private readonly db: Db) {}

  async get(workspaceId: string, lock = false): Promise<NpsSettingsView> {
    const rows = await this.db.query<NpsSettingsView[]>(
      `SELECT min_days_between_surveys AS "minDaysBetweenSurveys", send_per_minute AS "sendPerMinute"
       FROM nps_settings WHERE workspace_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [workspaceId],
    );
    return rows[0] ? { ...rows[0] } : { ...DEFAULT_NPS_SETTINGS };
  }

  async save(workspaceId: string, settings: NpsSettingsView): Promise<void> {
    await this.db.query(
      `INSERT INTO nps_settings (workspace_id, min_days_between_surveys, send_per_minute)
       VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id) DO UPDATE SET min_days_between_surveys = $2,
         send_per_minute = $3, updated_at = now()`,
      [workspaceId, settings.minDaysBetweenSurveys, settings.sendPerMinute],
    );
  }
}
