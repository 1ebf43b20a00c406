import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, MaxLength } from 'class-validator';

export const INVITE_ROLES = ['admin', 'agent'] as const;

export class CreateInviteDto {
  @ApiProperty({ example: 'agent@example.com' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: INVITE_ROLES })
  @IsIn(INVITE_ROLES)
  role: (typeof INVITE_ROLES)[number];
}
