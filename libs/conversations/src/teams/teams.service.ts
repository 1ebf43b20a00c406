import { Injectable } from '@nestjs/common';
import { MemberDirectory, type Principal } from '@sanad/accounts';
import type { TeamView } from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { randomUUID } from 'node:crypto';
import type { SaveTeamDto } from '../dto/team.dto';
import { TeamsRepository } from './teams.repository';

/** Teams (فرق العمل): admins name them and choose their members. */
@Injectable()
export class TeamsService {
  constructor(
    private readonly repo: TeamsRepository,
    private readonly members: MemberDirectory,
    private readonly tx: TransactionRunner,
  ) {}

  list(principal: Principal): Promise<TeamView[]> {
    return this.repo.list(principal.workspaceId);
  }

  async create(principal: Principal, dto: SaveTeamDto): Promise<TeamView> {
    const id = randomUUID();
    await this.tx.run(async () => {
      await this.assertNameFree(principal, dto.name, null);
      await this.repo.insert(principal.workspaceId, id, cleanText(dto.name));
      await this.setMembers(principal, id, dto.memberIds ?? []);
    });
    return this.one(principal, id);
  }

  async update(principal: Principal, id: string, dto: SaveTeamDto): Promise<TeamView> {
    await this.tx.run(async () => {
      await this.lock(principal, id);
      await this.assertNameFree(principal, dto.name, id);
      await this.repo.rename(principal.workspaceId, id, cleanText(dto.name));
      if (dto.memberIds) await this.setMembers(principal, id, dto.memberIds);
    });
    return this.one(principal, id);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.tx.run(async () => {
      await this.lock(principal, id);
      await this.repo.delete(principal.workspaceId, id);
    });
  }

  /** Whether the team belongs to the workspace (for assigning conversations). */
  exists(workspaceId: string, id: string): Promise<boolean> {
    return this.repo.exists(workspaceId, id);
  }

  private async setMembers(
    principal: Principal,
    teamId: string,
    memberIds: string[],
  ): Promise<void> {
    const unique = [...new Set(memberIds)];
    const known = await this.members.existing(principal.workspaceId, unique);
    if (known.length !== unique.length)
      throw new DomainError('request/validation', {}, [
        { field: 'memberIds', code: 'unknownMember' },
      ]);
    await this.repo.setMembers(principal.workspaceId, teamId, unique);
  }

  private async assertNameFree(
    principal: Principal,
    name: string,
    exceptId: string | null,
  ): Promise<void> {
    if (await this.repo.nameTaken(principal.workspaceId, cleanText(name), exceptId))
      throw new DomainError('team/name_taken', {}, [{ field: 'name', code: 'teamNameTaken' }]);
  }

  private async lock(principal: Principal, id: string): Promise<void> {
    if (!(await this.repo.exists(principal.workspaceId, id, true)))
      throw new DomainError('team/not_found');
  }

  private async one(principal: Principal, id: string): Promise<TeamView> {
    const team = (await this.list(principal)).find((t) => t.id === id);
    if (!team) throw new DomainError('team/not_found');
    return team;
  }
}
