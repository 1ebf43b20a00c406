import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Max,
  Min,
  IsInt,
} from 'class-validator';
import { Type } from 'class-transformer';
import { SUBMISSION_STATES, type SubmissionAnswer, type SubmissionState } from '@sanad/contracts';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Filters of the submissions list and its CSV export. Days are the workspace's calendar days. */
export class ListSubmissionsDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  formId?: string;

  @ApiPropertyOptional({
    enum: SUBMISSION_STATES,
    description: 'Without it: new and read (the inbox of submissions)',
  })
  @IsOptional()
  @IsIn(SUBMISSION_STATES)
  state?: SubmissionState;

  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'From this day (workspace time zone)',
  })
  @IsOptional()
  @Matches(DAY)
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Up to and including this day' })
  @IsOptional()
  @Matches(DAY)
  to?: string;

  @ApiPropertyOptional({ description: 'Words in the answers (Arabic folded and stemmed)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/** PATCH /form-submissions/:id: a new state, or corrected answers (null clears one). */
export class UpdateSubmissionDto {
  @ApiPropertyOptional({ enum: SUBMISSION_STATES })
  @IsOptional()
  @IsIn(SUBMISSION_STATES)
  state?: SubmissionState;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  values?: Record<string, SubmissionAnswer | null>;
}
