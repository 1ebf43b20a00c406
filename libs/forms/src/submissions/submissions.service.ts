import { Injectable } from '@nestjs/common';
import { AuditLog, MemberDirectory, type Principal } from '@sanad/accounts';
import { ContactsService, WorkspaceRegion, cellText, neutralise } from '@sanad/contacts';
import type {
  FormField,
  PageView,
  SubmissionState,
  SubmissionSummaryView,
  SubmissionView,
} from '@sanad/contracts';
import { DomainError, dayStart, localTimestamp } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { indexTerms, parseSearchQuery, stemTsquery, completionTsquery } from '@sanad/search';
import { BlobStorage } from '@sanad/storage';
import type { Readable } from 'node:stream';
import type { ListSubmissionsDto, UpdateSubmissionDto } from '../dto/submission.dto';
import { SubmissionEffects } from './submission-effects.service';
import { SubmissionFiles } from './submission-files';
import {
  answerDisplay,
  answerFields,
  answersText,
  localText,
  type StoredAnswers,
} from './submission-answers.util';
import { decodeSubmissionCursor, encodeSubmissionCursor } from './submission-cursor.util';
import { checkSubmission } from './submission-values.rules';
import { toSubmissionSummary, toSubmissionView } from './submission-views';
import { SubmissionsRepository, type SubmissionRecord } from './submissions.repository';

const INBOX: SubmissionState[] = ['new', 'read'];
const EXPORT_BATCH = 500;

/** A file of a submission, ready to stream to an agent. */
export interface SubmissionFileDownload {
  fileName: string;
  contentType: string;
  size: number;
  stream: Readable;
}

