import { Injectable } from '@nestjs/common';
import { WorkspaceSettingsService, type Workspace } from '@sanad/accounts';
import type { PublicThemeView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { createHash } from 'node:crypto';

export interface PublicTheme {
  view: PublicThemeView;
  /** A strong validator of the view (same view, same tag, in every process). */
  etag: string;
}

/**
 * What public pages (forms, later the help center and the widget) wear: the workspace's name,
 * language, colours and images, by its slug.
 */
@Injectable()
export class PublicThemeService {
  constructor(private readonly workspaces: WorkspaceSettingsService) {}

  async bySlug(slug: string): Promise<PublicTheme> {
    const workspace = /^[a-z0-9-]{1,80}$/.test(slug) ? await this.workspaces.bySlug(slug) : null;
    if (!workspace) throw new DomainError('workspace/not_found');
    return themeOf(workspace);
  }

  /** The theme public pages of this workspace wear (the hosted form page). */
  async byWorkspace(workspaceId: string): Promise<PublicThemeView> {
    return themeOf(await this.workspaces.workspace(workspaceId)).view;
  }
}

function themeOf(workspace: Workspace): PublicTheme {
  const view: PublicThemeView = {
    name: workspace.name,
    slug: workspace.slug,
    language: workspace.defaultLanguage,
    colours: workspace.brand.colours,
    logoUrl: workspace.brand.logo?.url ?? null,
    iconUrls: workspace.brand.icon?.urls ?? null,
  };
  const etag = `"${createHash('sha256').update(JSON.stringify(view)).digest('base64url').slice(0, 27)}"`;
  return { view, etag };
}
