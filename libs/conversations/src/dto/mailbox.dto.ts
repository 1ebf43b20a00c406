import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

export class CreateMailboxDto {
  @ApiProperty({ example: 'الفواتير' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  name: string;

  @ApiProperty({ example: 'billing', description: 'Lower-case letters, digits and dashes' })
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/)
  slug: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  signature?: string;
}

export class UpdateMailboxDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/)
  slug?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  signature?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

export class MailboxAccessDto {
  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'Mailbox ids the agent may see; null gives access to every mailbox',
  })
  @ValidateIf((dto: MailboxAccessDto) => dto.mailboxIds !== null)
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  mailboxIds: string[] | null;
}
