import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import {
  DEFAULT_LANGUAGE,
  DEFAULT_TIME_ZONE,
  type MeView,
  type SetupStatusView,
} from '@sanad/contracts';
import { DomainError, cleanText, normaliseEmail, randomSecret, slugify } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { AccountsRepository } from './accounts.repository';
import { toUserView, toWorkspaceView } from './accounts.views';
import type { CreateWorkspaceDto } from './dto/setup.dto';
import type { User } from './entities/user.entity';
import { PasswordHasher } from './password.hasher';
import { assertStrongPassword } from './password.policy';

/** Creating workspaces: first run, env bootstrap, and open signup when the admin allows it. */
@Injectable()
export class WorkspaceSetupService {
  private readonly logger = new Logger('WorkspaceSetup');

  constructor(
    private readonly repo: AccountsRepository,
    private readonly tx: TransactionRunner,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(): Promise<SetupStatusView> {
    return {
      needsSetup: (await this.repo.countWorkspaces()) === 0,
      signupAllowed: this.config.allowSignup,
    };
  }

  /** First-run screen: only while the installation has no workspace at all. */
  async setup(dto: CreateWorkspaceDto): Promise<{ me: MeView; user: User }> {
    return this.create(dto, async () => {
      await this.repo.lockSetup();
      if ((await this.repo.countWorkspaces()) > 0) throw new DomainError('setup/already_done');
    });
  }

  async signup(dto: CreateWorkspaceDto): Promise<{ me: MeView; user: User }> {
    if (!this.config.allowSignup) throw new DomainError('auth/signup_disabled');
    return this.create(dto, () => Promise.resolve());
  }

  /** SANAD_ADMIN_EMAIL/PASSWORD on an empty database create the workspace and its owner. */
  async bootstrapFromConfig(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    try {
      await this.setup({
        workspaceName: this.config.workspaceName,
        name: this.config.adminName,
        email: adminEmail,
        password: adminPassword,
        language: DEFAULT_LANGUAGE,
      });
      this.logger.log(`created workspace "${this.config.workspaceName}" with owner ${adminEmail}`);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'setup/already_done') return;
      throw error;
    }
  }

  private async create(
    dto: CreateWorkspaceDto,
    guard: () => Promise<void>,
  ): Promise<{ me: MeView; user: User }> {
    const email = normaliseEmail(dto.email);
    assertStrongPassword(dto.password, 'password', email);
    const passwordHash = await this.hasher.hash(dto.password);
    return this.tx.run(async () => {
      await guard();
      if (await this.repo.emailTaken(email)) {
        throw new DomainError('user/email_taken', {}, [{ field: 'email', code: 'emailTaken' }]);
      }
      const name = cleanText(dto.workspaceName);
      const workspace = await this.repo.insertWorkspace({
        name,
        slug: await this.uniqueSlug(name),
        defaultLanguage: dto.language ?? DEFAULT_LANGUAGE,
        timeZone: DEFAULT_TIME_ZONE,
      });
      const user = await this.repo.insertUser({
        workspaceId: workspace.id,
        name: cleanText(dto.name),
        email,
        passwordHash,
        role: 'owner',
        language: dto.language ?? DEFAULT_LANGUAGE,
      });
      return { me: { user: toUserView(user), workspace: toWorkspaceView(workspace) }, user };
    });
  }

  private async uniqueSlug(name: string): Promise<string> {
    const base = slugify(name) || 'workspace';
    let slug = base;
    while (await this.repo.slugExists(slug))
      slug = `${base}-${randomSecret(3)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '')}`;
    return slug;
  }
}
