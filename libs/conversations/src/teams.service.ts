import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { TeamView } from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { SaveTeamDto } from './dto/team.dto';

/** Teams (فرق العمل): admins name them and choose their members. */
@Injectable()
export class TeamsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(principal: Principal): Promise<TeamView[]> {
    const rows = await this.dataSource.query<
      Array<{ id: string; name: string; member_ids: string[] }>
    >(
      `SELECT t.id, t.name, ARRAY(SELECT m.user_id::text FROM team_members m WHERE m.team_id = t.id ORDER BY m.user_id) AS member_ids
       FROM teams t WHERE t.workspace_id = $1 ORDER BY lower(t.name)`,
      [principal.workspaceId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, memberIds: r.member_ids }));
  }

  async create(principal: Principal, dto: SaveTeamDto): Promise<TeamView> {
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await this.assertNameFree(manager, principal, dto.name, null);
      await manager.query('INSERT INTO teams (id, workspace_id, name) VALUES ($1, $2, $3)', [
        id,
        principal.workspaceId,
        cleanText(dto.name),
      ]);
      await this.setMembers(manager, principal, id, dto.memberIds ?? []);
    });
    return this.one(principal, id);
  }

  async update(principal: Principal, id: string, dto: SaveTeamDto): Promise<TeamView> {
    await this.dataSource.transaction(async (manager) => {
      await this.lock(manager, principal, id);
      await this.assertNameFree(manager, principal, dto.name, id);
      await manager.query('UPDATE teams SET name = $3 WHERE workspace_id = $1 AND id = $2', [
        principal.workspaceId,
        id,
        cleanText(dto.name),
      ]);
      if (dto.memberIds) await this.setMembers(manager, principal, id, dto.memberIds);
    });
    return this.one(principal, id);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lock(manager, principal, id);
      await manager.query('DELETE FROM teams WHERE workspace_id = $1 AND id = $2', [
        principal.workspaceId,
        id,
      ]);
    });
  }

  /** Whether the team belongs to the principal's workspace (for assigning conversations). */
  async exists(workspaceId: string, id: string, manager?: EntityManager): Promise<boolean> {
    const rows = await (manager ?? this.dataSource.manager).query<unknown[]>(
      'SELECT 1 FROM teams WHERE workspace_id = $1 AND id = $2',
      [workspaceId, id],
    );
    return rows.length > 0;
  }

  private async setMembers(
    manager: EntityManager,
    principal: Principal,
    teamId: string,
    memberIds: string[],
  ): Promise<void> {
    const unique = [...new Set(memberIds)];
    const known = await manager.query<Array<{ id: string }>>(
      'SELECT id FROM users WHERE workspace_id = $1 AND id = ANY($2)',
      [principal.workspaceId, unique],
    );
    if (known.length !== unique.length)
      throw new DomainError('request/validation', {}, [
        { field: 'memberIds', code: 'unknownMember' },
      ]);
    await manager.query('DELETE FROM team_members WHERE team_id = $1', [teamId]);
    if (unique.length > 0) {
      await manager.query(
        'INSERT INTO team_members (team_id, user_id, workspace_id) SELECT $1, u, $2 FROM unnest($3::uuid[]) AS u',
        [teamId, principal.workspaceId, unique],
      );
    }
  }

  private async assertNameFree(
    manager: EntityManager,
    principal: Principal,
    name: string,
    exceptId: string | null,
  ): Promise<void> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM teams WHERE workspace_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3',
      [principal.workspaceId, cleanText(name), exceptId],
    );
    if (rows.length > 0)
      throw new DomainError('team/name_taken', {}, [{ field: 'name', code: 'teamNameTaken' }]);
  }

  private async lock(manager: EntityManager, principal: Principal, id: string): Promise<void> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM teams WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
      [principal.workspaceId, id],
    );
    if (rows.length === 0) throw new DomainError('team/not_found');
  }

  private async one(principal: Principal, id: string): Promise<TeamView> {
    const team = (await this.list(principal)).find((t) => t.id === id);
    if (!team) throw new DomainError('team/not_found');
    return team;
  }
}
