import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AccountService,
  ChangePasswordDto,
  UpdateProfileDto,
  type Principal,
} from '@sanad/accounts';
import { CurrentPrincipal } from '@sanad/auth';
import type { MeView } from '@sanad/contracts';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly account: AccountService) {}

  @Get()
  me(@CurrentPrincipal() principal: Principal): Promise<MeView> {
    return this.account.me(principal);
  }

  @Patch()
  update(@CurrentPrincipal() principal: Principal, @Body() dto: UpdateProfileDto): Promise<MeView> {
    return this.account.updateProfile(principal, dto);
  }

  @Post('password')
  @HttpCode(204)
  changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    return this.account.changePassword(principal, dto);
  }
}
