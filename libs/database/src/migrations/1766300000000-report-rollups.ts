import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The report filters the rollups are kept by (not tags: a tag filter reads the facts). */
const FILTERS = 'mailbox_id, team_id, assignee_id, channel, category_id';
/** The filters' columns, as each rollup table declares them. */
const FILTER_COLUMNS =
  'mailbox_id uuid, team_id uuid, assignee_id uuid, channel text, category_id uuid';
const HOUR_KEY = `workspace_id, hour, ${FILTERS}`;
const DURATION_KEY = `workspace_id, day, kind, bin, ${FILTERS}`;

/** Hourly counts of conversation facts' rows `rows` (signed by `n`). */
const STARTED = (rows: string) => `
  SELECT workspace_id, date_trunc('hour', started_at, 'UTC') AS hour, ${FILTERS},
         n AS started, 0 AS closes, 0 AS close_ends, 0 AS reopens
    FROM ${rows} WHERE NOT excluded`;

/** Conversations open or pending now, of conversation facts' rows `rows` (signed by `n`). */
const OPEN = (rows: string) => `
  SELECT workspace_id, ${FILTERS}, n FROM ${rows} WHERE NOT excluded AND status <> 'closed'`;

const ADD_OPEN = (source: string, compacted = false) => `
  INSERT INTO report_open (workspace_id, ${FILTERS}, n, compacted)
  SELECT workspace_id, ${FILTERS}, sum(n), ${compacted} FROM (${source}) x
   GROUP BY workspace_id, ${FILTERS} HAVING sum(n) <> 0`;

/** Hourly counts of status-change rows: closes and reopens by when, closes ended by until. */
const STATUSES = (rows: string) => `
  SELECT workspace_id, date_trunc('hour', at, 'UTC') AS hour, ${FILTERS}, 0 AS started,
         CASE WHEN kind = 'closed' THEN n ELSE 0 END AS closes, 0 AS close_ends,
         CASE WHEN kind = 'reopened' THEN n ELSE 0 END AS reopens
    FROM ${rows} WHERE NOT excluded
  UNION ALL
  SELECT workspace_id, date_trunc('hour', until, 'UTC'), ${FILTERS}, 0, 0, n, 0
    FROM ${rows} WHERE NOT excluded AND kind = 'closed' AND until IS NOT NULL`;

/** First responses and resolutions by UTC day and bin, from conversation facts' rows. */
const CONVERSATION_DURATIONS = (rows: string) => `
  SELECT workspace_id, date_trunc('day', first_response_at, 'UTC') AS day,
         'firstResponse' AS kind, report_duration_bin(first_response_seconds) AS bin, ${FILTERS},
         n, n * first_response_seconds AS seconds
    FROM ${rows} WHERE NOT excluded AND first_response_at IS NOT NULL
  UNION ALL
  SELECT workspace_id, date_trunc('day', resolved_at, 'UTC'), 'resolutionTime',
         report_duration_bin(resolution_seconds), ${FILTERS}, n, n * resolution_seconds
    FROM ${rows} WHERE NOT excluded AND resolved_at IS NOT NULL`;

/** Reply times by UTC day and bin, from reply facts' rows. */
const REPLY_DURATIONS = (rows: string) => `
  SELECT workspace_id, date_trunc('day', answered_at, 'UTC') AS day, 'replyTime' AS kind,
         report_duration_bin(seconds) AS bin, ${FILTERS}, n, n * seconds AS seconds
    FROM ${rows} WHERE NOT excluded AND answered_at IS NOT NULL`;

const ADD_HOURS = (source: string, compacted = false) => `
  INSERT INTO report_hours (${HOUR_KEY}, started, closes, close_ends, reopens, compacted)
  SELECT ${HOUR_KEY}, sum(started), sum(closes), sum(close_ends), sum(reopens), ${compacted}
    FROM (${source}) x GROUP BY ${HOUR_KEY}
  HAVING sum(started) <> 0 OR sum(closes) <> 0 OR sum(close_ends) <> 0 OR sum(reopens) <> 0`;

const ADD_DURATIONS = (source: string, compacted = false) => `
  INSERT INTO report_durations (${DURATION_KEY}, n, seconds, compacted)
  SELECT ${DURATION_KEY}, sum(n), sum(seconds), ${compacted} FROM (${source}) x
   GROUP BY ${DURATION_KEY} HAVING sum(n) <> 0 OR sum(seconds) <> 0`;

/**
 * Report rollups, so a year reads thousands of rows instead of a million facts:
 * - `report_hours`: per UTC hour and report filters, conversations started, closes, closes
 *   ended by a reopen, and reopens.
 * - `report_open`: per report filters, the conversations open or pending now (the dashboard's
 *   "ongoing" without counting them one by one).
 * - `report_durations`: per UTC day, filters and bin of about 6 % of the value
 *   (`report_duration_bin`: 16 bins per factor e), how many first responses, reply times and
 *   resolutions there were and their sum. A median is found from these — which bin holds the
 *   rank, at which place — and one read of the range's values in that bin (the bin indexes), so
 *   it is exact.
 * Statement triggers on the facts append signed rows (+1 for a fact that appears, −1 for one
 * that goes), so every path that changes facts — the refresher, the backfill, a merge or a
 * deleted contact cascading — keeps them exact in its own transaction, and two writers never
 * wait on the same row; housekeeping folds each hour's or day's rows into one (`compacted`).
 * Each close and reopen also records its conversation's previous one (`prev_at`): the closes in
 * a period less those whose previous close is in it too is the conversations closed in it.
 */
