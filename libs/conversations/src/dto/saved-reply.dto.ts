import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CreateSavedReplyDto {
  @ApiProperty({ example: 'ترحيب' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiProperty({ example: 'مرحباً {{contact.name}}، معك {{agent.name}} من فريق الدعم.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  body: string;

  @ApiPropertyOptional({
    description: 'Shared with the whole team (admins only); otherwise personal',
  })
  @IsOptional()
  @IsBoolean()
  shared?: boolean;
}

export class UpdateSavedReplyDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  body?: string;
}

export class RenderSavedReplyDto {
  @ApiProperty()
  @IsUUID()
  conversationId: string;
}
