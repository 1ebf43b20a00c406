import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '@sanad/contracts';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'CRM integration', maxLength: 80 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  name: string;

  /** Tokens made before scopes existed are `write`, so that stays the default. */
  @ApiPropertyOptional({
    enum: API_TOKEN_SCOPES,
    default: 'write',
    description:
      '`read`: GET and HEAD only (any other method answers 403 `token/read_only`); `write`: everything the creating admin may do.',
  })
  @IsOptional()
  @IsIn(API_TOKEN_SCOPES)
  scope?: ApiTokenScope;
}
