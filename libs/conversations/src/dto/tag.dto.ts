import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

export class RenameTagDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  name: string;
}

export class MergeTagDto {
  @ApiProperty({ description: 'The tag that remains; this one is folded into it' })
  @IsUUID()
  intoId: string;
}
