import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'CRM integration' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  name: string;
}
