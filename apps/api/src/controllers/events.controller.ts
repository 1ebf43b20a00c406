import { Controller, Get, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal } from '@sanad/auth';
import type { EventsPageView } from '@sanad/contracts';
import { EventLog } from '@sanad/queue';

export class EventsQueryDto {
  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;

  @ApiPropertyOptional({ default: 200, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

/** Socket events are hints: a reconnecting client asks here for what it missed. */
@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventLog) {}

  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: EventsQueryDto,
  ): Promise<EventsPageView> {
    return this.events.page(
      principal.workspaceId,
      query.after ?? 0,
      query.limit ?? 200,
      principal.mailboxIds,
    );
  }
}
