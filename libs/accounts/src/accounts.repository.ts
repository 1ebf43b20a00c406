import { Injectable } from '@nestjs/common';
import { DEFAULT_BRAND } from '@sanad/contracts';
import { Db } from '@sanad/database';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { ApiToken } from './entities/api-token.entity';
import { AuditEntry } from './entities/audit-entry.entity';
import { Invite } from './entities/invite.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { Workspace } from './entities/workspace.entity';

/** NOTIFY channel announcing changed users, sessions and tokens to every process's AccountCache. */
export const ACCOUNTS_CHANNEL = 'sanad_accounts';

/** What a notice on ACCOUNTS_CHANNEL names: `user:<id>`, `session:<id>`, `token:<id>`, `workspace:<id>`. */
export type AccountNotice = `${'user' | 'session' | 'token' | 'workspace'}:${string}`;

/**
 * The only file in accounts that touches TypeORM. Every read of tenant-owned rows takes the
 * workspace id, so another workspace's id finds nothing (R9).
 */
export interface LiveSession {
  sessionId: string;
  workspaceId: string;
  userId: string;
  expiresAt: Date;
}

@Injectable()
export class AccountsRepository {
  constructor(private readonly db: Db) {}

  countWorkspaces(): Promise<number> {
    return this.db.manager.count(Workspace);
  }

  /** Serialises first-run setup across processes for the rest of the transaction. */
  async lockSetup(): Promise<void> {
    await this.db.manager.query('SELECT pg_advisory_xact_lock(728431002)');
  }

  async slugExists(slug: string): Promise<boolean> {
    return (await this.db.manager.count(Workspace, { where: { slug } })) > 0;
  }

  insertWorkspace(
    data: Pick<Workspace, 'name' | 'slug' | 'defaultLanguage' | 'timeZone'>,
  ): Promise<Workspace> {
    return this.db.manager.save(
      Workspace,
      this.db.manager.create(Workspace, { id: randomUUID(), brand: DEFAULT_BRAND, ...data }),
    );
  }

  findWorkspace(id: string): Promise<Workspace | null> {
    return this.db.manager.findOne(Workspace, { where: { id } });
  }

