import { Injectable } from '@nestjs/common';
import { MemberDirectory, type Principal } from '@sanad/accounts';
import type { ContactEntity } from '@sanad/contracts';
import { DomainError, localDay, type Language } from '@sanad/core';
import { contactSearchPatterns } from '@sanad/search';
import { ContactFieldsService } from '../fields/contact-fields.service';
import { PeopleFilters } from '../people/people-filters';
import type { PageCursor } from '../people/people-query.util';
import type { ExportCompaniesDto, ExportPeopleDto } from './export.dto';
import {
  cellText,
  COMPANY_COLUMNS,
  fieldCell,
  headerRow,
  neutralise,
  parseColumns,
  PERSON_COLUMNS,
  type CompanyColumn,
  type ExportColumn,
  type ExportField,
  type PersonColumn,
} from './export-columns.util';
import { ExportRepository, type CompanyExportRow, type PersonExportRow } from './export.repository';

/** Rows read per query: enough to keep PostgreSQL busy, few enough to keep memory flat. */
export const EXPORT_BATCH = 1_000;

/** A prepared export: its file name and its rows (the header first), produced as they are read. */
export interface CsvExport {
  fileName: string;
  rows: AsyncIterable<string[]>;
}

/**
 * CSV exports of people and companies: the list's filters, the chosen columns, headers in the
 * member's language. Everything that can fail (filters, columns) fails before the first byte,
 * so an error is a problem document and never half a file.
 */
@Injectable()
export class ContactExportService {
  constructor(
    private readonly repo: ExportRepository,
    private readonly fields: ContactFieldsService,
    private readonly filters: PeopleFilters,
    private readonly members: MemberDirectory,
  ) {}

  /** Dates in exports are on the workspace's clock. */
  private async timeZone(workspaceId: string): Promise<string> {
    return (await this.members.workspaceLocale(workspaceId))?.timeZone ?? 'UTC';
  }

  async people(principal: Principal, dto: ExportPeopleDto): Promise<CsvExport> {
    const { workspaceId } = principal;
    const format = { language: principal.language, timeZone: await this.timeZone(workspaceId) };
    const { language } = format;
    const columns = await this.columns(workspaceId, 'person', PERSON_COLUMNS, dto.columns);
    const sort = dto.sort ?? 'name';
    const query = {
      workspaceId,
      patterns: dto.q ? contactSearchPatterns(dto.q) : [],
      categoryId: dto.categoryId,
      companyId: dto.companyId,
      registered: dto.registered,
      createdFrom: dto.createdFrom,
      createdTo: dto.createdTo,
      lastSeenFrom: dto.lastSeenFrom,
      lastSeenTo: dto.lastSeenTo,
      fields: await this.filters.parse(workspaceId, dto.field ?? []),
      sort,
      order: dto.order ?? (sort === 'name' ? 'asc' : 'desc'),
      limit: EXPORT_BATCH,
    } as const;
    const repo = this.repo;
    async function* rows(): AsyncGenerator<string[]> {
      yield headerRow(columns, language);
      let after: PageCursor | undefined;
      do {
        const batch = await repo.people({ ...query, after });
        for (const row of batch.rows) yield columns.map((c) => personCell(c, row, format));
        after = batch.last ?? undefined;
      } while (after);
    }
    const name = fileName(language === 'ar' ? 'الأشخاص' : 'people', format.timeZone);
    return { fileName: name, rows: rows() };
  }

  async companies(principal: Principal, dto: ExportCompaniesDto): Promise<CsvExport> {
    const { workspaceId } = principal;
    const format = { language: principal.language, timeZone: await this.timeZone(workspaceId) };
    const { language } = format;
    const columns = await this.columns(workspaceId, 'company', COMPANY_COLUMNS, dto.columns);
    const query = {
      workspaceId,
      patterns: dto.q ? contactSearchPatterns(dto.q) : [],
      categoryId: dto.categoryId,
      limit: EXPORT_BATCH,
    };
    const repo = this.repo;
    async function* rows(): AsyncGenerator<string[]> {
      yield headerRow(columns, language);
      let after: PageCursor | undefined;
      do {
        const batch = await repo.companies({ ...query, after });
        for (const row of batch.rows) yield columns.map((c) => companyCell(c, row, format));
        after = batch.last ?? undefined;
      } while (after);
    }
    const name = fileName(language === 'ar' ? 'الشركات' : 'companies', format.timeZone);
    return { fileName: name, rows: rows() };
  }

  private async columns<B extends string>(
    workspaceId: string,
    entity: ContactEntity,
    builtins: readonly B[],
    raw: string | undefined,
  ): Promise<Array<ExportColumn<B>>> {
    const fields: ExportField[] = await this.fields.list(workspaceId, entity);
    const { columns, unknown } = parseColumns(raw, builtins, fields);
    if (unknown.length > 0)
      throw new DomainError('contact_export/unknown_columns', { columns: unknown.join(', ') });
    return columns;
  }
}

/** How cells are written: labels in the member's language, instants on the workspace's clock. */
interface CellFormat {
  language: Language;
  timeZone: string;
}

function personCell(
  column: ExportColumn<PersonColumn>,
  row: PersonExportRow,
  { language, timeZone }: CellFormat,
): string {
  if (column.kind === 'field')
    return neutralise(fieldCell(column.field, row.customFields[column.field.key], language));
  const values: Record<PersonColumn, unknown> = {
    name: row.name,
    emails: row.emails,
    phones: row.phones,
    company: row.companyName,
    category: row.categoryName,
    language: row.language,
    externalId: row.externalId,
    registered: row.registered,
    notes: row.notes,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
  };
  return neutralise(cellText(values[column.key], timeZone));
}

function companyCell(
  column: ExportColumn<CompanyColumn>,
  row: CompanyExportRow,
  { language, timeZone }: CellFormat,
): string {
  if (column.kind === 'field')
    return neutralise(fieldCell(column.field, row.customFields[column.field.key], language));
  const values: Record<CompanyColumn, unknown> = {
    name: row.name,
    domains: row.domains,
    category: row.categoryName,
    notes: row.notes,
    createdAt: row.createdAt,
  };
  return neutralise(cellText(values[column.key], timeZone));
}

function fileName(base: string, timeZone: string, now = new Date()): string {
  return `${base}-${localDay(now, timeZone)}.csv`;
}
