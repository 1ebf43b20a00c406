import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PRIORITIES, type Priority } from '@sanad/contracts';

export class ContactIdentityDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ description: "The integrator's own id for this person" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

/** API channel: an integrator opens a conversation for a contact with its first message. */
export class CreateConversationDto {
  @ApiProperty({ type: ContactIdentityDto })
  @ValidateNested()
  @Type(() => ContactIdentityDto)
  contact: ContactIdentityDto;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  subject: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  text: string;

  @ApiPropertyOptional({ type: [String], description: 'Ids from POST /attachments' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];

  @ApiPropertyOptional({ description: 'Defaults to the inbox' })
  @IsOptional()
  @IsUUID()
  mailboxId?: string;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;
}
