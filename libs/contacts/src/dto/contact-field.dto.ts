import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CONTACT_ENTITIES,
  CUSTOM_FIELD_TYPES,
  type ContactEntity,
  type CustomFieldType,
} from '@sanad/contracts';

export class FieldOptionDto {
  @ApiProperty()
  @IsString()
  @Matches(/^[\p{L}\p{N}_.-]{1,60}$/u)
  value: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  ar: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  en: string;
}

export class FieldEntityDto {
  @ApiPropertyOptional({ enum: CONTACT_ENTITIES, default: 'person' })
  @IsOptional()
  @IsIn(CONTACT_ENTITIES)
  entity?: ContactEntity;
}

export class CreateFieldDto {
  @ApiProperty({ enum: CONTACT_ENTITIES })
  @IsIn(CONTACT_ENTITIES)
  entity: ContactEntity;

  @ApiProperty({ description: 'Stable key: a letter, then letters, digits or _', example: 'plan' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/)
  key: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  labelAr: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  labelEn: string;

  @ApiProperty({ enum: CUSTOM_FIELD_TYPES })
  @IsIn(CUSTOM_FIELD_TYPES)
  type: CustomFieldType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ type: [FieldOptionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FieldOptionDto)
  options?: FieldOptionDto[];
}

export class UpdateFieldDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  labelAr?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  labelEn?: string;

  @ApiPropertyOptional({ enum: CUSTOM_FIELD_TYPES, description: 'Values are converted or kept' })
  @IsOptional()
  @IsIn(CUSTOM_FIELD_TYPES)
  type?: CustomFieldType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ type: [FieldOptionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FieldOptionDto)
  options?: FieldOptionDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  position?: number;
}

export class TypeChangeQueryDto {
  @ApiProperty({ enum: CUSTOM_FIELD_TYPES })
  @IsIn(CUSTOM_FIELD_TYPES)
  to: CustomFieldType;
}
