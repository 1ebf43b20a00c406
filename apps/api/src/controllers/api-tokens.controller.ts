import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiTokensService, CreateApiTokenDto, type Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import type { ApiTokenView, CreatedApiTokenView, ListView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { Idempotent } from '@sanad/idempotency';
import { WholeList } from '../openapi/api-errors.decorator';

const tokenId = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('token/not_found') });

@ApiTags('api tokens')
@Roles('owner', 'admin')
@Controller('tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @WholeList('a workspace’s API tokens, each made by an admin by hand.')
  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<ListView<ApiTokenView>> {
    return { items: await this.tokens.list(principal) };
  }

  @Idempotent({ secret: true })
  @Post()
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateApiTokenDto,
  ): Promise<CreatedApiTokenView> {
    return this.tokens.create(principal, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', tokenId) id: string,
  ): Promise<void> {
    return this.tokens.revoke(principal, id);
  }
}
