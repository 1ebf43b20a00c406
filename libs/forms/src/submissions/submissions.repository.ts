import { Injectable } from '@nestjs/common';
import type { FormDefinition, Language, SpamReason, SubmissionState } from '@sanad/contracts';
import { Db } from '@sanad/database';
import type { StoredAnswers } from './submission-answers.util';

export interface SubmissionRecord {
  id: string;
  workspaceId: string;
  formId: string;
  formName: string;
  versionId: string;
  versionNumber: number;
  /** The version's definition: what the answers are labelled by. */
  definition: FormDefinition;
  state: SubmissionState;
  spamReason: SpamReason | null;
  language: Language;
  answers: StoredAnswers;
  contactId: string | null;
  conversationId: string | null;
  pageUrl: string | null;
  referrer: string | null;
  userAgent: string | null;
  editedAt: Date | null;
  editedBy: string | null;
  createdAt: Date;
}

export interface NewSubmission {
  id: string;
  workspaceId: string;
  formId: string;
  versionId: string;
  versionNumber: number;
  state: SubmissionState;
  spamReason: SpamReason | null;
  language: Language;
  answers: StoredAnswers;
  pageUrl: string | null;
  referrer: string | null;
  userAgent: string | null;
  ipHash: string | null;
  searchTerms: string[];
}

export interface SubmissionFileRecord {
  id: string;
  submissionId: string;
  fieldKey: string;
  fileName: string;
  contentType: string;
  size: number;
  storageKey: string;
}

export interface SubmissionFilter {
  formId?: string;
  states: SubmissionState[];
  from?: Date;
  to?: Date;
  /** A tsquery over the answers' index terms. */
  search?: string;
  /** Keyset: rows strictly before this (created_at, id). */
  before?: { createdAt: Date; id: string };
  limit: number;
}

interface SubmissionRow {
  id: string;
  workspace_id: string;
  form_id: string;
  form_name: string;
  version_id: string;
  version_number: number;
  definition: FormDefinition;
  state: SubmissionState;
  spam_reason: SpamReason | null;
  language: Language;
  answers: StoredAnswers;
  contact_id: string | null;
  conversation_id: string | null;
  page_url: string | null;
  referrer: string | null;
  user_agent: string | null;
  edited_at: Date | null;
  edited_by: string | null;
  created_at: Date;
}

const SELECT = `
  SELECT s.*, f.name AS form_name, v.definition
  FROM form_submissions s
  JOIN forms f ON f.id = s.form_id
  JOIN form_versions v ON v.id = s.version_id`;

/** Submissions, their files, and the counts forms show. */
@Injectable()
export class SubmissionsRepository {
  constructor(private readonly db: Db) {}

  async insert(row: NewSubmission): Promise<void> {
    await this.db.query(
      `INSERT INTO form_submissions (id, workspace_id, form_id, version_id, version_number, state,
         spam_reason, language, answers, page_url, referrer, user_agent, ip_hash, search_vector)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, array_to_tsvector($14::text[]))`,
      [
        row.id,
        row.workspaceId,
        row.formId,
        row.versionId,
        row.versionNumber,
        row.state,
        row.spamReason,
        row.language,
        JSON.stringify(row.answers),
        row.pageUrl,
        row.referrer,
        row.userAgent,
        row.ipHash,
        row.searchTerms,
      ],
    );
  }

  async insertFiles(workspaceId: string, files: SubmissionFileRecord[]): Promise<void> {
    for (const f of files)
      await this.db.query(
        `INSERT INTO form_submission_files (id, workspace_id, submission_id, field_key, file_name,
           content_type, size, storage_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          f.id,
          workspaceId,
          f.submissionId,
          f.fieldKey,
          f.fileName,
          f.contentType,
          f.size,
          f.storageKey,
        ],
      );
  }

  /** Accepted submissions of a form (spam left out): what its submission limit counts. */
  async countAccepted(formId: string): Promise<number> {
    const [row] = await this.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM form_submissions WHERE form_id = $1 AND state <> 'spam'`,
      [formId],
    );
    return row.n;
  }

