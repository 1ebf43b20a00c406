import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { LANGUAGES, type Language } from '@sanad/contracts';

/** A new person. Emails and phones are checked by the service (normalised, unique). */
export class CreatePersonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: [String], description: 'The first is the primary' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(254, { each: true })
  emails?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Any notation; local numbers read in the workspace country',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  phones?: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUUID()
  companyId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Values by custom-field key',
  })
  @IsOptional()
  @IsObject()
  customFields?: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES, nullable: true })
  @IsOptional()
  @IsIn([...LANGUAGES, null])
  language?: Language | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalId?: string | null;
}

/** A partial change: what is sent is replaced (custom fields key by key). */
export class UpdatePersonDto extends CreatePersonDto {}

export class LinkCompanyDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null unlinks' })
  @IsOptional()
  @IsUUID()
  companyId?: string | null;
}
