import { ApiPropertyOptional } from '@nestjs/swagger';
import { NPS_MAX_MIN_DAYS, NPS_MAX_SEND_PER_MINUTE } from '@sanad/contracts';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** PUT /nps/settings: fields left out stay as they are. */
export class UpdateNpsSettingsDto {
  @ApiPropertyOptional({
    description: 'Days after an NPS email before the same person may get another one',
    minimum: 1,
    maximum: NPS_MAX_MIN_DAYS,
    example: 90,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(NPS_MAX_MIN_DAYS)
  minDaysBetweenSurveys?: number;

  @ApiPropertyOptional({
    description: 'Survey emails the workspace sends per minute at most',
    minimum: 1,
    maximum: NPS_MAX_SEND_PER_MINUTE,
    example: 60,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(NPS_MAX_SEND_PER_MINUTE)
  sendPerMinute?: number;
}
