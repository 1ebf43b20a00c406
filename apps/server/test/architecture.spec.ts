import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * The house style, checked on the sources (docs/architecture.md): every table belongs to one
 * library, and a library's repositories touch only its own tables (it asks other libraries for
 * the rest). Lint covers the other rules (SQL only in repositories, no relative imports across
 * packages, apps composed by apps/server alone).
 */
const OWNER: Record<string, string> = {
  workspaces: 'accounts',
  users: 'accounts',
  sessions: 'accounts',
  invites: 'accounts',
  api_tokens: 'accounts',
  audit_log: 'accounts',
  brand_images: 'branding',
  forms: 'forms',
  form_versions: 'forms',
  form_submissions: 'forms',
  form_submission_files: 'forms',
  report_conversations: 'reports',
  report_replies: 'reports',
  report_agent_replies: 'reports',
  report_status_changes: 'reports',
  report_backfill: 'reports',
  report_pending: 'reports',
  report_hours: 'reports',
  report_durations: 'reports',
  report_open: 'reports',
  contacts: 'contacts',
  companies: 'contacts',
  contact_categories: 'contacts',
  contact_fields: 'contacts',
  contact_activities: 'contacts',
  contact_idempotency_keys: 'contacts',
  contact_imports: 'contacts',
  contact_import_rejects: 'contacts',
  contact_import_changes: 'contacts',
  contact_import_keys: 'contacts',
  webhook_endpoints: 'webhooks',
  webhook_messages: 'webhooks',
  webhook_deliveries: 'webhooks',
  webhook_attempts: 'webhooks',
  outbox: 'queue',
  event_sequences: 'queue',
  job_receipts: 'queue',
  mailboxes: 'conversations',
  conversation_numbers: 'conversations',
  conversations: 'conversations',
  messages: 'conversations',
  tags: 'conversations',
  conversation_tags: 'conversations',
  conversation_followers: 'conversations',
  teams: 'conversations',
  team_members: 'conversations',
  conversation_counts: 'conversations',
  saved_replies: 'conversations',
  idempotency_keys: 'conversations',
  attachments: 'conversations',
  mailbox_addresses: 'mail',
  inbound_emails: 'mail',
  mailbox_email_settings: 'mail',
  email_deliveries: 'mail',
  blocked_senders: 'mail',
  http_idempotency_keys: 'idempotency',
  satisfaction_settings: 'satisfaction',
  rating_requests: 'satisfaction',
  ratings: 'satisfaction',
  nps_settings: 'satisfaction',
  nps_surveys: 'satisfaction',
  nps_recipients: 'satisfaction',
  nps_responses: 'satisfaction',
};

const ROOT = join(__dirname, '..', '..', '..');

function files(dir: string, match: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(path, match);
    return match(entry.name) ? [path] : [];
  });
}

/** CTE names a text defines (`WITH name AS (`, `, name AS (`, or a fragment's `\`name AS (`). */
const ctesIn = (source: string): string[] =>
  [...source.matchAll(/(?:WITH(?:\s+RECURSIVE)?|,|`)\s*([a-z_]+)\s+AS\s*\(/gi)].map((m) => m[1]);

/**
 * Tables a file's SQL names. CTE names are not tables: the file's own, and those of SQL
 * fragments it imports from its own folder (`helpers`' texts).
 */
function tablesIn(source: string, helpers: string[] = []): string[] {
  const ctes = new Set([source, ...helpers].flatMap(ctesIn));
  const named = [...source.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+([a-z_]+)\b(?!\s*\()/g)].map(
    (m) => m[1],
  );
  return [...new Set(named.filter((name) => !ctes.has(name)))];
}

describe('architecture', () => {
  const migrations = files(join(ROOT, 'libs/database/src/migrations'), (n) => n.endsWith('.ts'))
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
  const tables = [...migrations.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)/g)].map(
    (m) => m[1],
  );

  it('gives every table of the schema one owning library', () => {
    expect(tables.filter((t) => t !== 'migrations' && !OWNER[t])).toEqual([]);
  });

  const repositories = files(join(ROOT, 'libs'), (n) => n.endsWith('.repository.ts'));

  it('finds the repositories', () => {
    expect(repositories.length).toBeGreaterThan(10);
  });

  it.each(repositories.map((path) => [relative(ROOT, path), path]))(
    '%s touches only its own library’s tables',
    (_name, path) => {
      const lib = relative(join(ROOT, 'libs'), path).split('/')[0];
      const source = readFileSync(path, 'utf8');
      const helpers = [...source.matchAll(/from '\.\/([\w.-]+)'/g)].map((m) =>
        readFileSync(join(dirname(path), `${m[1]}.ts`), 'utf8'),
      );
      const foreign = tablesIn(source, helpers).filter((table) => OWNER[table] !== lib);
      expect(foreign).toEqual([]);
    },
  );

  it('reads table names the way it should', () => {
    expect(
      tablesIn(`WITH next AS (INSERT INTO event_sequences ...) SELECT x FROM next, unnest($1) FROM
        conversations c JOIN users u`),
    ).toEqual(['event_sequences', 'conversations', 'users']);
  });
});
