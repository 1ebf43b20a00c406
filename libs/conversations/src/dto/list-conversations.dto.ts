import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxDate,
  MaxLength,
  Min,
  MinDate,
} from 'class-validator';
import {
  CHANNELS,
  CONVERSATION_STATUSES,
  PRIORITIES,
  VIEWS,
  type Channel,
  type ConversationStatus,
  type Priority,
  type ViewName,
} from '@sanad/contracts';

const csv = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

/** Query of GET /conversations: every filter checked against its allowed values. */
export class ListConversationsDto {
  @ApiPropertyOptional({ enum: VIEWS, default: 'all' })
  @IsOptional()
  @IsIn(VIEWS)
  view?: ViewName;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  mailboxId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ description: 'The conversation with this number (#123)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  number?: number;

  @ApiPropertyOptional({ description: "One contact's conversations (the customer sidebar)" })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ description: 'Customers in this contact category' })
  @IsOptional()
  @IsUUID()
  contactCategoryId?: string;

  @ApiPropertyOptional({ description: 'Customers of this company' })
  @IsOptional()
  @IsUUID()
  companyId?: string;

  @ApiPropertyOptional({ description: 'Comma-separated: open,pending,closed' })
  @IsOptional()
  @Transform(csv)
  @IsIn(CONVERSATION_STATUSES, { each: true })
  status?: ConversationStatus[];

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ description: 'A member id, or "none" for unassigned' })
  @IsOptional()
  @Matches(/^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i)
  assigneeId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  tag?: string;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ description: 'Created at or after (ISO 8601)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @MinDate(new Date('1970-01-01T00:00:00Z'))
  @MaxDate(new Date('9999-12-31T23:59:59Z'))
  from?: Date;

  @ApiPropertyOptional({ description: 'Created before (ISO 8601)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @MinDate(new Date('1970-01-01T00:00:00Z'))
  @MaxDate(new Date('9999-12-31T23:59:59Z'))
  to?: Date;

  @ApiPropertyOptional({
    description:
      'Arabic-aware full-text search, ranked (every word as written, then other spellings and stems, then the last word completed); only its first words count',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 25, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
