import { Injectable } from '@nestjs/common';
import type {
  ImportCounts,
  ImportDelimiter,
  ImportEncoding,
  ImportMatchKey,
  ImportOnMatch,
  ImportStatus,
  ImportTarget,
} from '@sanad/contracts';
import { Db } from '@sanad/database';

export const EMPTY_COUNTS: ImportCounts = {
  rows: 0,
  created: 0,
  updated: 0,
  skipped: 0,
  rejected: 0,
};

/** Statuses a job works on; the sweep restarts them when their runner's lease runs out. */
export const ACTIVE_STATUSES: readonly ImportStatus[] = [
  'checking',
  'queued',
  'running',
  'cancelling',
];

export interface ImportRecord {
  id: string;
  workspaceId: string;
  createdByUserId: string | null;
  fileName: string;
  blobKey: string | null;
  sizeBytes: number;
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  headers: string[];
  samples: string[][];
  targets: Array<ImportTarget | null>;
  matchBy: ImportMatchKey[];
  onMatch: ImportOnMatch;
  status: ImportStatus;
  rowsDone: number;
  checkCounts: ImportCounts | null;
  counts: ImportCounts;
  error: { code: string; params: Record<string, string | number>; row: number | null } | null;
  runnerToken: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export type ImportPhase = 'check' | 'import';

export interface StoredReject {
  row: number;
  code: string;
  column: number | null;
  params: Record<string, string | number>;
  cells: string[];
}

export interface ImportChange {
  subject: 'person' | 'company';
  subjectId: string;
  row: number;
  action: 'created' | 'updated';
  before: Record<string, unknown> | null;
}

const COLUMNS: Record<keyof ImportRecord, string> = {
  id: 'id',
  workspaceId: 'workspace_id',
  createdByUserId: 'created_by_user_id',
  fileName: 'file_name',
  blobKey: 'blob_key',
  sizeBytes: 'size_bytes',
  encoding: 'encoding',
  delimiter: 'delimiter',
  headers: 'headers',
  samples: 'samples',
  targets: 'targets',
  matchBy: 'match_by',
  onMatch: 'on_match',
  status: 'status',
  rowsDone: 'rows_done',
  checkCounts: 'check_counts',
  counts: 'counts',
  error: 'error',
  runnerToken: 'runner_token',
  createdAt: 'created_at',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
};
const JSON_COLUMNS = new Set(['headers', 'samples', 'targets', 'check_counts', 'counts', 'error']);

/** Imports, their rejected rows and what they changed; always within one workspace. */
@Injectable()
export class ContactImportsRepository {
  constructor(private readonly db: Db) {}

  async insert(
    record: Omit<ImportRecord, 'createdAt' | 'startedAt' | 'finishedAt' | 'runnerToken'>,
  ): Promise<void> {
    const entries = Object.entries(record) as Array<[keyof ImportRecord, unknown]>;
    await this.db.query(
      `INSERT INTO contact_imports (${entries.map(([k]) => COLUMNS[k]).join(', ')})
       VALUES (${entries.map((_, i) => `$${i + 1}`).join(', ')})`,
      entries.map(([k, v]) => (JSON_COLUMNS.has(COLUMNS[k]) ? JSON.stringify(v) : v)),
    );
  }

