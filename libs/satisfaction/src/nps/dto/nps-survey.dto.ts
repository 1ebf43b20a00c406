import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NPS_GROUPS, NPS_NAME_MAX, NPS_QUESTION_MAX, type NpsGroup } from '@sanad/contracts';

/** Who a survey goes to: the people list's filters (each optional, all must match). */
export class NpsSegmentDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: "The person's category" })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: "The person's company" })
  @IsOptional()
  @IsUUID()
  companyId?: string | null;

  @ApiPropertyOptional({ description: 'Registered people (with an email, phone or id) or not' })
  @IsOptional()
  @IsBoolean()
  registered?: boolean;

  @ApiPropertyOptional({
    description: 'Last contact on or after (an ISO date is that local day of the workspace)',
    example: '2026-09-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  lastContactFrom?: string;

  @ApiPropertyOptional({
    description: 'Last contact on or before (inclusive)',
    example: '2026-11-30',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  lastContactTo?: string;
}

export class NpsPreviewDto {
  @ApiProperty({ type: NpsSegmentDto })
  @ValidateNested()
  @Type(() => NpsSegmentDto)
  segment: NpsSegmentDto;
}

export class NpsQuestionDto {
  @ApiPropertyOptional({ maxLength: NPS_QUESTION_MAX, description: '{workspace} is its name' })
  @IsOptional()
  @IsString()
  @MaxLength(NPS_QUESTION_MAX)
  ar?: string;

  @ApiPropertyOptional({ maxLength: NPS_QUESTION_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(NPS_QUESTION_MAX)
  en?: string;
}

export class CreateNpsSurveyDto extends NpsPreviewDto {
  @ApiProperty({ minLength: 1, maxLength: NPS_NAME_MAX, example: 'Q4 2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NPS_NAME_MAX)
  name: string;

  @ApiPropertyOptional({ type: NpsQuestionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => NpsQuestionDto)
  question?: NpsQuestionDto;
}

export class NpsPageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class NpsResponsesQueryDto extends NpsPageQueryDto {
  @ApiPropertyOptional({ enum: NPS_GROUPS })
  @IsOptional()
  @IsIn(NPS_GROUPS)
  group?: NpsGroup;
}
