import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { REPORT_PRESETS, type ReportPreset } from '@sanad/contracts';

const LOCAL_DATE = /^(19[7-9]\d|[2-9]\d{3})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const bool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** GET /reports/nps: the period every report takes, the previous period or not, two filters. */
export class NpsReportQueryDto {
  @ApiPropertyOptional({ enum: REPORT_PRESETS, default: 'week' })
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

  @ApiPropertyOptional({ default: true, description: 'Also the period of the same length before' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  compare?: boolean;

  @ApiPropertyOptional({ description: "The person's category when they responded" })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  surveyId?: string;
}
