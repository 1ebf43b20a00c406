import { Injectable } from '@nestjs/common';
import type { WorkspaceView } from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { AccountsRepository } from './accounts.repository';
import { toWorkspaceView } from './accounts.views';
import type { UpdateWorkspaceDto } from './dto/update-workspace.dto';
import type { StoredBrand, Workspace } from './entities/workspace.entity';
import type { Principal } from './principal';

const SETTINGS = [
  'name',
  'defaultLanguage',
  'timeZone',
  'weekStart',
  'digits',
  'calendar',
] as const;

/**
 * The workspace row's settings: basic settings (admins) and the brand (written by libs/branding
 * through `saveBrand`). Every change is audited and announced as `workspace.updated`.
 */
@Injectable()
export class WorkspaceSettingsService {
  constructor(
    private readonly repo: AccountsRepository,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  async get(principal: Principal): Promise<WorkspaceView> {
    return toWorkspaceView(await this.workspace(principal.workspaceId));
  }

  async workspace(workspaceId: string): Promise<Workspace> {
    const workspace = await this.repo.findWorkspace(workspaceId);
    if (!workspace) throw new DomainError('auth/unauthenticated');
    return workspace;
  }

  /** A workspace by its slug (public pages), or null. */
  bySlug(slug: string): Promise<Workspace | null> {
    return this.repo.findWorkspaceBySlug(slug);
  }

  async update(principal: Principal, dto: UpdateWorkspaceDto): Promise<WorkspaceView> {
    const saved = await this.change(principal, (workspace) => {
      const changed: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of SETTINGS) {
        const value = key === 'name' && dto.name !== undefined ? cleanText(dto.name) : dto[key];
        if (value === undefined || value === workspace[key]) continue;
        changed[key] = { from: workspace[key], to: value };
        Object.assign(workspace, { [key]: value });
      }
      return { action: 'workspace.settings_changed', changed };
    });
    return toWorkspaceView(saved);
  }

  /**
   * The brand (colour, logo, icon) as libs/branding validated and stored it: `edit` gets the
   * brand as locked, so two admins' changes (a colour, a logo) never undo each other.
   */
  saveBrand(
    principal: Principal,
    what: 'colour' | 'logo' | 'icon',
    edit: (brand: StoredBrand) => StoredBrand,
  ): Promise<Workspace> {
    return this.change(principal, (workspace) => {
      const brand = edit(workspace.brand);
      const from = brandPart(workspace.brand, what);
      const to = brandPart(brand, what);
      workspace.brand = brand;
      workspace.brandUpdatedAt = new Date();
      return {
        action: 'workspace.brand_changed',
        changed: from === to ? {} : { [what]: { from, to } },
      };
    });
  }

  /** Locks the row, applies `edit`, and audits and announces what it changed (nothing: no write). */
  private async change(
    principal: Principal,
    edit: (workspace: Workspace) => {
      action: string;
      changed: Record<string, { from: unknown; to: unknown }>;
    },
  ): Promise<Workspace> {
    return this.tx.run(async () => {
      const workspace = await this.repo.lockWorkspace(principal.workspaceId);
      if (!workspace) throw new DomainError('auth/unauthenticated');
      const { action, changed } = edit(workspace);
      const fields = Object.keys(changed);
      if (fields.length === 0) return workspace;
      const saved = await this.repo.saveWorkspace(workspace);
      await this.repo.insertAudit({
        workspaceId: workspace.id,
        actorUserId: principal.userId,
        action,
        targetType: 'workspace',
        targetId: workspace.id,
        data: { changed },
      });
      const workspaceView = toWorkspaceView(saved);
      await this.outbox.write({
        workspaceId: workspace.id,
        type: 'workspace.updated',
        payload: { workspace: workspaceView, changed: fields },
      });
      return saved;
    });
  }
}

/** The audited part of the brand: the colour, or the image's URL. */
function brandPart(brand: StoredBrand, what: string): unknown {
  if (what === 'colour') return brand.colour;
  if (what === 'logo') return brand.logo?.url ?? null;
  return brand.icon?.urls[32] ?? null;
}
