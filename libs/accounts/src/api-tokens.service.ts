import { Injectable, Logger } from '@nestjs/common';
import type { ApiTokenView, CreatedApiTokenView } from '@sanad/contracts';
import { DomainError, cleanText, randomSecret, sha256Hex } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { AccountCache } from './account-cache';
import { AccountsRepository } from './accounts.repository';
import { toApiTokenView } from './accounts.views';
import { LastUseMarks } from './last-use-marks.util';
import type { CreateApiTokenDto } from './dto/create-api-token.dto';
import { mailboxScope, type Principal } from './principal';

const TOKEN_PREFIX = 'snd_';

/** API tokens for integrators: shown once, stored as a hash, revocable; they act as their creator. */
@Injectable()
export class ApiTokensService {
  private readonly logger = new Logger('ApiTokens');
  private readonly lastUse = new LastUseMarks(60_000);

  constructor(
    private readonly repo: AccountsRepository,
    private readonly cache: AccountCache,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  async list(principal: Principal): Promise<ApiTokenView[]> {
    return (await this.repo.listApiTokens(principal.workspaceId)).map(toApiTokenView);
  }

  async create(principal: Principal, dto: CreateApiTokenDto): Promise<CreatedApiTokenView> {
    const secret = `${TOKEN_PREFIX}${randomSecret(32)}`;
    return this.tx.run(async () => {
      const token = await this.repo.insertApiToken({
        workspaceId: principal.workspaceId,
        name: cleanText(dto.name),
        prefix: secret.slice(0, 10),
        tokenHash: sha256Hex(secret),
        scope: dto.scope ?? 'write',
        createdById: principal.userId,
      });
      await this.repo.insertAudit({
        workspaceId: principal.workspaceId,
        actorUserId: principal.userId,
        action: 'token.created',
        targetType: 'api_token',
        targetId: token.id,
        data: { name: token.name, scope: token.scope },
      });
      return { token: toApiTokenView(token), secret };
    });
  }

  async revoke(principal: Principal, tokenId: string): Promise<void> {
    await this.tx.run(async () => {
      const token = await this.repo.findApiToken(principal.workspaceId, tokenId);
      if (!token) throw new DomainError('token/not_found');
      if (token.revokedAt) return;
      token.revokedAt = new Date();
      await this.repo.saveApiToken(token);
      await this.repo.insertAudit({
        workspaceId: principal.workspaceId,
        actorUserId: principal.userId,
        action: 'token.revoked',
        targetType: 'api_token',
        targetId: token.id,
        data: {},
      });
      await this.outbox.write({
        workspaceId: null,
        type: 'credentials.revoked',
        payload: { credentialIds: [token.id] },
      });
    });
  }

  /**
   * Last use is recorded at most once a minute per token in this process (and the UPDATE checks
   * the minute again, for the other processes). The request does not wait for it: a failed
   * write is logged and only leaves the time older.
   */
  private touch(tokenId: string): void {
    if (!this.lastUse.due(tokenId, Date.now())) return;
    void this.repo
      .touchApiToken(tokenId)
      .catch((error: Error) =>
        this.logger.warn(`could not record the last use of token ${tokenId}: ${error.message}`),
      );
  }

  /** Resolves a bearer secret to the principal of the token's creator (if still active). */
  async authenticate(secret: string): Promise<Principal | null> {
    if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
    const token = await this.cache.token(sha256Hex(secret));
    if (!token || !token.createdById) return null;
    const user = (await this.cache.member(token.workspaceId, token.createdById))?.user;
    if (!user || !user.active) return null;
    this.touch(token.id);
    return {
      userId: user.id,
      workspaceId: token.workspaceId,
      role: user.role,
      language: user.language,
      via: 'token',
      sessionId: null,
      tokenId: token.id,
      tokenScope: token.scope,
      mailboxIds: mailboxScope(user),
    };
  }
}