export class ReportRollups1766300000000 implements MigrationInterface {
  name = 'ReportRollups1766300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE report_hours (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        hour timestamptz NOT NULL,
        ${FILTER_COLUMNS},
        started integer NOT NULL DEFAULT 0,
        closes integer NOT NULL DEFAULT 0,
        close_ends integer NOT NULL DEFAULT 0,
        reopens integer NOT NULL DEFAULT 0,
        compacted boolean NOT NULL DEFAULT false
      )`);
    await db.query(`
      CREATE INDEX report_hours_at ON report_hours (workspace_id, hour)
        INCLUDE (${FILTERS}, started, closes, close_ends, reopens)`);
    await db.query(`
      CREATE INDEX report_hours_loose ON report_hours (workspace_id, hour) WHERE NOT compacted`);

    await db.query(`
      CREATE TABLE report_open (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        ${FILTER_COLUMNS},
        n integer NOT NULL,
        compacted boolean NOT NULL DEFAULT false
      )`);
    await db.query(`CREATE INDEX report_open_workspace ON report_open (workspace_id)`);

    await db.query(`
      CREATE FUNCTION report_duration_bin(seconds integer) RETURNS smallint
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT floor(ln(1 + greatest(seconds, 0)) * 16)::smallint $$`);
    await db.query(`
      CREATE TABLE report_durations (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        day timestamptz NOT NULL,
        kind text NOT NULL,
        bin smallint NOT NULL,
        ${FILTER_COLUMNS},
        n integer NOT NULL,
        seconds bigint NOT NULL,
        compacted boolean NOT NULL DEFAULT false
      )`);
    await db.query(`
      CREATE INDEX report_durations_at ON report_durations (workspace_id, kind, day)
        INCLUDE (bin, ${FILTERS}, n, seconds)`);
    await db.query(`
      CREATE INDEX report_durations_loose ON report_durations (workspace_id, day)
        WHERE NOT compacted`);
    // A range's values in one bin, for the one read that finds a rank inside it.
    await db.query(`
      CREATE INDEX report_conversations_first_response_bins ON report_conversations
        (workspace_id, report_duration_bin(first_response_seconds), first_response_at)
        INCLUDE (first_response_seconds) WHERE NOT excluded AND first_response_at IS NOT NULL`);
    await db.query(`
      CREATE INDEX report_conversations_resolution_bins ON report_conversations
        (workspace_id, report_duration_bin(resolution_seconds), resolved_at)
        INCLUDE (resolution_seconds) WHERE NOT excluded AND resolved_at IS NOT NULL`);
    await db.query(`
      CREATE INDEX report_replies_bins ON report_replies
        (workspace_id, report_duration_bin(seconds), answered_at) INCLUDE (seconds)
        WHERE answered_at IS NOT NULL AND NOT excluded`);

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

    // The rows a statement changed, signed: its transition tables (named by the triggers).
    await db.query(`
      CREATE FUNCTION report_rollups_changed(op text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE op
          WHEN 'INSERT' THEN 'SELECT *, 1 AS n FROM changed_new'
          WHEN 'DELETE' THEN 'SELECT *, -1 AS n FROM changed_old'
          ELSE 'SELECT *, 1 AS n FROM changed_new UNION ALL SELECT *, -1 AS n FROM changed_old'
        END $$`);
    const trigger = (fn: string, body: string) => `
      CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        EXECUTE format($q$ WITH changed AS (%s) ${body} $q$, report_rollups_changed(TG_OP));
        RETURN NULL;
      END $$`;
    await db.query(
      trigger(
        'report_rollups_conversations',
        `, hours AS (${ADD_HOURS(STARTED('changed'))}), open AS (${ADD_OPEN(OPEN('changed'))})
         ${ADD_DURATIONS(CONVERSATION_DURATIONS('changed'))}`,
      ),
    );
    await db.query(trigger('report_rollups_status_changes', ADD_HOURS(STATUSES('changed'))));
    await db.query(trigger('report_rollups_replies', ADD_DURATIONS(REPLY_DURATIONS('changed'))));
    for (const [table, fn] of [
      ['report_conversations', 'report_rollups_conversations'],
      ['report_status_changes', 'report_rollups_status_changes'],
      ['report_replies', 'report_rollups_replies'],
    ]) {
      // One trigger per event: a trigger with transition tables takes a single event.
      await db.query(`
        CREATE TRIGGER ${table}_rollups_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await db.query(`
        CREATE TRIGGER ${table}_rollups_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
        FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await db.query(`
        CREATE TRIGGER ${table}_rollups_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }

    // The rollups of the facts already derived, folded.
    const all = (table: string) => `(SELECT *, 1 AS n FROM ${table}) f`;
    await db.query(
      ADD_HOURS(
        `${STARTED(all('report_conversations'))} UNION ALL ${STATUSES(all('report_status_changes'))}`,
        true,
      ),
    );
    await db.query(ADD_OPEN(OPEN(all('report_conversations')), true));
    await db.query(
      ADD_DURATIONS(
        `${CONVERSATION_DURATIONS(all('report_conversations'))} UNION ALL ${REPLY_DURATIONS(all('report_replies'))}`,
        true,
      ),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['report_conversations', 'report_status_changes', 'report_replies'])
      for (const event of ['insert', 'update', 'delete'])
        await db.query(`DROP TRIGGER ${table}_rollups_${event} ON ${table}`);
    await db.query(`DROP FUNCTION report_rollups_conversations, report_rollups_status_changes,
      report_rollups_replies, report_rollups_changed`);
    await db.query('DROP TABLE report_hours, report_open, report_durations');
    await db.query('DROP FUNCTION report_duration_bin');
    await db.query(`DROP INDEX report_conversations_first_response_bins,
      report_conversations_resolution_bins, report_replies_bins`);
    await db.query('ALTER TABLE report_status_changes DROP COLUMN prev_at');
  }
}
