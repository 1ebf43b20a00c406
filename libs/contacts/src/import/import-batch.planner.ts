import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@sanad/database';
import { randomUUID } from 'node:crypto';
import { CategoriesRepository } from '../categories/categories.repository';
import { CompaniesRepository } from '../companies/companies.repository';
import { companySearchText, companySortName } from '../companies/company-text.util';
import { ContactFieldsService } from '../fields/contact-fields.service';
import { emailDomains } from '../people/person-input.util';
import { WorkspaceRegion } from '../workspace-region';
import {
  ContactImportsRepository,
  type ImportPhase,
  type ImportRecord,
} from './contact-imports.repository';
import { ImportBatchRepository, type NewCompany } from './import-batch.repository';
import { foldHeader } from './import-mapping.util';
import {
  identities,
  planBatch,
  type CompanyRef,
  type PlannedRow,
  type ReadRow,
} from './import-plan.util';
import { isReject, readRow, type RowRules } from './import-row.util';

/** Default categories answer to both languages' names, whichever the workspace started with. */
const SYSTEM_CATEGORY_NAMES: Record<string, string[]> = {
  prospects: ['العملاء المحتملون', 'Prospects'],
  customers: ['العملاء', 'Customers'],
};

/** One data row of the file, as read: its 1-based number and its cells. */
export interface RawRow {
  row: number;
  cells: string[];
}

export type ImportRules = RowRules & { requiredKeys: string[] };

/**
 * An import batch decided: its rows read through the mapping, then judged against what is
 * stored (holders of the batch's identities, companies by name and domain, the identities
 * earlier batches took), read set-wise. Writes nothing.
 */
@Injectable()
export class ImportBatchPlanner {
  constructor(
    private readonly repo: ContactImportsRepository,
    private readonly batches: ImportBatchRepository,
    private readonly companies: CompaniesRepository,
    private readonly categories: CategoriesRepository,
    private readonly fields: ContactFieldsService,
    private readonly region: WorkspaceRegion,
    private readonly tx: TransactionRunner,
  ) {}

  async rules(record: ImportRecord): Promise<ImportRules> {
    const [fieldRules, categories, region] = await Promise.all([
      this.fields.rules(record.workspaceId, 'person'),
      this.categories.list(record.workspaceId, 'person'),
      this.region.of(record.workspaceId),
    ]);
    const byName = new Map<string, string>();
    for (const category of categories)
      for (const name of [
        category.name,
        ...(SYSTEM_CATEGORY_NAMES[category.systemKey ?? ''] ?? []),
      ])
        if (!byName.has(foldHeader(name))) byName.set(foldHeader(name), category.id);
    return {
      targets: record.targets,
      columns: record.headers.length,
      fields: new Map(fieldRules.map((r) => [r.key, r])),
      region,
      categories: byName,
      requiredKeys: fieldRules.filter((r) => r.required).map((r) => r.key),
    };
  }

  /** Rows read, then decided against the stored people and companies (read set-wise). */
  async plan(
    record: ImportRecord,
    rules: ImportRules,
    rows: RawRow[],
    phase: ImportPhase,
  ): Promise<{
    planned: PlannedRow[];
    newCompanies: Map<string, NewCompany & { row: number }>;
    /** The identities this batch's rows took, for the next batches. */
    keys: Array<[string, number]>;
  }> {
    const { workspaceId } = record;
    const reads: ReadRow[] = [];
    const rejected: PlannedRow[] = [];
    for (const { row, cells } of rows) {
      const read = readRow(cells, rules);
      if (isReject(read)) rejected.push({ kind: 'reject', row, reject: read });
      else reads.push({ row, cells, person: read });
    }
    const holders = await this.tx.run(() =>
      this.batches.holders(workspaceId, {
        emails: reads.flatMap((r) => r.person.emails),
        phones: reads.flatMap((r) => r.person.phones),
        externalIds: reads.flatMap((r) => (r.person.externalId ? [r.person.externalId] : [])),
      }),
    );
    const batchKeys = [
      ...new Set(reads.flatMap((r) => identities(r.person).map(([, key]) => key))),
    ];
    const seen = await this.repo.earlierKeys(record.id, phase, batchKeys);
    const earlier = new Set(seen.keys());
    const companyCells = new Map<string, { name: string; row: number }>();
    for (const r of reads)
      if (r.person.companyName) {
        const key = companySortName(r.person.companyName);
        if (!companyCells.has(key))
          companyCells.set(key, { name: r.person.companyName, row: r.row });
      }
    const existing = await this.batches.companiesBySortName(workspaceId, [...companyCells.keys()]);
    const newCompanies = new Map<string, NewCompany & { row: number }>();
    const companies = new Map<string, CompanyRef>(existing);
    for (const [key, cell] of companyCells)
      if (!existing.has(key)) {
        const company = {
          id: randomUUID(),
          name: cell.name,
          sortName: key,
          searchText: companySearchText({ name: cell.name, domains: [] }),
          row: cell.row,
        };
        newCompanies.set(key, company);
        companies.set(key, company);
      }
    const domains = emailDomains([
      ...reads.flatMap((r) => r.person.emails),
      ...holders.flatMap((h) => h.emails),
    ]);
    const domainCompanies = await this.batches.companiesByDomain(workspaceId, domains);
    const companyNames = await this.companies.names(workspaceId, [
      ...new Set(holders.flatMap((h) => (h.companyId ? [h.companyId] : []))),
    ]);
    const planned = planBatch(reads, {
      holders,
      seen,
      matchBy: record.matchBy,
      onMatch: record.onMatch,
      requiredKeys: rules.requiredKeys,
      companies,
      domainCompanies,
      companyNames,
    });
    return {
      planned: [...planned, ...rejected].sort((a, b) => a.row - b.row),
      newCompanies,
      keys: [...seen].filter(([key]) => !earlier.has(key)),
    };
  }
}
