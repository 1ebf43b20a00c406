import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { DIGITS, LANGUAGES, type Digits, type Language } from '@sanad/contracts';

export class UpdateProfileDto {
  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @ApiProperty({ enum: LANGUAGES, required: false })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  /** The member's own digits; null goes back to the workspace's. */
  @ApiProperty({ enum: DIGITS, required: false, nullable: true })
  @IsOptional()
  @IsIn(DIGITS)
  digits?: Digits | null;
}
