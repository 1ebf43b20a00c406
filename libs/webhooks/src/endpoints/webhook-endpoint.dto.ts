import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_WEBHOOK_URL_LENGTH, WEBHOOK_EVENTS } from '@sanad/contracts';

/**
 * Lengths here only stop absurd input; the URL's own rules (scheme, credentials, its 2,000
 * characters, where it resolves) and the event and header rules answer with their own codes.
 */
export class CreateWebhookEndpointDto {
  @ApiProperty({
    example: 'https://crm.example.com/hooks/sanad',
    maxLength: MAX_WEBHOOK_URL_LENGTH,
  })
  @IsString()
  @MaxLength(MAX_WEBHOOK_URL_LENGTH * 4)
  url: string;

  @ApiPropertyOptional({ example: 'CRM: tickets and replies', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({
    description: 'Event types to receive; empty or absent = every event, also those added later',
    enum: WEBHOOK_EVENTS,
    isArray: true,
    example: ['conversation.created', 'message.created'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  events?: string[];

  @ApiPropertyOptional({
    description: 'Headers sent with every delivery (at most 20; not webhook-*, host, content-*)',
    example: { authorization: 'Bearer s3cr3t' },
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @IsObject()
  headers?: Record<string, unknown>;
}

export class UpdateWebhookEndpointDto {
  @ApiPropertyOptional({ example: 'https://crm.example.com/hooks/sanad' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_WEBHOOK_URL_LENGTH * 4)
  url?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  events?: string[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsObject()
  headers?: Record<string, unknown>;
}
