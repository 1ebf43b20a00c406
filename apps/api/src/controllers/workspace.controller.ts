import { Body, Controller, Delete, Get, Patch, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { UpdateWorkspaceDto, WorkspaceSettingsService, type Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import {
  BRAND_IMAGE_FIELD,
  BrandColourDto,
  BrandService,
  FirstRunChecklistService,
} from '@sanad/branding';
import type {
  BrandColoursPreviewView,
  BrandView,
  FirstRunChecklistView,
  WorkspaceView,
} from '@sanad/contracts';
import type { Request, RequestHandler, Response } from 'express';
import { fileUploadHandler, receiveFile } from '../http/file-upload';
import { ApiErrors } from '../openapi/api-errors.decorator';

const BRAND_UPLOAD_MB = 2;
const BRAND_UPLOAD = {
  tooLarge: 'brand/image_too_large',
  missing: 'brand/image_missing',
  field: BRAND_IMAGE_FIELD,
} as const;
const FILE_BODY = {
  schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
};

/**
 * Basic settings (الإعدادات الأساسية) and the brand (الهوية البصرية): everyone reads them,
 * owners and admins change them.
 */
@ApiTags('workspace')
@Controller('workspace')
export class WorkspaceController {
  private readonly upload: RequestHandler;

  constructor(
    private readonly settings: WorkspaceSettingsService,
    private readonly brand: BrandService,
    private readonly checklist: FirstRunChecklistService,
  ) {
    this.upload = fileUploadHandler(BRAND_UPLOAD_MB);
  }

  @Get()
  get(@CurrentPrincipal() principal: Principal): Promise<WorkspaceView> {
    return this.settings.get(principal);
  }

  @Roles('owner', 'admin')
  @Patch()
  update(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: UpdateWorkspaceDto,
  ): Promise<WorkspaceView> {
    return this.settings.update(principal, dto);
  }

  @Get('checklist')
  firstRun(@CurrentPrincipal() principal: Principal): Promise<FirstRunChecklistView> {
    return this.checklist.get(principal);
  }

  @Get('brand')
  getBrand(@CurrentPrincipal() principal: Principal): Promise<BrandView> {
    return this.brand.get(principal);
  }

  /** What a colour would derive to, for the live preview; nothing is saved. */
  @ApiErrors('brand/invalid_colour')
  @Get('brand/colours')
  previewColours(@Query('colour') colour: string): BrandColoursPreviewView {
    return this.brand.preview(colour);
  }

  @Roles('owner', 'admin')
  @ApiErrors('brand/invalid_colour')
  @Patch('brand')
  setColour(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: BrandColourDto,
  ): Promise<BrandView> {
    return this.brand.setColour(principal, dto.colour);
  }

  @Roles('owner', 'admin')
  @ApiErrors(
    'brand/image_missing',
    'brand/image_type',
    'brand/image_too_large',
    'brand/logo_too_large_pixels',
    'brand/svg_unsafe',
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @Put('brand/logo')
  async setLogo(
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BrandView> {
    const file = await receiveFile(this.upload, BRAND_UPLOAD_MB, request, response, BRAND_UPLOAD);
    return this.brand.setLogo(principal, file.data);
  }

  @Roles('owner', 'admin')
  @Delete('brand/logo')
  removeLogo(@CurrentPrincipal() principal: Principal): Promise<BrandView> {
    return this.brand.removeLogo(principal);
  }

  @Roles('owner', 'admin')
  @ApiErrors(
    'brand/image_missing',
    'brand/image_type',
    'brand/image_too_large',
    'brand/icon_not_square',
    'brand/icon_too_small',
    'brand/icon_too_large_pixels',
    'brand/svg_unsafe',
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @Put('brand/icon')
  async setIcon(
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BrandView> {
    const file = await receiveFile(this.upload, BRAND_UPLOAD_MB, request, response, BRAND_UPLOAD);
    return this.brand.setIcon(principal, file.data);
  }

  @Roles('owner', 'admin')
  @Delete('brand/icon')
  removeIcon(@CurrentPrincipal() principal: Principal): Promise<BrandView> {
    return this.brand.removeIcon(principal);
  }
}
