import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  IMPORT_DELIMITERS,
  IMPORT_ENCODINGS,
  IMPORT_MATCH_KEYS,
  IMPORT_ON_MATCH,
  IMPORT_TARGETS,
  type ImportDelimiter,
  type ImportEncoding,
  type ImportMatchKey,
  type ImportOnMatch,
  type ImportTarget,
} from '@sanad/contracts';

/** Built-in targets, or `field:<key>` (the key is checked against the workspace's fields). */
const TARGET = new RegExp(`^(${IMPORT_TARGETS.join('|')}|field:[a-z][a-z0-9_]{0,39})$`);

export class ImportColumnDto {
  @ApiProperty({ description: 'The column, counted from 0', minimum: 0, maximum: 999, example: 0 })
  @IsInt()
  @Min(0)
  @Max(999)
  index: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: `Where its values go: ${IMPORT_TARGETS.join(', ')}, or \`field:<key>\` for a custom field; null skips the column`,
    example: 'name',
  })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Matches(TARGET)
  target: ImportTarget | null;
}

/** The wizard's choices: column targets, how rows find existing people, how the file reads. */
export class ConfigureImportDto {
  @ApiPropertyOptional({ type: [ImportColumnDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ImportColumnDto)
  columns?: ImportColumnDto[];

  @ApiPropertyOptional({ enum: IMPORT_MATCH_KEYS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(IMPORT_MATCH_KEYS, { each: true })
  matchBy?: ImportMatchKey[];

  @ApiPropertyOptional({ enum: IMPORT_ON_MATCH })
  @IsOptional()
  @IsIn(IMPORT_ON_MATCH)
  onMatch?: ImportOnMatch;

  @ApiPropertyOptional({ enum: IMPORT_ENCODINGS })
  @IsOptional()
  @IsIn(IMPORT_ENCODINGS)
  encoding?: ImportEncoding;

  @ApiPropertyOptional({ enum: IMPORT_DELIMITERS })
  @IsOptional()
  @IsIn(IMPORT_DELIMITERS)
  delimiter?: ImportDelimiter;
}

export class ImportRejectsQueryDto {
  @ApiPropertyOptional({ enum: ['check', 'import'] })
  @IsOptional()
  @IsIn(['check', 'import'])
  phase?: 'check' | 'import';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(12)
  @Matches(/^\d+$/)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** Multipart text fields sent with the file: a reading the caller already knows. */
export class UploadImportFieldsDto {
  @IsOptional()
  @IsIn(IMPORT_ENCODINGS)
  encoding?: ImportEncoding;

  @IsOptional()
  @IsIn(IMPORT_DELIMITERS)
  delimiter?: ImportDelimiter;
}
