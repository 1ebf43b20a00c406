import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ApiToken } from './entities/api-token.entity';
import { AuditEntry } from './entities/audit-entry.entity';
import { Invite } from './entities/invite.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { Workspace } from './entities/workspace.entity';

/**
 * The only file in accounts that touches TypeORM. Every read of tenant-owned rows takes the
 * workspace id, so another workspace's id finds nothing (R9).
 */
@Injectable()
export class AccountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  countWorkspaces(manager?: EntityManager): Promise<number> {
    return this.m(manager).count(Workspace);
  }

  /** Serialises first-run setup across processes for the rest of the transaction. */
  async lockSetup(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(728431002)');
  }

  async slugExists(slug: string, manager?: EntityManager): Promise<boolean> {
    return (await this.m(manager).count(Workspace, { where: { slug } })) > 0;
  }

  insertWorkspace(
    data: Pick<Workspace, 'name' | 'slug' | 'defaultLanguage' | 'timeZone'>,
    manager: EntityManager,
  ): Promise<Workspace> {
    return manager.save(Workspace, manager.create(Workspace, { id: randomUUID(), ...data }));
  }

  findWorkspace(id: string, manager?: EntityManager): Promise<Workspace | null> {
    return this.m(manager).findOne(Workspace, { where: { id } });
  }

  async emailTaken(email: string, manager?: EntityManager): Promise<boolean> {
    return (await this.m(manager).count(User, { where: { email } })) > 0;
  }

  insertUser(
    data: Omit<User, 'id' | 'createdAt' | 'updatedAt' | 'active' | 'deactivatedAt' | 'mailboxIds'>,
    manager: EntityManager,
  ): Promise<User> {
    return manager.save(
      User,
      manager.create(User, {
        id: randomUUID(),
        active: true,
        deactivatedAt: null,
        mailboxIds: null,
        ...data,
      }),
    );
  }

  /** Login looks users up across workspaces: an email belongs to one account per installation. */
  findUserByEmail(email: string, manager?: EntityManager): Promise<User | null> {
    return this.m(manager).findOne(User, { where: { email } });
  }

  findUser(workspaceId: string, id: string, manager?: EntityManager): Promise<User | null> {
    return this.m(manager).findOne(User, { where: { workspaceId, id } });
  }

  listUsers(workspaceId: string): Promise<User[]> {
    return this.m().find(User, { where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  saveUser(user: User, manager?: EntityManager): Promise<User> {
    return this.m(manager).save(User, user);
  }

  insertInvite(
    data: Omit<Invite, 'id' | 'createdAt' | 'acceptedAt' | 'revokedAt'>,
    manager: EntityManager,
  ): Promise<Invite> {
    return manager.save(
      Invite,
      manager.create(Invite, { id: randomUUID(), acceptedAt: null, revokedAt: null, ...data }),
    );
  }

  listPendingInvites(workspaceId: string, now: Date): Promise<Invite[]> {
    return this.m()
      .createQueryBuilder(Invite, 'i')
      .where('i.workspace_id = :workspaceId', { workspaceId })
      .andWhere('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > :now', { now })
      .orderBy('i.created_at', 'DESC')
      .getMany();
  }

  findInvite(workspaceId: string, id: string, manager?: EntityManager): Promise<Invite | null> {
    return this.m(manager).findOne(Invite, { where: { workspaceId, id } });
  }

  /** Locks the row so two acceptances of one link cannot both succeed. */
  findInviteByTokenHash(
    tokenHash: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<Invite | null> {
    return this.m(manager).findOne(Invite, {
      where: { tokenHash },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  saveInvite(invite: Invite, manager?: EntityManager): Promise<Invite> {
    return this.m(manager).save(Invite, invite);
  }

  insertApiToken(
    data: Omit<ApiToken, 'id' | 'createdAt' | 'lastUsedAt' | 'revokedAt'>,
    manager: EntityManager,
  ): Promise<ApiToken> {
    return manager.save(
      ApiToken,
      manager.create(ApiToken, { id: randomUUID(), lastUsedAt: null, revokedAt: null, ...data }),
    );
  }

  listApiTokens(workspaceId: string): Promise<ApiToken[]> {
    return this.m().find(ApiToken, { where: { workspaceId }, order: { createdAt: 'DESC' } });
  }

  findApiToken(workspaceId: string, id: string, manager?: EntityManager): Promise<ApiToken | null> {
    return this.m(manager).findOne(ApiToken, { where: { workspaceId, id } });
  }

  findLiveApiTokenByHash(tokenHash: string): Promise<ApiToken | null> {
    return this.m().findOne(ApiToken, { where: { tokenHash, revokedAt: IsNull() } });
  }

  saveApiToken(token: ApiToken, manager?: EntityManager): Promise<ApiToken> {
    return this.m(manager).save(ApiToken, token);
  }

  /** At most one write per minute per token, so authenticated traffic stays read-only. */
  async touchApiToken(id: string): Promise<void> {
    await this.m().query(
      `UPDATE api_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }

  insertSession(
    data: Omit<Session, 'id' | 'createdAt'>,
    manager?: EntityManager,
  ): Promise<Session> {
    return this.m(manager).save(
      Session,
      this.m(manager).create(Session, { id: randomUUID(), ...data }),
    );
  }

  /** The live session and its active user in one round trip (every cookie request needs it). */
  async findLiveSessionUser(tokenHash: string): Promise<{ sessionId: string; user: User } | null> {
    const rows = await this.m().query<
      Array<{
        session_id: string;
        id: string;
        workspace_id: string;
        role: User['role'];
        language: User['language'];
        mailbox_ids: string[] | null;
      }>
    >(
      `SELECT s.id AS session_id, u.id, u.workspace_id, u.role, u.language, u.mailbox_ids
       FROM sessions s JOIN users u ON u.id = s.user_id AND u.workspace_id = s.workspace_id
       WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    const user = this.m().create(User, {
      id: row.id,
      workspaceId: row.workspace_id,
      role: row.role,
      language: row.language,
      mailboxIds: row.mailbox_ids,
      active: true,
    });
    return { sessionId: row.session_id, user };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.m().delete(Session, { tokenHash });
  }

  async deleteUserSessions(
    workspaceId: string,
    userId: string,
    manager?: EntityManager,
    exceptSessionId?: string | null,
  ): Promise<void> {
    const qb = this.m(manager)
      .createQueryBuilder()
      .delete()
      .from(Session)
      .where('workspace_id = :workspaceId AND user_id = :userId', { workspaceId, userId });
    if (exceptSessionId) qb.andWhere('id <> :exceptSessionId', { exceptSessionId });
    await qb.execute();
  }

  async insertAudit(
    entry: Omit<AuditEntry, 'id' | 'createdAt'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.save(AuditEntry, manager.create(AuditEntry, { id: randomUUID(), ...entry }));
  }
}
