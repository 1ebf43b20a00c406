import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CHANNELS, REPORT_PRESETS, type Channel, type ReportPreset } from '@sanad/contracts';

const LOCAL_DATE = /^(19[7-9]\d|[2-9]\d{3})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The period and filters every report takes (GET /reports/*). */
export class ReportQueryDto {
  @ApiPropertyOptional({
    enum: REPORT_PRESETS,
    default: 'week',
    description: 'today, the last 7, 30 or 365 days (ending today), or custom with from and to',
  })
  @IsOptional()
  @IsIn(REPORT_PRESETS)
  preset?: ReportPreset;

  @ApiPropertyOptional({ description: 'First local day (YYYY-MM-DD), for a custom range' })
  @IsOptional()
  @Matches(LOCAL_DATE)
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Last local day, inclusive (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(LOCAL_DATE)
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  mailboxId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ description: "The conversations' agent (assignee)" })
  @IsOptional()
  @IsUUID()
  agentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  tagId?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ description: "The contact's category" })
  @IsOptional()
  @IsUUID()
  categoryId?: string;
}

/** The satisfaction report's comments come in pages. */
export class SatisfactionQueryDto extends ReportQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

/** Which table of a report a CSV export holds (each report names its own). */
export class ReportExportQueryDto extends SatisfactionQueryDto {
  @ApiPropertyOptional({
    description:
      'dashboard: series; conversations: series, busiest-hours, ratings; agents: agents; contacts: categories, series; satisfaction: distribution, comments',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  table?: string;
}
