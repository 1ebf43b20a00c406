import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';

/** Teams and their members. */
@Injectable()
export class TeamsRepository {
  constructor(private readonly db: Db) {}

  async list(
    workspaceId: string,
  ): Promise<Array<{ id: string; name: string; memberIds: string[] }>> {
    const rows = await this.db.query<Array<{ id: string; name: string; member_ids: string[] }>>(
      `SELECT t.id, t.name, ARRAY(SELECT m.user_id::text FROM team_members m WHERE m.team_id = t.id ORDER BY m.user_id) AS member_ids
       FROM teams t WHERE t.workspace_id = $1 ORDER BY lower(t.name)`,
      [workspaceId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, memberIds: r.member_ids }));
  }

  async insert(workspaceId: string, id: string, name: string): Promise<void> {
    await this.db.query('INSERT INTO teams (id, workspace_id, name) VALUES ($1, $2, $3)', [
      id,
      workspaceId,
      name,
    ]);
  }

  async rename(workspaceId: string, id: string, name: string): Promise<void> {
    await this.db.query('UPDATE teams SET name = $3 WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      id,
      name,
    ]);
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db.query('DELETE FROM teams WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  }

  async exists(workspaceId: string, id: string, lock = false): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM teams WHERE workspace_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [workspaceId, id],
    );
    return rows.length > 0;
  }

  async nameTaken(workspaceId: string, name: string, exceptId: string | null): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      'SELECT 1 FROM teams WHERE workspace_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3',
      [workspaceId, name, exceptId],
    );
    return rows.length > 0;
  }

  async setMembers(workspaceId: string, teamId: string, userIds: string[]): Promise<void> {
    await this.db.query('DELETE FROM team_members WHERE team_id = $1 AND workspace_id = $2', [
      teamId,
      workspaceId,
    ]);
    if (userIds.length > 0)
      await this.db.query(
        'INSERT INTO team_members (team_id, user_id, workspace_id) SELECT $1, u, $2 FROM unnest($3::uuid[]) AS u',
        [teamId, workspaceId, userIds],
      );
  }
}
