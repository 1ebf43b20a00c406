import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { CONVERSATION_STATUSES, type ConversationStatus } from '@sanad/contracts';

/** Text and uploaded files; one of the two must be there (checked by the service). */
export class MessageBodyDto {
  @ApiPropertyOptional({ description: 'Plain text; HTML is shown as text, never rendered' })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  text?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Ids from POST /attachments, sent with this message',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class ReplyDto extends MessageBodyDto {
  @ApiPropertyOptional({
    description:
      'The newest message the agent saw; newer public messages make the reply answer 409',
  })
  @IsOptional()
  @IsUUID()
  lastSeenMessageId?: string;

  @ApiPropertyOptional({ description: 'Send even if newer messages arrived (after a 409)' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;

  @ApiPropertyOptional({ enum: CONVERSATION_STATUSES, description: 'Status after the reply' })
  @IsOptional()
  @IsIn(CONVERSATION_STATUSES)
  status?: ConversationStatus;
}

export class NoteDto extends MessageBodyDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'Member ids @mentioned in the note: they follow the conversation and are told',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  mentions?: string[];
}

/** API channel: a new message from the customer in an existing conversation. */
export class CustomerMessageDto extends MessageBodyDto {}
