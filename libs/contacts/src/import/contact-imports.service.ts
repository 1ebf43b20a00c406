import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type {
  ContactImportView,
  ImportDelimiter,
  ImportEncoding,
  ImportMatchKey,
  ImportOnMatch,
  ImportRejectView,
  ImportStatus,
  ImportTarget,
  PageView,
} from '@sanad/contracts';
import { IMPORT_MATCH_KEYS } from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { BlobStorage } from '@sanad/storage';
import { createHash, randomUUID } from 'node:crypto';
import { neutralise } from '../export/export-columns.util';
import { ContactFieldsService } from '../fields/contact-fields.service';
import { ContactIdempotencyRepository } from '../people/idempotency.repository';
import { ContactImportRunner } from './contact-import.runner';
import { ContactImportViews, rejectView } from './contact-import-views';
import {
  ContactImportsRepository,
  EMPTY_COUNTS,
  type ImportPhase,
  type ImportRecord,
} from './contact-imports.repository';
import { readImportFile } from './import-file';
import { autoMap, mappingErrors } from './import-mapping.util';
import { importReason } from './import-reasons';

/** Columns a file may have (a wider one is refused at upload, before anything is stored). */
const REJECTS_PAGE = 500;

const EDITABLE: readonly ImportStatus[] = ['uploaded', 'checked'];
const IDENTITY_TARGETS: readonly ImportTarget[] = [
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'externalId',
];

export interface ImportUpload {
  fileName: string;
  data: Buffer;
  encoding?: ImportEncoding;
  delimiter?: ImportDelimiter;
}

export interface ImportSettings {
  columns?: Array<{ index: number; target: ImportTarget | null }>;
  matchBy?: ImportMatchKey[];
  onMatch?: ImportOnMatch;
  encoding?: ImportEncoding;
  delimiter?: ImportDelimiter;
}

/**
 * The import wizard's steps: upload (encoding, delimiter and columns guessed), mapping, the
 * check (dry run), the import, cancel; rejected rows as a list and as a CSV in the reader's
 * language. The heavy work runs in the `contacts.import` job (ContactImportRunner).
 */
@Injectable()
export class ContactImportsService {
  constructor(
    private readonly repo: ContactImportsRepository,
    private readonly views: ContactImportViews,
    private readonly runner: ContactImportRunner,
    private readonly fields: ContactFieldsService,
    private readonly idempotency: ContactIdempotencyRepository,
    private readonly storage: BlobStorage,
    private readonly outbox: OutboxWriter,
    private readonly tx: TransactionRunner,
  ) {}

  /** A repeated upload with the same Idempotency-Key answers the first one's import. */
  async upload(
    principal: Principal,
    file: ImportUpload,
    idempotencyKey?: string,
  ): Promise<ContactImportView> {
    const { encoding, delimiter, headers, samples } = await readImportFile(file.data, file);
    const fields = await this.fields.list(principal.workspaceId, 'person');
    const requestHash = createHash('sha256')
      .update(`${file.encoding ?? ''}|${file.delimiter ?? ''}|`)
      .update(file.data)
      .digest('hex');
    const id = await this.tx.run(async () => {
      if (idempotencyKey) {
        const claim = await this.idempotency.claim(
          principal.workspaceId,
          idempotencyKey,
          requestHash,
        );
        if (!claim.claimed) {
          if (claim.requestHash !== requestHash)
            throw new DomainError('request/idempotency_conflict');
          return (claim.response as { importId: string }).importId;
        }
      }
      const importId = randomUUID();
      const blobKey = `imports/${new Date().toISOString().slice(0, 7).replace('-', '/')}/${importId}`;
      await this.storage.put(blobKey, file.data);
      await this.insertRecord(
        principal,
        importId,
        blobKey,
        file,
        { encoding, delimiter, headers, samples },
        fields,
      );
      if (idempotencyKey)
        await this.idempotency.store(principal.workspaceId, idempotencyKey, { importId });
      return importId;
    });
    return this.get(principal, id);
  }

  private async insertRecord(
    principal: Principal,
    id: string,
    blobKey: string,
    file: ImportUpload,
    sniffed: {
      encoding: ImportEncoding;
      delimiter: ImportDelimiter;
      headers: string[];
      samples: string[][];
    },
    fields: Array<{ key: string; labelAr: string; labelEn: string }>,
  ): Promise<void> {
    const { encoding, delimiter, headers, samples } = sniffed;
    await this.repo.insert({
      id,
      workspaceId: principal.workspaceId,
      createdByUserId: principal.userId,
      fileName: cleanText(file.fileName).slice(0, 255) || 'import.csv',
      blobKey,
      sizeBytes: file.data.length,
      encoding,
      delimiter,
      headers,
      samples,
      targets: autoMap(headers, fields),
      matchBy: [...IMPORT_MATCH_KEYS],
      onMatch: 'update',
      status: 'uploaded',
      rowsDone: 0,
      checkCounts: null,
      counts: EMPTY_COUNTS,
      error: null,
    });
  }

