import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { CONVERSATION_STATUSES, type ConversationStatus } from '@sanad/contracts';

export class ReplyDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  text: string;

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

export class NoteDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  text: string;
}

/** API channel: a new message from the customer in an existing conversation. */
export class CustomerMessageDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  text: string;
}
