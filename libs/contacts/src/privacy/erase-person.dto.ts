import { ApiProperty } from '@nestjs/swagger';
import { ERASURE_MODES, type ErasureMode } from '@sanad/contracts';
import { IsIn } from 'class-validator';

/** POST /people/:id/erase. */
export class ErasePersonDto {
  @ApiProperty({ enum: ERASURE_MODES })
  @IsIn(ERASURE_MODES)
  mode: ErasureMode;
}
