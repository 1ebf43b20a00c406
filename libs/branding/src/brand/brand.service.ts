import { Injectable } from '@nestjs/common';
import { WorkspaceSettingsService, type Principal, type StoredBrand } from '@sanad/accounts';
import {
  BRAND_PALETTE,
  ICON_SIZES,
  type BrandColoursPreviewView,
  type BrandView,
  type IconSize,
} from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { BlobStorage } from '@sanad/storage';
import { BrandingRepository } from '../branding.repository';
import { brandColours, normaliseHex } from '../colours/brand-colours.util';
import { brandImageUrl } from '../images/brand-image-url.util';
import { BrandImageReader, type BrandImage } from '../images/brand-image.reader';

/**
 * The brand (الهوية البصرية): the primary colour and what it derives to, the logo and the icon.
 * Images are validated and re-encoded first, stored under their content hash next, and only
 * then does the workspace point at them: a refused or failed upload leaves the brand as it was.
 */
@Injectable()
export class BrandService {
  private readonly reader = new BrandImageReader();

  constructor(
    private readonly settings: WorkspaceSettingsService,
    private readonly repo: BrandingRepository,
    private readonly storage: BlobStorage,
  ) {}

  async get(principal: Principal): Promise<BrandView> {
    const workspace = await this.settings.workspace(principal.workspaceId);
    return toBrandView(workspace.brand, workspace.brandUpdatedAt ?? workspace.createdAt);
  }

  /** What a colour would give, for the settings screen's live preview (nothing is saved). */
  preview(colour: string): BrandColoursPreviewView {
    return { colours: brandColours(this.hex(colour)), palette: BRAND_PALETTE };
  }

  async setColour(principal: Principal, colour: string): Promise<BrandView> {
    const hex = this.hex(colour);
    return this.save(principal, 'colour', (brand) => ({
      ...brand,
      colour: hex,
      colours: brandColours(hex),
    }));
  }

  async setLogo(principal: Principal, data: Buffer): Promise<BrandView> {
    const logo = await this.reader.logo(data);
    await this.store([logo]);
    return this.save(principal, 'logo', (brand) => ({
      ...brand,
      logo: { url: brandImageUrl(logo.hash), width: logo.width, height: logo.height },
    }));
  }

  async setIcon(principal: Principal, data: Buffer): Promise<BrandView> {
    const icons = await this.reader.icon(data);
    await this.store(Object.values(icons));
    const urls = Object.fromEntries(
      ICON_SIZES.map((size) => [size, brandImageUrl(icons[size].hash)]),
    ) as Record<IconSize, string>;
    return this.save(principal, 'icon', (brand) => ({ ...brand, icon: { urls } }));
  }

  removeLogo(principal: Principal): Promise<BrandView> {
    return this.save(principal, 'logo', (brand) => ({ ...brand, logo: null }));
  }

  removeIcon(principal: Principal): Promise<BrandView> {
    return this.save(principal, 'icon', (brand) => ({ ...brand, icon: null }));
  }

  private hex(colour: string): string {
    const hex = typeof colour === 'string' ? normaliseHex(colour) : null;
    if (!hex)
      throw new DomainError('brand/invalid_colour', {}, [{ field: 'colour', code: 'hexColour' }]);
    return hex;
  }

  /** Files first (content-addressed: writing one twice is harmless), then their rows. */
  private async store(images: BrandImage[]): Promise<void> {
    for (const image of images) await this.storage.put(`brand/${image.hash}`, image.data);
    await this.repo.insertImages(images);
  }

  private async save(
    principal: Principal,
    what: 'colour' | 'logo' | 'icon',
    change: (brand: StoredBrand) => StoredBrand,
  ): Promise<BrandView> {
    const saved = await this.settings.saveBrand(principal, what, change);
    return toBrandView(saved.brand, saved.brandUpdatedAt ?? saved.createdAt);
  }
}

export function toBrandView(brand: StoredBrand, updatedAt: Date): BrandView {
  return {
    colour: brand.colour,
    colours: brand.colours,
    logo: brand.logo,
    icon: brand.icon,
    updatedAt: updatedAt.toISOString(),
  };
}
