import { ApiPropertyOptional } from '@nestjs/swagger';
import { RATING_MAX_DELAY_MINUTES } from '@sanad/contracts';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** PATCH /satisfaction/settings: fields left out stay as they are. */
export class UpdateSatisfactionSettingsDto {
  @ApiPropertyOptional({ description: 'Send rating requests when conversations are closed' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    description: 'Minutes between the close and the email (a reopen in between cancels it)',
    minimum: 0,
    maximum: RATING_MAX_DELAY_MINUTES,
    example: 5,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(RATING_MAX_DELAY_MINUTES)
  delayMinutes?: number;

  @ApiPropertyOptional({
    description: 'Also ask customers of conversations opened through the API',
  })
  @IsOptional()
  @IsBoolean()
  includeApiChannel?: boolean;
}
