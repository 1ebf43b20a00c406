import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import {
  CONVERSATION_STATUSES,
  PRIORITIES,
  type ConversationStatus,
  type Priority,
} from '@sanad/contracts';

/** PATCH /conversations/:id: status, priority, assignee (null to unassign), mailbox, tags. */
export class UpdateConversationDto {
  @ApiPropertyOptional({ enum: CONVERSATION_STATUSES })
  @IsOptional()
  @IsIn(CONVERSATION_STATUSES)
  status?: ConversationStatus;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Snooze (مؤجلة) until this time: pending now, open again then. null wakes it.',
  })
  @ValidateIf(
    (dto: UpdateConversationDto) => dto.snoozedUntil !== null && dto.snoozedUntil !== undefined,
  )
  @IsISO8601({ strict: true })
  snoozedUntil?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  teamId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  mailboxId?: string;

  @ApiPropertyOptional({ description: 'Another person of the workspace becomes the customer' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({
    description: 'true moves it to المزعج (spam); false moves it back where it came from',
  })
  @IsOptional()
  @IsBoolean()
  spam?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(60, { each: true })
  tags?: string[];
}