  async list(principal: Principal): Promise<{ items: ContactImportView[] }> {
    return {
      items: await this.views.views(
        await this.repo.list(principal.workspaceId, 50),
        principal.language,
      ),
    };
  }

  async get(principal: Principal, id: string): Promise<ContactImportView> {
    const record = await this.repo.find(principal.workspaceId, id);
    if (!record) throw new DomainError('contact_import/not_found');
    return (await this.views.views([record], principal.language))[0];
  }

  /** New mapping or reading settings: the check is asked again. */
  async configure(
    principal: Principal,
    id: string,
    settings: ImportSettings,
  ): Promise<ContactImportView> {
    let resniff: { data: Buffer } | null = null;
    const record = await this.repo.find(principal.workspaceId, id);
    if (!record) throw new DomainError('contact_import/not_found');
    if (
      (settings.encoding && settings.encoding !== record.encoding) ||
      (settings.delimiter && settings.delimiter !== record.delimiter)
    ) {
      const data = record.blobKey ? await this.readBlob(record.blobKey) : null;
      if (!data) throw new DomainError('contact_import/file_gone');
      resniff = { data };
    }
    const sniffed = resniff
      ? await readImportFile(resniff.data, {
          encoding: settings.encoding ?? record.encoding,
          delimiter: settings.delimiter ?? record.delimiter,
        })
      : null;
    const fields = await this.fields.list(principal.workspaceId, 'person');
    await this.tx.run(async () => {
      const locked = await this.editable(principal, id);
      const headers = sniffed?.headers ?? locked.headers;
      const targets = sniffed ? autoMap(headers, fields) : [...locked.targets];
      for (const column of settings.columns ?? []) {
        if (!Number.isInteger(column.index) || column.index < 0 || column.index >= headers.length)
          throw new DomainError('contact_import/invalid_mapping', {}, [
            { field: 'columns', code: 'max', params: { max: headers.length - 1 } },
          ]);
        targets[column.index] = column.target;
      }
      const errors = mappingErrors(targets, new Set(fields.map((f) => f.key)));
      if (errors.length > 0)
        throw new DomainError(
          'contact_import/invalid_mapping',
          {},
          errors.map((e) => ({
            field: `columns.${e.index}`,
            code: e.code === 'unknownTarget' ? 'isIn' : 'duplicateOption',
            params: { value: String(targets[e.index]), allowed: '' },
          })),
        );
      await this.repo.update(id, {
        ...(sniffed
          ? {
              encoding: sniffed.encoding,
              delimiter: sniffed.delimiter,
              headers,
              samples: sniffed.samples,
            }
          : {}),
        targets,
        matchBy: settings.matchBy ? [...new Set(settings.matchBy)] : locked.matchBy,
        onMatch: settings.onMatch ?? locked.onMatch,
        status: 'uploaded',
        checkCounts: null,
        error: null,
      });
      await this.announce(locked);
    });
    return this.get(principal, id);
  }

  /** The dry run, in the background: `checked` with what would happen. */
  async check(principal: Principal, id: string): Promise<ContactImportView> {
    return this.begin(principal, id, EDITABLE, 'checking');
  }

  async start(principal: Principal, id: string): Promise<ContactImportView> {
    return this.begin(principal, id, EDITABLE, 'queued');
  }

  /**
   * Stops an import and undoes what it wrote; a check stops and the mapping stays; an import
   * not started yet is dropped with its file.
   */
  async cancel(principal: Principal, id: string): Promise<ContactImportView> {
    const next = await this.tx.run(async () => {
      const locked = await this.repo.lock(principal.workspaceId, id);
      if (!locked) throw new DomainError('contact_import/not_found');
      const status: ImportStatus | null =
        locked.status === 'queued' || locked.status === 'running'
          ? 'cancelling'
          : locked.status === 'checking'
            ? 'uploaded'
            : EDITABLE.includes(locked.status)
              ? 'cancelled'
              : null;
      if (!status) throw new DomainError('contact_import/wrong_status', { status: locked.status });
      await this.repo.update(id, {
        status,
        ...(status === 'uploaded'
          ? { checkCounts: null, runnerToken: null, leaseUntil: null }
          : {}),
        ...(status === 'cancelled' ? { finishedAt: new Date(), blobKey: null } : {}),
      });
      await this.announce(locked);
      return { status, blobKey: locked.blobKey };
    });
    if (next.status === 'cancelling') await this.runner.enqueue(id);
    if (next.status === 'cancelled' && next.blobKey)
      await this.storage.delete(next.blobKey).catch(() => undefined);
    return this.get(principal, id);
  }