  /** The workspace, locked until the transaction ends (settings and brand writes). */
  lockWorkspace(id: string): Promise<Workspace | null> {
    return this.db.manager.findOne(Workspace, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  findWorkspaceBySlug(slug: string): Promise<Workspace | null> {
    return this.db.manager.findOne(Workspace, { where: { slug } });
  }

  async saveWorkspace(workspace: Workspace): Promise<Workspace> {
    const saved = await this.db.manager.save(Workspace, workspace);
    await this.announce(`workspace:${workspace.id}`);
    return saved;
  }

  async emailTaken(email: string): Promise<boolean> {
    return (await this.db.manager.count(User, { where: { email } })) > 0;
  }

  insertUser(
    data: Omit<
      User,
      'id' | 'createdAt' | 'updatedAt' | 'active' | 'deactivatedAt' | 'mailboxIds' | 'digits'
    >,
  ): Promise<User> {
    return this.db.manager.save(
      User,
      this.db.manager.create(User, {
        id: randomUUID(),
        active: true,
        deactivatedAt: null,
        mailboxIds: null,
        digits: null,
        ...data,
      }),
    );
  }

  /** Login looks users up across workspaces: an email belongs to one account per installation. */
  findUserByEmail(email: string): Promise<User | null> {
    return this.db.manager.findOne(User, { where: { email } });
  }

  findUser(workspaceId: string, id: string): Promise<User | null> {
    return this.db.manager.findOne(User, { where: { workspaceId, id } });
  }

  listUsers(workspaceId: string): Promise<User[]> {
    return this.db.manager.find(User, { where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  async saveUser(user: User): Promise<User> {
    const saved = await this.db.manager.save(User, user);
    await this.announce(`user:${user.id}`);
    return saved;
  }

  /** Tells every process (at commit) that cached copies of this row are stale. */
  private announce(notice: AccountNotice): Promise<void> {
    return this.db.notify(ACCOUNTS_CHANNEL, notice);
  }

  insertInvite(
    data: Omit<Invite, 'id' | 'createdAt' | 'acceptedAt' | 'revokedAt'>,
  ): Promise<Invite> {
    return this.db.manager.save(
      Invite,
      this.db.manager.create(Invite, {
        id: randomUUID(),
        acceptedAt: null,
        revokedAt: null,
        ...data,
      }),
    );
  }

  listPendingInvites(workspaceId: string, now: Date): Promise<Invite[]> {
    return this.db.manager
      .createQueryBuilder(Invite, 'i')
      .where('i.workspace_id = :workspaceId', { workspaceId })
      .andWhere('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > :now', { now })
      .orderBy('i.created_at', 'DESC')
      .getMany();
  }

  findInvite(workspaceId: string, id: string): Promise<Invite | null> {
    return this.db.manager.findOne(Invite, { where: { workspaceId, id } });
  }

  /** Locks the row so two acceptances of one link cannot both succeed. */
  findInviteByTokenHash(tokenHash: string, lock = false): Promise<Invite | null> {
    return this.db.manager.findOne(Invite, {
      where: { tokenHash },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  saveInvite(invite: Invite): Promise<Invite> {
    return this.db.manager.save(Invite, invite);
  }

  insertApiToken(
    data: Omit<ApiToken, 'id' | 'createdAt' | 'lastUsedAt' | 'revokedAt'>,
  ): Promise<ApiToken> {
    return this.db.manager.save(
      ApiToken,
      this.db.manager.create(ApiToken, {
        id: randomUUID(),
        lastUsedAt: null,
        revokedAt: null,
        ...data,
      }),
    );
  }

  listApiTokens(workspaceId: string): Promise<ApiToken[]> {
    return this.db.manager.find(ApiToken, { where: { workspaceId }, order: { createdAt: 'DESC' } });
  }

  findApiToken(workspaceId: string, id: string): Promise<ApiToken | null> {
    return this.db.manager.findOne(ApiToken, { where: { workspaceId, id } });
  }

  findLiveApiTokenByHash(tokenHash: string): Promise<ApiToken | null> {
    return this.db.manager.findOne(ApiToken, { where: { tokenHash, revokedAt: IsNull() } });
  }

  async saveApiToken(token: ApiToken): Promise<ApiToken> {
    const saved = await this.db.manager.save(ApiToken, token);
    await this.announce(`token:${token.id}`);
    return saved;
  }

  /**
   * At most one write per minute per token, so authenticated traffic stays read-only. On the
   * pool: it never joins a request's transaction. Not announced: the cached token's last use
   * does not matter to authentication.
   */
  async touchApiToken(id: string): Promise<void> {
    await this.db.pool.query(
      `UPDATE api_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }

  insertSession(data: Omit<Session, 'id' | 'createdAt'>): Promise<Session> {
    return this.db.manager.save(
      Session,
      this.db.manager.create(Session, { id: randomUUID(), ...data }),
    );
  }

  /** The unexpired session with this secret's hash. */
  async findLiveSession(tokenHash: string): Promise<LiveSession | null> {
    const rows = await this.db.query<
      Array<{ id: string; workspace_id: string; user_id: string; expires_at: Date }>
    >(
      'SELECT id, workspace_id, user_id, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > now()',
      [tokenHash],
    );
    const row = rows[0];
    return row
      ? {
          sessionId: row.id,
          workspaceId: row.workspace_id,
          userId: row.user_id,
          expiresAt: row.expires_at,
        }
      : null;
  }

  /** The ended session, if there was one. */
  async deleteSession(tokenHash: string): Promise<{ id: string; workspaceId: string } | null> {
    const rows = await this.db.returning<{ id: string; workspace_id: string }>(
      'DELETE FROM sessions WHERE token_hash = $1 RETURNING id, workspace_id',
      [tokenHash],
    );
    if (rows[0]) await this.announce(`session:${rows[0].id}`);
    return rows[0] ? { id: rows[0].id, workspaceId: rows[0].workspace_id } : null;
  }

  /** Ends a member's sessions (but one); returns the ids ended. */
  async deleteUserSessions(
    workspaceId: string,
    userId: string,
    exceptSessionId?: string | null,
  ): Promise<string[]> {
    const rows = await this.db.returning<{ id: string }>(
      'DELETE FROM sessions WHERE workspace_id = $1 AND user_id = $2 AND id IS DISTINCT FROM $3 RETURNING id',
      [workspaceId, userId, exceptSessionId ?? null],
    );
    if (rows.length > 0) await this.announce(`user:${userId}`);
    return rows.map((r) => r.id);
  }

  async insertAudit(entry: Omit<AuditEntry, 'id' | 'createdAt'>): Promise<void> {
    await this.db.manager.save(
      AuditEntry,
      this.db.manager.create(AuditEntry, { id: randomUUID(), ...entry }),
    );
  }

  /** Whether anyone but the owner belongs to or was invited to the workspace. */
  async hasTeam(workspaceId: string): Promise<boolean> {
    const rows = await this.db.query<Array<{ team: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM users WHERE workspace_id = $1 AND role <> 'owner')
           OR EXISTS (SELECT 1 FROM invites WHERE workspace_id = $1) AS team`,
      [workspaceId],
    );
    return rows[0]?.team ?? false;
  }

  async userNames(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    const rows = await this.db.query<Array<{ id: string; name: string }>>(
      'SELECT id, name FROM users WHERE workspace_id = $1 AND id = ANY($2)',
      [workspaceId, ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async activeUsers(
    workspaceId: string,
    ids: string[],
  ): Promise<Array<Pick<User, 'id' | 'name' | 'role' | 'mailboxIds'>>> {
    const rows = await this.db.query<
      Array<{ id: string; name: string; role: User['role']; mailbox_ids: string[] | null }>
    >(
      'SELECT id, name, role, mailbox_ids FROM users WHERE workspace_id = $1 AND id = ANY($2) AND active',
      [workspaceId, ids],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, mailboxIds: r.mailbox_ids }));
  }

  async userAndWorkspaceName(
    workspaceId: string,
    userId: string,
  ): Promise<{ name: string; workspace: string } | null> {
    const rows = await this.db.query<Array<{ name: string; workspace: string }>>(
      'SELECT u.name, w.name AS workspace FROM users u JOIN workspaces w ON w.id = u.workspace_id WHERE u.id = $1 AND u.workspace_id = $2',
      [userId, workspaceId],
    );
    return rows[0] ?? null;
  }
}
