import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountCache } from './account-cache';
import { AccountService } from './account.service';
import { AccountsRepository } from './accounts.repository';
import { ApiTokensService } from './api-tokens.service';
import { AuditLog } from './audit-log.service';
import { ApiToken } from './entities/api-token.entity';
import { AuditEntry } from './entities/audit-entry.entity';
import { Invite } from './entities/invite.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { Workspace } from './entities/workspace.entity';
import { InvitesService } from './invites.service';
import { MemberDirectory } from './member-directory.service';
import { MembersService } from './members.service';
import { PasswordHasher } from './password.hasher';
import { SessionsService } from './sessions.service';
import { WorkspaceSetupService } from './workspace-setup.service';
import { WorkspaceSettingsService } from './workspace-settings.service';

export const ACCOUNTS_ENTITIES = [Workspace, User, Invite, ApiToken, Session, AuditEntry];

const SERVICES = [
  AccountsRepository,
  AccountCache,
  PasswordHasher,
  WorkspaceSetupService,
  AccountService,
  SessionsService,
  MembersService,
  MemberDirectory,
  InvitesService,
  ApiTokensService,
  AuditLog,
  WorkspaceSettingsService,
];

@Module({
  imports: [TypeOrmModule.forFeature(ACCOUNTS_ENTITIES)],
  providers: SERVICES,
  exports: SERVICES,
})
export class AccountsModule {}
