import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import type { CreatedInviteView, InvitePreviewView, InviteView, MeView } from '@sanad/contracts';
import { DomainError, cleanText, normaliseEmail, randomSecret, sha256Hex } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { AccountsRepository } from './accounts.repository';
import { toInviteView, toUserView, toWorkspaceView } from './accounts.views';
import type { AcceptInviteDto } from './dto/accept-invite.dto';
import type { CreateInviteDto } from './dto/create-invite.dto';
import type { Invite } from './entities/invite.entity';
import type { User } from './entities/user.entity';
import { PasswordHasher } from './password.hasher';
import { assertStrongPassword } from './password.policy';
import type { Principal } from './principal';

/** Single-use invite links: the secret is in the link only; we keep its hash. */
@Injectable()
export class InvitesService {
  constructor(
    private readonly repo: AccountsRepository,
    private readonly tx: TransactionRunner,
    private readonly hasher: PasswordHasher,
    private readonly outbox: OutboxWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(principal: Principal): Promise<InviteView[]> {
    return (await this.repo.listPendingInvites(principal.workspaceId, new Date())).map(
      toInviteView,
    );
  }

  async create(principal: Principal, dto: CreateInviteDto): Promise<CreatedInviteView> {
    const email = normaliseEmail(dto.email);
    const secret = randomSecret(32);
    return this.tx.run(async () => {
      if (await this.repo.emailTaken(email)) {
        throw new DomainError('user/email_taken', {}, [{ field: 'email', code: 'emailTaken' }]);
      }
      const invite = await this.repo.insertInvite({
        workspaceId: principal.workspaceId,
        email,
        role: dto.role,
        tokenHash: sha256Hex(secret),
        invitedById: principal.userId,
        expiresAt: new Date(Date.now() + this.config.inviteTtlHours * 3600_000),
      });
      await this.repo.insertAudit({
        workspaceId: principal.workspaceId,
        actorUserId: principal.userId,
        action: 'invite.created',
        targetType: 'invite',
        targetId: invite.id,
        data: { email, role: dto.role },
      });
      const view = toInviteView(invite);
      await this.outbox.write({
        workspaceId: principal.workspaceId,
        type: 'member.invited',
        payload: { invite: view },
      });
      return { invite: view, url: `${this.config.publicUrl}/invite/${secret}` };
    });
  }

  async revoke(principal: Principal, inviteId: string): Promise<void> {
    await this.tx.run(async () => {
      const invite = await this.repo.findInvite(principal.workspaceId, inviteId);
      if (!invite || invite.revokedAt || invite.acceptedAt)
        throw new DomainError('invite/not_found');
      invite.revokedAt = new Date();
      await this.repo.saveInvite(invite);
      await this.repo.insertAudit({
        workspaceId: principal.workspaceId,
        actorUserId: principal.userId,
        action: 'invite.revoked',
        targetType: 'invite',
        targetId: invite.id,
        data: {},
      });
    });
  }

  async preview(secret: string): Promise<InvitePreviewView> {
    const invite = await this.usable(secret);
    const workspace = await this.repo.findWorkspace(invite.workspaceId);
    return { email: invite.email, role: invite.role, workspaceName: workspace?.name ?? '' };
  }

  async accept(secret: string, dto: AcceptInviteDto): Promise<{ me: MeView; user: User }> {
    const preview = await this.usable(secret);
    assertStrongPassword(dto.password, 'password', preview.email);
    const passwordHash = await this.hasher.hash(dto.password);
    return this.tx.run(async () => {
      const invite = await this.usable(secret);
      if (await this.repo.emailTaken(invite.email)) throw new DomainError('user/email_taken');
      const user = await this.repo.insertUser({
        workspaceId: invite.workspaceId,
        name: cleanText(dto.name),
        email: invite.email,
        passwordHash,
        role: invite.role,
        language: dto.language ?? 'ar',
      });
      invite.acceptedAt = new Date();
      await this.repo.saveInvite(invite);
      const workspace = await this.repo.findWorkspace(invite.workspaceId);
      if (!workspace) throw new DomainError('invite/not_found');
      const view = toUserView(user);
      await this.outbox.write({
        workspaceId: invite.workspaceId,
        type: 'member.joined',
        payload: { user: view },
      });
      return { me: { user: view, workspace: toWorkspaceView(workspace) }, user };
    });
  }

  /** Inside a transaction the invite row is locked, so two acceptances cannot both pass. */
  private async usable(secret: string): Promise<Invite> {
    if (!secret || secret.length > 200) throw new DomainError('invite/not_found');
    const invite = await this.repo.findInviteByTokenHash(sha256Hex(secret), this.tx.active);
    if (!invite || invite.revokedAt) throw new DomainError('invite/not_found');
    if (invite.acceptedAt) throw new DomainError('invite/used');
    if (invite.expiresAt.getTime() <= Date.now()) throw new DomainError('invite/expired');
    return invite;
  }
}