  async hasAny(workspaceId: string, formId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      'SELECT 1 FROM form_submissions WHERE workspace_id = $1 AND form_id = $2 LIMIT 1',
      [workspaceId, formId],
    );
    return rows.length > 0;
  }

  /** Per form: all submissions but spam, and the unread ones. */
  async counts(workspaceId: string): Promise<Map<string, { total: number; unread: number }>> {
    const rows = await this.db.query<Array<{ form_id: string; total: number; unread: number }>>(
      `SELECT form_id, count(*) FILTER (WHERE state <> 'spam')::int AS total,
              count(*) FILTER (WHERE state = 'new')::int AS unread
       FROM form_submissions WHERE workspace_id = $1 GROUP BY form_id`,
      [workspaceId],
    );
    return new Map(rows.map((r) => [r.form_id, { total: r.total, unread: r.unread }]));
  }

  async find(workspaceId: string, id: string, lock = false): Promise<SubmissionRecord | null> {
    if (lock)
      await this.db.query(
        'SELECT 1 FROM form_submissions WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
        [workspaceId, id],
      );
    const [row] = await this.db.query<SubmissionRow[]>(
      `${SELECT} WHERE s.workspace_id = $1 AND s.id = $2`,
      [workspaceId, id],
    );
    return row ? toRecord(row) : null;
  }

  async list(workspaceId: string, filter: SubmissionFilter): Promise<SubmissionRecord[]> {
    const params: unknown[] = [workspaceId, filter.states];
    const where = ['s.workspace_id = $1', 's.state = ANY($2::text[])'];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (filter.formId) add((n) => `s.form_id = $${n}`, filter.formId);
    if (filter.from) add((n) => `s.created_at >= $${n}`, filter.from);
    if (filter.to) add((n) => `s.created_at < $${n}`, filter.to);
    if (filter.search) add((n) => `s.search_vector @@ $${n}::tsquery`, filter.search);
    if (filter.before) {
      params.push(filter.before.createdAt, filter.before.id);
      where.push(
        `(s.created_at, s.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(filter.limit);
    const rows = await this.db.query<SubmissionRow[]>(
      `${SELECT} WHERE ${where.join(' AND ')}
       ORDER BY s.created_at DESC, s.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRecord);
  }

  async files(workspaceId: string, submissionIds: string[]): Promise<SubmissionFileRecord[]> {
    if (submissionIds.length === 0) return [];
    const rows = await this.db.query<
      Array<{
        id: string;
        submission_id: string;
        field_key: string;
        file_name: string;
        content_type: string;
        size: number;
        storage_key: string;
      }>
    >(
      `SELECT * FROM form_submission_files WHERE workspace_id = $1 AND submission_id = ANY($2::uuid[])
       ORDER BY created_at, id`,
      [workspaceId, submissionIds],
    );
    return rows.map((r) => ({
      id: r.id,
      submissionId: r.submission_id,
      fieldKey: r.field_key,
      fileName: r.file_name,
      contentType: r.content_type,
      size: r.size,
      storageKey: r.storage_key,
    }));
  }

  async update(
    workspaceId: string,
    id: string,
    fields: {
      state?: SubmissionState;
      spamReason?: SpamReason | null;
      answers?: StoredAnswers;
      searchTerms?: string[];
      contactId?: string | null;
      conversationId?: string | null;
      editedBy?: string;
    },
  ): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [workspaceId, id];
    const set = (column: string, value: unknown, cast = '') => {
      params.push(value);
      sets.push(`${column} = $${params.length}${cast}`);
    };
    if (fields.state !== undefined) set('state', fields.state);
    if (fields.spamReason !== undefined) set('spam_reason', fields.spamReason);
    if (fields.answers !== undefined) set('answers', JSON.stringify(fields.answers), '::jsonb');
    if (fields.searchTerms !== undefined)
      sets.push(`search_vector = array_to_tsvector($${params.push(fields.searchTerms)}::text[])`);
    if (fields.contactId !== undefined) set('contact_id', fields.contactId);
    if (fields.conversationId !== undefined) set('conversation_id', fields.conversationId);
    if (fields.editedBy !== undefined) {
      set('edited_by', fields.editedBy);
      sets.push('edited_at = now()');
    }
    if (sets.length === 0) return;
    await this.db.query(
      `UPDATE form_submissions SET ${sets.join(', ')} WHERE workspace_id = $1 AND id = $2`,
      params,
    );
  }

  /** The definitions of a form's versions that have submissions, newest first. */
  async definitionsOf(workspaceId: string, formId: string): Promise<FormDefinition[]> {
    const rows = await this.db.query<Array<{ definition: FormDefinition }>>(
      `SELECT v.definition FROM form_versions v
       WHERE v.workspace_id = $1 AND v.form_id = $2 ORDER BY v.number DESC`,
      [workspaceId, formId],
    );
    return rows.map((r) => r.definition);
  }

  async countOfContact(workspaceId: string, contactId: string): Promise<number> {
    const [row] = await this.db.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM form_submissions WHERE workspace_id = $1 AND contact_id = $2',
      [workspaceId, contactId],
    );
    return row.n;
  }

  /** A merged person's submissions go to the survivor. */
  async moveContact(workspaceId: string, fromId: string, toId: string): Promise<void> {
    await this.db.query(
      'UPDATE form_submissions SET contact_id = $3 WHERE workspace_id = $1 AND contact_id = $2',
      [workspaceId, fromId, toId],
    );
  }

  /** A person's submissions (their personal data): by contact. */
  async ofContact(workspaceId: string, contactId: string): Promise<SubmissionRecord[]> {
    const rows = await this.db.query<SubmissionRow[]>(
      `${SELECT} WHERE s.workspace_id = $1 AND s.contact_id = $2 ORDER BY s.created_at, s.id`,
      [workspaceId, contactId],
    );
    return rows.map(toRecord);
  }

  /** Removes submissions (their files' rows with them); returns the storage keys they held. */
  async delete(workspaceId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<Array<{ storage_key: string }>>(
      `SELECT storage_key FROM form_submission_files WHERE workspace_id = $1 AND submission_id = ANY($2::uuid[])`,
      [workspaceId, ids],
    );
    await this.db.query(
      'DELETE FROM form_submissions WHERE workspace_id = $1 AND id = ANY($2::uuid[])',
      [workspaceId, ids],
    );
    return rows.map((r) => r.storage_key);
  }
}

function toRecord(r: SubmissionRow): SubmissionRecord {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    formId: r.form_id,
    formName: r.form_name,
    versionId: r.version_id,
    versionNumber: r.version_number,
    definition: r.definition,
    state: r.state,
    spamReason: r.spam_reason,
    language: r.language,
    answers: r.answers,
    contactId: r.contact_id,
    conversationId: r.conversation_id,
    pageUrl: r.page_url,
    referrer: r.referrer,
    userAgent: r.user_agent,
    editedAt: r.edited_at,
    editedBy: r.edited_by,
    createdAt: r.created_at,
  };
}
