import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

/** Fields left out stay as they are; null clears one. A password is only ever written. */
export class UpdateEmailSettingsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'smtp.gmail.com' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^[a-z0-9.-]{1,253}$/i)
  smtpHost?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 587 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(65535)
  smtpPort?: number | null;

  @ApiPropertyOptional({ enum: ['tls', 'starttls', 'none'] })
  @IsOptional()
  @IsIn(['tls', 'starttls', 'none'])
  smtpSecurity?: 'tls' | 'starttls' | 'none';

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(320)
  smtpUser?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Write-only; null removes it' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(1000)
  smtpPassword?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'فريق الدعم' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(120)
  fromName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'support@company.com' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail()
  @MaxLength(320)
  fromAddress?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  autoAckEnabled?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(5000)
  autoAckAr?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(5000)
  autoAckEn?: string | null;
}

export class AddressDto {
  @ApiPropertyOptional({ example: 'support@company.com' })
  @IsEmail()
  @MaxLength(320)
  address: string;
}

export class TestEmailDto {
  @ApiPropertyOptional({ example: 'me@company.com' })
  @IsEmail()
  @MaxLength(320)
  to: string;
}

export class BlockSenderDto {
  @ApiPropertyOptional({ example: 'spammer@example.com or @example.com' })
  @IsString()
  @Matches(/^([^\s@]+@|@)[^\s@]+\.[^\s@]+$/)
  @MaxLength(320)
  pattern: string;
}
