import { ApiProperty } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { LANGUAGES, type Language } from '@sanad/contracts';
import { PASSWORD_MIN_LENGTH } from '../password.policy';

/** First-run workspace creation, and signup of a new workspace when allowed. */
export class CreateWorkspaceDto {
  @ApiProperty({ example: 'شركة المثال' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  workspaceName: string;

  @ApiProperty({ example: 'سارة' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiProperty({ example: 'owner@example.com' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: LANGUAGES, required: false })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}
