import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** PATCH /workspace/brand: the primary colour (3- or 6-digit hex). */
export class BrandColourDto {
  @ApiProperty({ example: '#45B97C' })
  @IsString()
  @MaxLength(7)
  colour: string;
}
