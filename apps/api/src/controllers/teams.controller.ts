import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import type { ListView, TeamView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { Idempotent } from '@sanad/idempotency';
import { SaveTeamDto, TeamsService } from '@sanad/conversations';
import { ApiErrors, WholeList } from '../openapi/api-errors.decorator';

const teamId = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('team/not_found') });

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @WholeList('the teams of one workspace.')
  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<ListView<TeamView>> {
    return { items: await this.teams.list(principal) };
  }

  @Roles('owner', 'admin')
  @ApiErrors('team/name_taken')
  @Idempotent()
  @Post()
  create(@CurrentPrincipal() principal: Principal, @Body() dto: SaveTeamDto): Promise<TeamView> {
    return this.teams.create(principal, dto);
  }

  @Roles('owner', 'admin')
  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', teamId) id: string,
    @Body() dto: SaveTeamDto,
  ): Promise<TeamView> {
    return this.teams.update(principal, id, dto);
  }

  @Roles('owner', 'admin')
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentPrincipal() principal: Principal, @Param('id', teamId) id: string): Promise<void> {
    return this.teams.remove(principal, id);
  }
}
