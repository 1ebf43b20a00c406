import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsTimeZone, MaxLength } from 'class-validator';
import {
  CALENDARS,
  DIGITS,
  LANGUAGES,
  WEEK_STARTS,
  type CalendarDisplay,
  type Digits,
  type Language,
  type WeekStart,
} from '@sanad/contracts';

/** Basic settings (الإعدادات الأساسية): what an admin may change; absent fields stay. */
export class UpdateWorkspaceDto {
  @ApiProperty({ required: false, example: 'شركة المثال' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  /** For new members, customer-facing emails and public pages. */
  @ApiProperty({ enum: LANGUAGES, required: false })
  @IsOptional()
  @IsIn(LANGUAGES)
  defaultLanguage?: Language;

  @ApiProperty({ required: false, example: 'Asia/Riyadh', description: 'An IANA time zone' })
  @IsOptional()
  @IsString()
  @IsTimeZone()
  timeZone?: string;

  @ApiProperty({ enum: WEEK_STARTS, required: false })
  @IsOptional()
  @IsIn(WEEK_STARTS)
  weekStart?: WeekStart;

  @ApiProperty({ enum: DIGITS, required: false })
  @IsOptional()
  @IsIn(DIGITS)
  digits?: Digits;

  @ApiProperty({ enum: CALENDARS, required: false })
  @IsOptional()
  @IsIn(CALENDARS)
  calendar?: CalendarDisplay;
}
