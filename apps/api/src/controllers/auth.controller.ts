import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AcceptInviteDto,
  CreateWorkspaceDto,
  InvitesService,
  LoginDto,
  WorkspaceSetupService,
} from '@sanad/accounts';
import { AuthService, Public, sessionSecret } from '@sanad/auth';
import type { InvitePreviewView, MeView, SetupStatusView } from '@sanad/contracts';
import type { Request, Response } from 'express';
import { ClientIp } from '../http/client-ip';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { SessionCookies } from '../http/session-cookies';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly setupService: WorkspaceSetupService,
    private readonly invites: InvitesService,
    private readonly cookies: SessionCookies,
  ) {}

  @Public()
  @Get('setup/status')
  status(): Promise<SetupStatusView> {
    return this.setupService.status();
  }

  @Public()
  @ApiErrors('setup/already_done')
  @Post('setup')
  async setup(
    @Body() dto: CreateWorkspaceDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeView> {
    return this.cookies.respond(res, await this.auth.setup(dto));
  }

  @Public()
  @ApiErrors('auth/signup_disabled', 'auth/rate_limited', 'user/email_taken')
  @Post('auth/signup')
  async signup(
    @Body() dto: CreateWorkspaceDto,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeView> {
    return this.cookies.respond(res, await this.auth.signup(dto, ip));
  }

  @Public()
  @ApiErrors('auth/invalid_credentials', 'auth/account_deactivated', 'auth/rate_limited')
  @Post('auth/login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeView> {
    return this.cookies.respond(res, await this.auth.login(dto, ip));
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(sessionSecret(req));
    this.cookies.clear(res);
  }

  @Public()
  @ApiErrors('invite/not_found', 'invite/expired', 'invite/used')
  @Get('auth/invites/:token')
  previewInvite(@Param('token') token: string): Promise<InvitePreviewView> {
    return this.invites.preview(token);
  }

  @Public()
  @ApiErrors('invite/not_found', 'invite/expired', 'invite/used')
  @Post('auth/invites/:token/accept')
  @HttpCode(200)
  async acceptInvite(
    @Param('token') token: string,
    @Body() dto: AcceptInviteDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeView> {
    return this.cookies.respond(res, await this.auth.acceptInvite(token, dto));
  }
}
