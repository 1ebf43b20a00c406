import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  FORM_STATES,
  LANGUAGES,
  type FormDefinition,
  type FormState,
  type Language,
} from '@sanad/contracts';

export class CreateFormDto {
  @ApiProperty({ example: 'تواصل معنا' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  /** The language of its starting fields (the member's when absent). */
  @ApiProperty({ enum: LANGUAGES, required: false })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class UpdateFormDto {
  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @ApiProperty({ enum: FORM_STATES, required: false })
  @IsOptional()
  @IsIn(FORM_STATES)
  state?: FormState;

  /** The whole draft (fields and settings); checked field by field. */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  draft?: FormDefinition;
}

export class PublishFormDto {
  @ApiProperty({ required: false, example: 'أضفنا حقل رقم الطلب' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