  async rejects(
    principal: Principal,
    id: string,
    query: { phase?: ImportPhase; cursor?: string; limit?: number },
  ): Promise<PageView<ImportRejectView>> {
    const record = await this.repo.find(principal.workspaceId, id);
    if (!record) throw new DomainError('contact_import/not_found');
    const phase = query.phase ?? defaultPhase(record);
    const after = query.cursor ? Number(query.cursor) : 0;
    if (!Number.isSafeInteger(after) || after < 0) throw new DomainError('request/invalid_cursor');
    const limit = query.limit ?? 50;
    const rows = await this.repo.rejects(id, phase, after, limit);
    return {
      items: rows.map((r) => rejectView(r, phase, record.headers, principal.language)),
      nextCursor: rows.length === limit ? String(rows[rows.length - 1].row) : null,
    };
  }

  /**
   * The rejected rows as a CSV to fix and import again: the file's own columns, then the row
   * number and the reason in the reader's language. UTF-8 with a BOM (Excel shows Arabic),
   * formula-like cells neutralised, streamed page by page.
   */
  async rejectedCsv(
    principal: Principal,
    id: string,
    phase?: ImportPhase,
  ): Promise<{ fileName: string; rows: AsyncIterable<string[]> }> {
    const record = await this.repo.find(principal.workspaceId, id);
    if (!record) throw new DomainError('contact_import/not_found');
    const which = phase ?? defaultPhase(record);
    const { language } = principal;
    const repo = this.repo;
    async function* lines(): AsyncGenerator<string[]> {
      yield [
        ...record!.headers,
        language === 'ar' ? 'رقم الصف' : 'Row',
        language === 'ar' ? 'سبب الرفض' : 'Reason',
      ].map(neutralise);
      let after = 0;
      for (;;) {
        const page = await repo.rejects(id, which, after, REJECTS_PAGE);
        for (const r of page) {
          const cells = record!.headers.map((_, i) => r.cells[i] ?? '');
          yield [...cells, String(r.row + 1), importReason(r.code, language, r.params)].map(
            neutralise,
          );
        }
        if (page.length < REJECTS_PAGE) return;
        after = page[page.length - 1].row;
      }
    }
    const base = record.fileName.replace(/\.[^.]+$/, '');
    return { fileName: `${base}-rejected.csv`, rows: lines() };
  }

  private async begin(
    principal: Principal,
    id: string,
    from: readonly ImportStatus[],
    to: 'checking' | 'queued',
  ): Promise<ContactImportView> {
    await this.tx.run(async () => {
      const locked = await this.repo.lock(principal.workspaceId, id);
      if (!locked) throw new DomainError('contact_import/not_found');
      if (!from.includes(locked.status))
        throw new DomainError('contact_import/wrong_status', { status: locked.status });
      if (!locked.targets.some((t) => t && IDENTITY_TARGETS.includes(t)))
        throw new DomainError('contact_import/no_identity_column');
      if (!locked.blobKey) throw new DomainError('contact_import/file_gone');
      await this.repo.update(id, {
        status: to,
        error: null,
        runnerToken: null,
        leaseUntil: null,
        ...(to === 'queued' ? { rowsDone: 0, counts: EMPTY_COUNTS } : {}),
      });
      await this.announce(locked);
    });
    await this.runner.enqueue(id);
    return this.get(principal, id);
  }

  private async editable(principal: Principal, id: string): Promise<ImportRecord> {
    const locked = await this.repo.lock(principal.workspaceId, id);
    if (!locked) throw new DomainError('contact_import/not_found');
    if (!EDITABLE.includes(locked.status))
      throw new DomainError('contact_import/wrong_status', { status: locked.status });
    return locked;
  }

  private async readBlob(key: string): Promise<Buffer | null> {
    const stream = await this.storage.get(key);
    if (!stream) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  private announce(record: ImportRecord): Promise<unknown> {
    return this.outbox.write({
      workspaceId: record.workspaceId,
      type: 'contact_import.updated',
      payload: { importId: record.id },
    });
  }
}

/** The rejects an import shows: the import's once it ran, the check's before. */
function defaultPhase(record: ImportRecord): ImportPhase {
  return ['uploaded', 'checking', 'checked'].includes(record.status) ? 'check' : 'import';
}
