import { Injectable } from '@nestjs/common';
import type { FormDefinition, FormState } from '@sanad/contracts';
import { Db } from '@sanad/database';

export interface VersionRecord {
  id: string;
  formId: string;
  number: number;
  definition: FormDefinition;
  note: string | null;
  publishedBy: string | null;
  publishedAt: Date;
}

export interface FormRecord {
  id: string;
  workspaceId: string;
  name: string;
  key: string;
  state: FormState;
  draft: FormDefinition;
  liveVersionId: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The live version's summary (no definition), when there is one. */
  live: Omit<VersionRecord, 'definition' | 'formId'> | null;
  /** The draft is not what is live (or nothing is live): jsonb compares by content. */
  changed: boolean;
}

/** What the public side needs: the form and what is live. */
export interface LiveForm {
  id: string;
  workspaceId: string;
  name: string;
  key: string;
  state: FormState;
  version: { id: string; number: number; definition: FormDefinition };
}

interface FormRow {
  id: string;
  workspace_id: string;
  name: string;
  key: string;
  state: FormState;
  draft: FormDefinition;
  live_version_id: string | null;
  created_at: Date;
  updated_at: Date;
  v_number: number | null;
  v_note: string | null;
  v_published_by: string | null;
  v_published_at: Date | null;
  changed: boolean;
}

const SELECT_FORM = `
  SELECT f.*, v.number AS v_number, v.note AS v_note, v.published_by AS v_published_by,
         v.published_at AS v_published_at, (v.definition IS NULL OR f.draft <> v.definition) AS changed
  FROM forms f LEFT JOIN form_versions v ON v.id = f.live_version_id`;

/** Forms, their drafts and their published versions. */
@Injectable()
export class FormsRepository {
  constructor(private readonly db: Db) {}

  async list(workspaceId: string): Promise<FormRecord[]> {
    const rows = await this.db.query<FormRow[]>(
      `${SELECT_FORM} WHERE f.workspace_id = $1 ORDER BY f.created_at DESC, f.id`,
      [workspaceId],
    );
    return rows.map(toForm);
  }

  async count(workspaceId: string): Promise<number> {
    const [row] = await this.db.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM forms WHERE workspace_id = $1',
      [workspaceId],
    );
    return row.n;
  }

  /** Whether any form of the workspace has a published version (the first-run guide's step). */
  async anyPublished(workspaceId: string): Promise<boolean> {
    const [row] = await this.db.query<Array<{ published: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM forms WHERE workspace_id = $1 AND live_version_id IS NOT NULL)
         AS published`,
      [workspaceId],
    );
    return row.published;
  }

  /** A form of this workspace (locked until the transaction ends when `lock`). */
  async find(workspaceId: string, id: string, lock = false): Promise<FormRecord | null> {
    if (lock)
      await this.db.query('SELECT 1 FROM forms WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [
        workspaceId,
        id,
      ]);
    const rows = await this.db.query<FormRow[]>(
      `${SELECT_FORM} WHERE f.workspace_id = $1 AND f.id = $2`,
      [workspaceId, id],
    );
    return rows[0] ? toForm(rows[0]) : null;
  }

  /** A published form by its public key, with its live version (any workspace: keys are global). */
  async liveByKey(key: string): Promise<LiveForm | null> {
    const [row] = await this.db.query<
      Array<{
        id: string;
        workspace_id: string;
        name: string;
        key: string;
        state: FormState;
        version_id: string;
        number: number;
        definition: FormDefinition;
      }>
    >(
      `SELECT f.id, f.workspace_id, f.name, f.key, f.state, v.id AS version_id, v.number, v.definition
       FROM forms f JOIN form_versions v ON v.id = f.live_version_id WHERE f.key = $1`,
      [key],
    );
    if (!row) return null;
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      name: row.name,
      key: row.key,
      state: row.state,
      version: { id: row.version_id, number: row.number, definition: row.definition },
    };
  }

  /** Holds the form's row until the transaction ends (a submission limit counts under it). */
  async lock(workspaceId: string, id: string): Promise<void> {
    await this.db.query('SELECT 1 FROM forms WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [
      workspaceId,
      id,
    ]);
  }

  async insert(form: {
    id: string;
    workspaceId: string;
    name: string;
    key: string;
    draft: FormDefinition;
    createdBy: string;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO forms (id, workspace_id, name, key, draft, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [form.id, form.workspaceId, form.name, form.key, JSON.stringify(form.draft), form.createdBy],
    );
  }

  async update(
    workspaceId: string,
    id: string,
    changes: { name?: string; draft?: FormDefinition; state?: FormState },
  ): Promise<void> {
    await this.db.query(
      `UPDATE forms SET name = COALESCE($3, name), draft = COALESCE($4::jsonb, draft),
         state = COALESCE($5, state), updated_at = now()
       WHERE workspace_id = $1 AND id = $2`,
      [
        workspaceId,
        id,
        changes.name ?? null,
        changes.draft ? JSON.stringify(changes.draft) : null,
        changes.state ?? null,
      ],
    );
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const rows = await this.db.returning<{ id: string }>(
      'DELETE FROM forms WHERE workspace_id = $1 AND id = $2 RETURNING id',
      [workspaceId, id],
    );
    return rows.length > 0;
  }

  /** The next version of the form, made live; the caller holds the form's lock. */
  async publish(
    workspaceId: string,
    formId: string,
    version: { id: string; definition: FormDefinition; note: string | null; publishedBy: string },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO form_versions (id, workspace_id, form_id, number, definition, note, published_by)
       SELECT $1, $2, $3, COALESCE(max(number), 0) + 1, $4, $5, $6
       FROM form_versions WHERE form_id = $3`,
      [
        version.id,
        workspaceId,
        formId,
        JSON.stringify(version.definition),
        version.note,
        version.publishedBy,
      ],
    );
    await this.db.query(
      'UPDATE forms SET live_version_id = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2',
      [workspaceId, formId, version.id],
    );
  }

  async versions(workspaceId: string, formId: string): Promise<VersionRecord[]> {
    const rows = await this.db.query<VersionRow[]>(
      `SELECT id, form_id, number, NULL::jsonb AS definition, note, published_by, published_at
       FROM form_versions WHERE workspace_id = $1 AND form_id = $2 ORDER BY number DESC`,
      [workspaceId, formId],
    );
    return rows.map(toVersion);
  }

  async version(
    workspaceId: string,
    formId: string,
    number: number,
  ): Promise<VersionRecord | null> {
    const rows = await this.db.query<VersionRow[]>(
      `SELECT id, form_id, number, definition, note, published_by, published_at
       FROM form_versions WHERE workspace_id = $1 AND form_id = $2 AND number = $3`,
      [workspaceId, formId, number],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }
}

interface VersionRow {
  id: string;
  form_id: string;
  number: number;
  definition: FormDefinition;
  note: string | null;
  published_by: string | null;
  published_at: Date;
}

function toVersion(row: VersionRow): VersionRecord {
  return {
    id: row.id,
    formId: row.form_id,
    number: row.number,
    definition: row.definition,
    note: row.note,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
  };
}

function toForm(row: FormRow): FormRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    key: row.key,
    state: row.state,
    draft: row.draft,
    liveVersionId: row.live_version_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    live:
      row.live_version_id && row.v_number !== null && row.v_published_at
        ? {
            id: row.live_version_id,
            number: row.v_number,
            note: row.v_note,
            publishedBy: row.v_published_by,
            publishedAt: row.v_published_at,
          }
        : null,
    changed: row.changed,
  };
}
