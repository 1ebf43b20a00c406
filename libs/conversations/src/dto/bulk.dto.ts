import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { UpdateConversationDto } from './update-conversation.dto';

/** The same change applied to a selection of conversations. */
export class BulkChangesDto extends UpdateConversationDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(60, { each: true })
  addTags?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  removeTags?: string[];
}

export class BulkUpdateDto {
  @ApiProperty({ type: [String], maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids: string[];

  @ApiProperty({ type: BulkChangesDto })
  @ValidateNested()
  @Type(() => BulkChangesDto)
  changes: BulkChangesDto;
}

export class MergeConversationDto {
  @ApiProperty({ description: 'The conversation that remains; this one is folded into it' })
  @IsUUID()
  intoId: string;
}
