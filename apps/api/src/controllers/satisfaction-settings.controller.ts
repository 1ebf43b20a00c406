import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import type { SatisfactionSettingsView } from '@sanad/contracts';
import { SatisfactionSettingsService, UpdateSatisfactionSettingsDto } from '@sanad/satisfaction';

/** التقييم settings: every member reads them, owners and admins change them. */
@ApiTags('satisfaction')
@Controller('satisfaction/settings')
export class SatisfactionSettingsController {
  constructor(private readonly settings: SatisfactionSettingsService) {}

  @Get()
  get(@CurrentPrincipal() principal: Principal): Promise<SatisfactionSettingsView> {
    return this.settings.get(principal.workspaceId);
  }

  @Roles('owner', 'admin')
  @Patch()
  update(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: UpdateSatisfactionSettingsDto,
  ): Promise<SatisfactionSettingsView> {
    return this.settings.update(principal, dto);
  }
}
