import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { CONTACT_ENTITIES, type ContactEntity } from '@sanad/contracts';

const COLOR = /^#[0-9a-f]{6}$/i;

export class CategoryEntityDto {
  @ApiPropertyOptional({ enum: CONTACT_ENTITIES, default: 'person' })
  @IsOptional()
  @IsIn(CONTACT_ENTITIES)
  entity?: ContactEntity;
}

export class CreateCategoryDto {
  @ApiProperty({ enum: CONTACT_ENTITIES })
  @IsIn(CONTACT_ENTITIES)
  entity: ContactEntity;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  name: string;

  @ApiPropertyOptional({ example: '#45B97C' })
  @IsOptional()
  @Matches(COLOR)
  color?: string;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(COLOR)
  color?: string;
}

export class ReorderCategoriesDto {
  @ApiProperty({ enum: CONTACT_ENTITIES })
  @IsIn(CONTACT_ENTITIES)
  entity: ContactEntity;

  @ApiProperty({ type: [String], description: 'Every category of the entity, in the new order' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids: string[];
}

export class DeleteCategoryDto {
  @ApiPropertyOptional({ description: 'Where its people (or companies) go; none = uncategorised' })
  @IsOptional()
  @IsUUID()
  moveTo?: string;
}
