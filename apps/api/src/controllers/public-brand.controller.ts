import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@sanad/auth';
import { BrandImagesService, PublicThemeService } from '@sanad/branding';
import type { PublicThemeView } from '@sanad/contracts';
import type { Response } from 'express';
import { ApiErrors } from '../openapi/api-errors.decorator';

/**
 * What public pages and emails load without logging in: a workspace's theme by slug (short
 * cache, ETag) and brand images by content hash (cached for a year: the name changes with them).
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicBrandController {
  constructor(
    private readonly themes: PublicThemeService,
    private readonly images: BrandImagesService,
  ) {}

  @ApiErrors('workspace/not_found')
  @Get('workspaces/:slug/theme')
  async theme(
    @Param('slug') slug: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const { view, etag } = await this.themes.bySlug(slug);
    response.setHeader('ETag', etag);
    response.setHeader('Cache-Control', 'public, max-age=60, stale-while-revalidate=600');
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (ifNoneMatch?.split(/\s*,\s*/).includes(etag)) response.status(304).end();
    else response.json(view satisfies PublicThemeView);
  }

  @ApiErrors('brand/image_not_found')
  @Get('brand/:file')
  async image(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const { contentType, bytes, stream } = await this.images.open(file);
    response.setHeader('Content-Type', contentType);
    response.setHeader('Content-Length', String(bytes));
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    // Emails, the widget on customers' sites and forms embedded elsewhere show these.
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  }
}
