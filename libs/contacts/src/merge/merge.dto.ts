import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class MergePreviewQueryDto {
  @ApiProperty({ description: 'The record that would be folded into this one' })
  @IsUUID()
  sourceId: string;
}

export class MergeDto {
  @ApiProperty({ description: 'The record folded into this one; it is gone afterwards' })
  @IsUUID()
  sourceId: string;

  @ApiPropertyOptional({
    description:
      "Per conflicting field (`name`, `customFields.<key>`, ...): 'target' or 'source'. Unpicked fields keep this record's value unless it is empty; notes keep both.",
    type: 'object',
    additionalProperties: { type: 'string', enum: ['target', 'source'] },
  })
  @IsOptional()
  @IsObject()
  pick?: Record<string, unknown>;
}

/** `<first id>.<second id>` of the last pair shown. */
export const DUPLICATES_CURSOR =
  /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\.[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

export class DuplicatesQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DUPLICATES_CURSOR)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
