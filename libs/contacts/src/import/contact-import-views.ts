import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import type {
  ContactImportEventData,
  ContactImportView,
  ImportRejectView,
  Language,
} from '@sanad/contracts';
import { fillTemplate } from '@sanad/core';
import { CONTACTS_ERRORS } from '../contacts.errors';
import { EventPresenters, type AnyDomainEvent, type EventPresenter } from '@sanad/queue';
import {
  ContactImportsRepository,
  type ImportPhase,
  type ImportRecord,
  type StoredReject,
} from './contact-imports.repository';
import { importReason } from './import-reasons';

/** Samples shown per column on the mapping screen. */
const SAMPLES = 5;

/** Imports as the API and the `contact_import.updated` event show them. */
@Injectable()
export class ContactImportViews implements EventPresenter<'contact_import.updated'>, OnModuleInit {
  readonly types = ['contact_import.updated'] as const;

  constructor(
    private readonly repo: ContactImportsRepository,
    private readonly members: MemberDirectory,
    private readonly presenters: EventPresenters,
  ) {}

  onModuleInit(): void {
    this.presenters.register(this);
  }

  async views(records: ImportRecord[], language: Language): Promise<ContactImportView[]> {
    const byWorkspace = new Map<string, string[]>();
    for (const r of records)
      if (r.createdByUserId)
        byWorkspace.set(r.workspaceId, [
          ...(byWorkspace.get(r.workspaceId) ?? []),
          r.createdByUserId,
        ]);
    const names = new Map<string, string>();
    for (const [workspaceId, ids] of byWorkspace)
      for (const [id, name] of await this.members.names(workspaceId, [...new Set(ids)]))
        names.set(id, name);
    return records.map((r) => toView(r, names, language));
  }

  async present(
    events: Array<AnyDomainEvent<'contact_import.updated'>>,
  ): Promise<Map<string, ContactImportEventData | null>> {
    const out = new Map<string, ContactImportEventData | null>();
    for (const event of events) {
      const record = await this.repo.find(event.workspaceId as string, event.payload.importId);
      // Events go to the whole workspace; their messages in Arabic, the product's default.
      out.set(event.id, record ? { import: (await this.views([record], 'ar'))[0] } : null);
    }
    return out;
  }
}

function toView(
  r: ImportRecord,
  names: Map<string, string>,
  language: Language,
): ContactImportView {
  return {
    id: r.id,
    status: r.status,
    fileName: r.fileName,
    sizeBytes: r.sizeBytes,
    encoding: r.encoding,
    delimiter: r.delimiter,
    columns: r.headers.map((header, index) => ({
      index,
      header,
      target: r.targets[index] ?? null,
      samples: r.samples.slice(0, SAMPLES).map((row) => row[index] ?? ''),
    })),
    matchBy: r.matchBy,
    onMatch: r.onMatch,
    check: r.checkCounts,
    progress: r.counts,
    error: r.error
      ? {
          code: r.error.code,
          message: failureMessage(r.error.code, language, r.error.params),
          row: r.error.row,
        }
      : null,
    createdBy: r.createdByUserId
      ? { id: r.createdByUserId, name: names.get(r.createdByUserId) ?? '' }
      : null,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

export function rejectView(
  r: StoredReject,
  phase: ImportPhase,
  headers: readonly string[],
  language: Language,
): ImportRejectView {
  return {
    row: r.row,
    phase,
    code: r.code,
    column: r.column !== null ? (headers[r.column] ?? null) : null,
    reason: importReason(r.code, language, r.params),
    cells: r.cells,
  };
}

function failureMessage(
  code: string,
  language: Language,
  params: Record<string, string | number>,
): string {
  const entry = (CONTACTS_ERRORS as Record<string, { ar: string; en: string }>)[code];
  return entry ? fillTemplate(entry[language], params) : code;
}
