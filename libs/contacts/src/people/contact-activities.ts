import { Injectable } from '@nestjs/common';
import { MemberDirectory, type Principal } from '@sanad/accounts';
import type { ContactActivityView } from '@sanad/contracts';
import { PeopleRepository } from './people.repository';

/** The timelines of people and companies: who did what, in order. */
@Injectable()
export class ContactActivities {
  constructor(
    private readonly repo: PeopleRepository,
    private readonly members: MemberDirectory,
  ) {}

  person(principal: Principal, contactId: string, kind: string, data: Record<string, unknown>) {
    return this.repo.addActivity({
      workspaceId: principal.workspaceId,
      contactId,
      kind,
      data,
      actorId: principal.userId,
    });
  }

  company(principal: Principal, companyId: string, kind: string, data: Record<string, unknown>) {
    return this.repo.addActivity({
      workspaceId: principal.workspaceId,
      companyId,
      kind,
      data,
      actorId: principal.userId,
    });
  }

  async timeline(
    workspaceId: string,
    subject: { contactId: string } | { companyId: string },
  ): Promise<ContactActivityView[]> {
    const rows = await this.repo.activities(workspaceId, subject);
    const names = await this.members.names(
      workspaceId,
      rows.flatMap((r) => r.actorId ?? []),
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      data: r.data,
      actor: r.actorId ? { id: r.actorId, name: names.get(r.actorId) ?? '' } : null,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}