  async find(workspaceId: string, id: string): Promise<ImportRecord | null> {
    const rows = await this.db.query<Array<Record<string, unknown>>>(
      'SELECT * FROM contact_imports WHERE workspace_id = $1 AND id = $2',
      [workspaceId, id],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async list(workspaceId: string, limit: number): Promise<ImportRecord[]> {
    const rows = await this.db.query<Array<Record<string, unknown>>>(
      'SELECT * FROM contact_imports WHERE workspace_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2',
      [workspaceId, limit],
    );
    return rows.map(fromRow);
  }

  /** The import locked for a change until the transaction ends. */
  async lock(workspaceId: string, id: string): Promise<ImportRecord | null> {
    const rows = await this.db.query<Array<Record<string, unknown>>>(
      'SELECT * FROM contact_imports WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
      [workspaceId, id],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async update(
    id: string,
    patch: Partial<ImportRecord> & { leaseUntil?: Date | null },
  ): Promise<void> {
    const params: unknown[] = [id];
    const sets = Object.entries(patch).map(([key, value]) => {
      const column = key === 'leaseUntil' ? 'lease_until' : COLUMNS[key as keyof ImportRecord];
      params.push(JSON_COLUMNS.has(column) && value !== null ? JSON.stringify(value) : value);
      return `${column} = $${params.length}`;
    });
    await this.db.query(
      `UPDATE contact_imports SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`,
      params,
    );
  }

  /**
   * Takes the import for one runner: nobody else holds a live lease on it and it is in a status
   * a job works on. Null when another runner has it (or nothing is left to do).
   */
  async claim(id: string, token: string, leaseSeconds: number): Promise<ImportRecord | null> {
    const rows = await this.db.returning<Record<string, unknown>>(
      `UPDATE contact_imports SET runner_token = $2, lease_until = now() + make_interval(secs => $3),
         updated_at = now()
       WHERE id = $1 AND status = ANY($4::text[])
         AND (lease_until IS NULL OR lease_until < now() OR runner_token = $2)
       RETURNING *`,
      [id, token, leaseSeconds, ACTIVE_STATUSES],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** Active imports nobody is running (their runner died or their job was lost). */
  async orphans(limit: number): Promise<Array<{ id: string; status: ImportStatus }>> {
    return this.db.query(
      `SELECT id, status FROM contact_imports
       WHERE status = ANY($1::text[]) AND (lease_until IS NULL OR lease_until < now())
       ORDER BY updated_at LIMIT $2`,
      [ACTIVE_STATUSES, limit],
    );
  }

  async addRejects(importId: string, phase: ImportPhase, rejects: StoredReject[]): Promise<void> {
    if (rejects.length === 0) return;
    await this.db.query(
      `INSERT INTO contact_import_rejects (import_id, phase, row_number, code, column_index, params, cells)
       SELECT $1, $2, r.row_number, r.code, r.column_index, r.params, r.cells
       FROM jsonb_to_recordset($3::jsonb) AS r(row_number int, code text, column_index int, params jsonb, cells jsonb)
       ON CONFLICT DO NOTHING`,
      [
        importId,
        phase,
        JSON.stringify(
          rejects.map((r) => ({
            row_number: r.row,
            code: r.code,
            column_index: r.column,
            params: r.params,
            cells: r.cells,
          })),
        ),
      ],
    );
  }

  async clearRejects(importId: string, phase: ImportPhase): Promise<void> {
    await this.db.query('DELETE FROM contact_import_rejects WHERE import_id = $1 AND phase = $2', [
      importId,
      phase,
    ]);
  }

  /** Rejected rows after a row number, in file order. */
  async rejects(
    importId: string,
    phase: ImportPhase,
    afterRow: number,
    limit: number,
  ): Promise<StoredReject[]> {
    const rows = await this.db.query<
      Array<{
        row_number: number;
        code: string;
        column_index: number | null;
        params: Record<string, string | number>;
        cells: string[];
      }>
    >(
      `SELECT row_number, code, column_index, params, cells FROM contact_import_rejects
       WHERE import_id = $1 AND phase = $2 AND row_number > $3 ORDER BY row_number LIMIT $4`,
      [importId, phase, afterRow, limit],
    );
    return rows.map((r) => ({
      row: r.row_number,
      code: r.code,
      column: r.column_index,
      params: r.params,
      cells: r.cells,
    }));
  }

  async addChanges(importId: string, changes: ImportChange[]): Promise<void> {
    if (changes.length === 0) return;
    await this.db.query(
      `INSERT INTO contact_import_changes (import_id, subject, subject_id, row_number, action, before)
       SELECT $1, c.subject, c.subject_id, c.row_number, c.action, c.before
       FROM jsonb_to_recordset($2::jsonb) AS c(subject text, subject_id uuid, row_number int, action text, before jsonb)
       ON CONFLICT DO NOTHING`,
      [
        importId,
        JSON.stringify(
          changes.map((c) => ({
            subject: c.subject,
            subject_id: c.subjectId,
            row_number: c.row,
            action: c.action,
            before: c.before,
          })),
        ),
      ],
    );
  }

  /** The rows that took these identities earlier in this phase of the import. */
  async earlierKeys(
    importId: string,
    phase: ImportPhase,
    keys: string[],
  ): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows = await this.db.query<Array<{ key: string; row_number: number }>>(
      `SELECT key, row_number FROM contact_import_keys
       WHERE import_id = $1 AND phase = $2 AND key = ANY($3::text[])`,
      [importId, phase, keys],
    );
    return new Map(rows.map((r) => [r.key, r.row_number]));
  }

  async addKeys(
    importId: string,
    phase: ImportPhase,
    keys: Array<[string, number]>,
  ): Promise<void> {
    if (keys.length === 0) return;
    await this.db.query(
      `INSERT INTO contact_import_keys (import_id, phase, key, row_number)
       SELECT $1, $2, k.key, k.row_number FROM unnest($3::text[], $4::int[]) AS k(key, row_number)
       ON CONFLICT DO NOTHING`,
      [importId, phase, keys.map(([k]) => k), keys.map(([, r]) => r)],
    );
  }

  async clearKeys(importId: string, phase?: ImportPhase): Promise<void> {
    await this.db.query(
      'DELETE FROM contact_import_keys WHERE import_id = $1 AND ($2::text IS NULL OR phase = $2)',
      [importId, phase ?? null],
    );
  }

  /** A batch of what the import changed, for undoing it (newest rows first). */
  async changes(importId: string, limit: number): Promise<ImportChange[]> {
    const rows = await this.db.query<
      Array<{
        subject: 'person' | 'company';
        subject_id: string;
        row_number: number;
        action: 'created' | 'updated';
        before: Record<string, unknown> | null;
      }>
    >(
      `SELECT subject, subject_id, row_number, action, before FROM contact_import_changes
       WHERE import_id = $1 ORDER BY row_number DESC, subject DESC LIMIT $2`,
      [importId, limit],
    );
    return rows.map((r) => ({
      subject: r.subject,
      subjectId: r.subject_id,
      row: r.row_number,
      action: r.action,
      before: r.before,
    }));
  }

  async dropChanges(
    importId: string,
    subjects?: Array<{ subject: string; subjectId: string }>,
  ): Promise<void> {
    if (!subjects) {
      await this.db.query('DELETE FROM contact_import_changes WHERE import_id = $1', [importId]);
      return;
    }
    await this.db.query(
      `DELETE FROM contact_import_changes WHERE import_id = $1
       AND (subject, subject_id) IN (SELECT * FROM unnest($2::text[], $3::uuid[]))`,
      [importId, subjects.map((s) => s.subject), subjects.map((s) => s.subjectId)],
    );
  }
}

function fromRow(row: Record<string, unknown>): ImportRecord {
  return {
    id: row.id as string,
    workspaceId: row.workspace_id as string,
    createdByUserId: row.created_by_user_id as string | null,
    fileName: row.file_name as string,
    blobKey: row.blob_key as string | null,
    sizeBytes: Number(row.size_bytes),
    encoding: row.encoding as ImportEncoding,
    delimiter: row.delimiter as ImportDelimiter,
    headers: row.headers as string[],
    samples: row.samples as string[][],
    targets: row.targets as Array<ImportTarget | null>,
    matchBy: row.match_by as ImportMatchKey[],
    onMatch: row.on_match as ImportOnMatch,
    status: row.status as ImportStatus,
    rowsDone: row.rows_done as number,
    checkCounts: row.check_counts as ImportCounts | null,
    counts: row.counts as ImportCounts,
    error: row.error as ImportRecord['error'],
    runnerToken: row.runner_token as string | null,
    createdAt: row.created_at as Date,
    startedAt: row.started_at as Date | null,
    finishedAt: row.finished_at as Date | null,
  };
}
