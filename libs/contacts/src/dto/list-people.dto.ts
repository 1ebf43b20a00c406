import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
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
import { PEOPLE_SORTS, type PeopleSort } from '@sanad/contracts';

const MIN = new Date('1970-01-01T00:00:00Z');
const MAX = new Date('9999-12-31T23:59:59Z');
const bool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
const many = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? [value] : value;

/** `<key>:<op>:<value>`; op one of eq, contains, before, after, empty, not_empty. */
export const FIELD_FILTER =
  /^[a-z][a-z0-9_]{0,39}:(eq|contains|before|after|empty|not_empty)(:.{0,200})?$/s;

/** Query of GET /people: every filter with its type and range. */
export class ListPeopleDto {
  @ApiPropertyOptional({ description: 'Names, emails, phone digits, company names' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  companyId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  registered?: boolean;

  @ApiPropertyOptional({ enum: PEOPLE_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(PEOPLE_SORTS)
  sort?: PeopleSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @MinDate(MIN)
  @MaxDate(MAX)
  createdFrom?: Date;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @MinDate(MIN)
  @MaxDate(MAX)
  createdTo?: Date;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @MinDate(MIN)
  @MaxDate(MAX)
  lastSeenFrom?: Date;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @MinDate(MIN)
  @MaxDate(MAX)
  lastSeenTo?: Date;

  @ApiPropertyOptional({
    type: [String],
    description: 'Custom-field filters, `<key>:<op>:<value>` (repeat for several)',
  })
  @IsOptional()
  @Transform(many)
  @ArrayMaxSize(10)
  @Matches(FIELD_FILTER, { each: true })
  field?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(400)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ListCompaniesDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(400)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
