import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ListCompaniesDto, ListPeopleDto } from '../dto/list-people.dto';

const COLUMNS_DOC =
  'Comma-separated columns: built-in names and `field:<key>`; default every built-in and every custom field';

/** GET /people/export.csv: the list's filters and sort, and the columns to write. */
export class ExportPeopleDto extends OmitType(ListPeopleDto, ['cursor', 'limit'] as const) {
  @ApiPropertyOptional({ description: COLUMNS_DOC })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  columns?: string;
}

export class ExportCompaniesDto extends OmitType(ListCompaniesDto, ['cursor', 'limit'] as const) {
  @ApiPropertyOptional({ description: COLUMNS_DOC })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  columns?: string;
}