/**
 * Submissions (استلامات) for the team: the list with its filters, one submission labelled by its
 * version, its state (read, archived, spam — releasing spam runs what it held back), corrected
 * answers (audited), its files, and the CSV export.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly repo: SubmissionsRepository,
    private readonly effects: SubmissionEffects,
    private readonly members: MemberDirectory,
    private readonly contacts: ContactsService,
    private readonly region: WorkspaceRegion,
    private readonly storage: BlobStorage,
    private readonly files: SubmissionFiles,
    private readonly audit: AuditLog,
    private readonly tx: TransactionRunner,
  ) {}

  async list(
    principal: Principal,
    dto: ListSubmissionsDto,
  ): Promise<PageView<SubmissionSummaryView>> {
    const limit = dto.limit ?? 50;
    const rows = await this.repo.list(principal.workspaceId, {
      ...(await this.filter(principal, dto)),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const people = await this.people(principal.workspaceId, page);
    return {
      items: page.map((r) => toSubmissionSummary(r, people)),
      nextCursor:
        rows.length > limit && last
          ? encodeSubmissionCursor({ createdAt: last.createdAt, id: last.id })
          : null,
    };
  }

  async get(principal: Principal, id: string): Promise<SubmissionView> {
    const view = await this.view(principal.workspaceId, id);
    if (!view) throw new DomainError('submission/not_found');
    return view;
  }

  /** The view events and webhooks carry (null when the submission is gone). */
  async view(workspaceId: string, id: string): Promise<SubmissionView | null> {
    const record = await this.repo.find(workspaceId, id);
    if (!record) return null;
    const files = await this.repo.files(workspaceId, [id]);
    return toSubmissionView(record, files, await this.people(workspaceId, [record]));
  }

  private people(workspaceId: string, records: SubmissionRecord[]) {
    return this.contacts.summaries(
      workspaceId,
      records.flatMap((r) => (r.contactId ? [r.contactId] : [])),
    );
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateSubmissionDto,
  ): Promise<SubmissionView> {
    await this.tx.run(async () => {
      const record = await this.repo.find(principal.workspaceId, id, true);
      if (!record) throw new DomainError('submission/not_found');
      if (dto.values !== undefined) await this.correct(principal, record, dto.values);
      if (dto.state !== undefined && dto.state !== record.state)
        await this.move(principal, record, dto.state);
    });
    return this.get(principal, id);
  }

  async file(principal: Principal, id: string, fileId: string): Promise<SubmissionFileDownload> {
    const file = (await this.repo.files(principal.workspaceId, [id])).find((f) => f.id === fileId);
    const stream = file ? await this.storage.get(file.storageKey) : null;
    if (!file || !stream) throw new DomainError('submission/file_not_found');
    return { fileName: file.fileName, contentType: file.contentType, size: file.size, stream };
  }

  /**
   * One form's submissions as CSV: when, state, version, language, person, then a column per
   * field of every version (newest first), labelled in the member's language; cells neutralised.
   */
  async export(
    principal: Principal,
    dto: ListSubmissionsDto,
  ): Promise<{ fileName: string; rows: AsyncIterable<string[]> }> {
    if (!dto.formId)
      throw new DomainError('request/validation', {}, [{ field: 'formId', code: 'isNotEmpty' }]);
    const filter = await this.filter(principal, dto);
    const definitions = await this.repo.definitionsOf(principal.workspaceId, dto.formId);
    if (definitions.length === 0) throw new DomainError('form/not_found');
    const columns = exportColumns(definitions.map((d) => d.fields));
    const timeZone = (await this.members.workspaceLocale(principal.workspaceId))?.timeZone ?? 'UTC';
    const language = principal.language;
    const labels =
      language === 'ar'
        ? ['وقت الإرسال', 'الحالة', 'الإصدار', 'اللغة', 'الاسم', 'البريد الإلكتروني']
        : ['Submitted at', 'State', 'Version', 'Language', 'Name', 'Email'];
    const repo = this.repo;
    const people = (records: SubmissionRecord[]) => this.people(principal.workspaceId, records);
    async function* rows(): AsyncIterable<string[]> {
      yield [...labels, ...columns.map((c) => localText(c.label, language) || c.key)].map(
        neutralise,
      );
      let before = filter.before;
      for (;;) {
        const batch = await repo.list(principal.workspaceId, {
          ...filter,
          before,
          limit: EXPORT_BATCH,
        });
        const named = await people(batch);
        for (const s of batch) {
          const person = s.contactId ? named.get(s.contactId) : undefined;
          yield [
            localTimestamp(s.createdAt, timeZone),
            s.state,
            String(s.versionNumber),
            s.language,
            person?.name ?? '',
            person?.emails[0] ?? '',
            ...columns.map((c) => answerCell(c, s.answers, language)),
          ].map(neutralise);
        }
        if (batch.length < EXPORT_BATCH) return;
        const last = batch[batch.length - 1];
        before = { createdAt: last.createdAt, id: last.id };
      }
    }
    return { fileName: `submissions-${dto.formId.slice(0, 8)}.csv`, rows: rows() };
  }

  private async filter(principal: Principal, dto: ListSubmissionsDto) {
    const before = dto.cursor ? decodeSubmissionCursor(dto.cursor) : undefined;
    if (before === null) throw new DomainError('request/invalid_cursor');
    const timeZone =
      dto.from || dto.to
        ? ((await this.members.workspaceLocale(principal.workspaceId))?.timeZone ?? 'UTC')
        : 'UTC';
    const query = dto.q ? parseSearchQuery(dto.q) : null;
    const completion = query ? completionTsquery(query) : null;
    return {
      formId: dto.formId,
      states: dto.state ? [dto.state] : INBOX,
      from: dto.from ? dayStart(dto.from, timeZone) : undefined,
      to: dto.to ? dayStart(nextDay(dto.to), timeZone) : undefined,
      search:
        query && query.words.length > 0
          ? completion
            ? `(${stemTsquery(query)}) | (${completion})`
            : stemTsquery(query)
          : undefined,
      before,
    };
  }

  /** Corrected answers, checked like a customer's (the version's rules), audited by key. */
  private async correct(
    principal: Principal,
    record: SubmissionRecord,
    values: Record<string, unknown>,
  ): Promise<void> {
    const merged: Record<string, unknown> = { ...record.answers };
    for (const [key, value] of Object.entries(values))
      if (value === null) delete merged[key];
      else merged[key] = value;
    const files = await this.repo.files(record.workspaceId, [record.id]);
    const { fields } = record.definition;
    const checked = checkSubmission(
      fields.filter((f) => f.type !== 'file'),
      merged,
      [],
      await this.region.of(record.workspaceId),
    );
    if (checked.errors.length > 0)
      throw new DomainError(
        'request/validation',
        {},
        checked.errors.map((e) => ({ ...e, field: `values.${e.field}` })),
      );
    const changed = Object.keys(values).filter(
      (k) =>
        JSON.stringify(record.answers[k] ?? null) !== JSON.stringify(checked.values[k] ?? null),
    );
    if (changed.length === 0) return;
    await this.repo.update(record.workspaceId, record.id, {
      answers: checked.values,
      searchTerms: indexTerms(answersText(fields, checked.values, files, record.language)),
      editedBy: principal.userId,
    });
    await this.record(principal, 'form_submission.edited', record.id, { fields: changed });
  }

  /** A new state. Released from spam, the submission does what it was held back from. */
  private async move(
    principal: Principal,
    record: SubmissionRecord,
    state: SubmissionState,
  ): Promise<void> {
    await this.repo.update(record.workspaceId, record.id, {
      state,
      spamReason: state === 'spam' ? record.spamReason : null,
    });
    if (record.state === 'spam' && !record.contactId && !record.conversationId)
      await this.effects.accept({
        id: record.id,
        workspaceId: record.workspaceId,
        formId: record.formId,
        formName: record.formName,
        versionNumber: record.versionNumber,
        definition: record.definition,
        language: record.language,
        answers: record.answers,
        files: await this.files.bytes(record),
      });
    // Opening a new submission marks it read: that is not worth an audit entry.
    if (!(record.state === 'new' && state === 'read'))
      await this.record(principal, 'form_submission.state_changed', record.id, {
        from: record.state,
        to: state,
      });
  }

  private record(principal: Principal, action: string, id: string, data: Record<string, unknown>) {
    return this.audit.record({
      workspaceId: principal.workspaceId,
      actorUserId: principal.userId,
      action,
      targetType: 'form_submission',
      targetId: id,
      data,
    });
  }
}

/** Every answer field of every version once, by key, the newest version's label and order first. */
function exportColumns(versions: FormField[][]): FormField[] {
  const seen = new Map<string, FormField>();
  for (const fields of versions)
    for (const field of answerFields(fields))
      if (field.type !== 'file' && !seen.has(field.key)) seen.set(field.key, field);
  return [...seen.values()];
}

function answerCell(field: FormField, answers: StoredAnswers, language: 'ar' | 'en'): string {
  const value = answers[field.key];
  if (value === undefined) return '';
  const display = answerDisplay(field, value);
  return display ? display[language] : cellText(value);
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
