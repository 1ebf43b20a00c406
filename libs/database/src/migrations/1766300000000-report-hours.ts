import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The report filters an hour's counts are kept by (tags are not: a tag filter reads the facts). */
const KEY = 'workspace_id, hour, mailbox_id, team_id, assignee_id, channel, category_id';

/**
 * Hourly report counts: conversations started, closes, the reopens that ended a close, and
 * reopens, per UTC hour and report filters, so a year is ~9,000 rows instead of a million facts.
 * Statement triggers on the facts append signed changes (+1 for a fact that appears, −1 for one
 * that goes), so every path that changes facts — the consumer, the backfill, a merge or a
 * deleted contact cascading — keeps them exact in the same transaction, and no two writers ever
 * wait on the same row. Readers add the rows up; a housekeeping pass folds an hour's rows into
 * one (`compacted`). Each close and reopen also records the previous one of its conversation
 * (`prev_at`), so "conversations closed in a period" is the closes in it less the repeats.
 */
export class ReportHours1766300000000 implements MigrationInterface {
  name = 'ReportHours1766300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE report_hours (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        hour timestamptz NOT NULL,
        mailbox_id uuid,
        team_id uuid,
        assignee_id uuid,
        channel text,
        category_id uuid,
        started integer NOT NULL DEFAULT 0,
        closes integer NOT NULL DEFAULT 0,
        close_ends integer NOT NULL DEFAULT 0,
        reopens integer NOT NULL DEFAULT 0,
        compacted boolean NOT NULL DEFAULT false
      )`);
    await db.query(`
      CREATE INDEX report_hours_at ON report_hours (workspace_id, hour)
        INCLUDE (mailbox_id, team_id, assignee_id, channel, category_id,
                 started, closes, close_ends, reopens)`);
    await db.query(`
      CREATE INDEX report_hours_loose ON report_hours (workspace_id, hour) WHERE NOT compacted`);

    await db.query(`ALTER TABLE report_status_changes ADD COLUMN prev_at timestamptz`);
    await db.query(`
      UPDATE report_status_changes s SET prev_at = p.prev_at
        FROM (SELECT entry_id, lag(at) OVER (PARTITION BY conversation_id, kind
                                             ORDER BY at, entry_id) AS prev_at
                FROM report_status_changes) p
       WHERE p.entry_id = s.entry_id AND p.prev_at IS NOT NULL`);
    await db.query(`
      CREATE INDEX report_status_changes_repeats ON report_status_changes
        (workspace_id, kind, prev_at) INCLUDE (at)
        WHERE prev_at IS NOT NULL AND NOT excluded`);

    // The rows a statement changed, signed: its transition tables (named per trigger below).
    await db.query(`
      CREATE FUNCTION report_hours_changed(op text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE op
          WHEN 'INSERT' THEN 'SELECT *, 1 AS n FROM changed_new'
          WHEN 'DELETE' THEN 'SELECT *, -1 AS n FROM changed_old'
          ELSE 'SELECT *, 1 AS n FROM changed_new UNION ALL SELECT *, -1 AS n FROM changed_old'
        END $$`);
    await db.query(`
      CREATE FUNCTION report_hours_conversations() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        EXECUTE format($q$
          INSERT INTO report_hours (${KEY}, started)
          SELECT workspace_id, date_trunc('hour', started_at, 'UTC'), mailbox_id, team_id,
                 assignee_id, channel, category_id, sum(n)
            FROM (%s) c WHERE NOT excluded
           GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(n) <> 0 $q$, report_hours_changed(TG_OP));
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION report_hours_status_changes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- One CTE names the changed rows for both halves (closes by when, ends by until).
        EXECUTE format($q$
          WITH changed AS (%s)
          INSERT INTO report_hours (${KEY}, closes, close_ends, reopens)
          SELECT workspace_id, h, mailbox_id, team_id, assignee_id, channel, category_id,
                 sum(closes), sum(close_ends), sum(reopens)
            FROM (SELECT workspace_id, date_trunc('hour', at, 'UTC') AS h, mailbox_id, team_id,
                         assignee_id, channel, category_id,
                         CASE WHEN kind = 'closed' THEN n ELSE 0 END AS closes, 0 AS close_ends,
                         CASE WHEN kind = 'reopened' THEN n ELSE 0 END AS reopens
                    FROM changed WHERE NOT excluded
                  UNION ALL
                  SELECT workspace_id, date_trunc('hour', until, 'UTC'), mailbox_id, team_id,
                         assignee_id, channel, category_id, 0, n, 0
                    FROM changed WHERE NOT excluded AND kind = 'closed' AND until IS NOT NULL) x
           GROUP BY 1, 2, 3, 4, 5, 6, 7
          HAVING sum(closes) <> 0 OR sum(close_ends) <> 0 OR sum(reopens) <> 0 $q$,
          report_hours_changed(TG_OP));
        RETURN NULL;
      END $$`);
    for (const [table, fn] of [
      ['report_conversations', 'report_hours_conversations'],
      ['report_status_changes', 'report_hours_status_changes'],
    ]) {
      // One trigger per event: a trigger with transition tables takes a single event.
      await db.query(`
        CREATE TRIGGER ${table}_hours_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await db.query(`
        CREATE TRIGGER ${table}_hours_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
        FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await db.query(`
        CREATE TRIGGER ${table}_hours_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }

    // The hours of the facts already derived, one row per hour and filters.
    await db.query(`
      INSERT INTO report_hours (${KEY}, started, closes, close_ends, reopens, compacted)
      SELECT workspace_id, h, mailbox_id, team_id, assignee_id, channel, category_id,
             sum(started), sum(closes), sum(close_ends), sum(reopens), true
        FROM (SELECT workspace_id, date_trunc('hour', started_at, 'UTC') AS h, mailbox_id,
                     team_id, assignee_id, channel, category_id, 1 AS started, 0 AS closes,
                     0 AS close_ends, 0 AS reopens
                FROM report_conversations WHERE NOT excluded
              UNION ALL
              SELECT workspace_id, date_trunc('hour', at, 'UTC'), mailbox_id, team_id,
                     assignee_id, channel, category_id, 0, (kind = 'closed')::int, 0,
                     (kind = 'reopened')::int
                FROM report_status_changes WHERE NOT excluded
              UNION ALL
              SELECT workspace_id, date_trunc('hour', until, 'UTC'), mailbox_id, team_id,
                     assignee_id, channel, category_id, 0, 0, 1, 0
                FROM report_status_changes
               WHERE NOT excluded AND kind = 'closed' AND until IS NOT NULL) x
       GROUP BY 1, 2, 3, 4, 5, 6, 7`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE report_hours');
  }
}
