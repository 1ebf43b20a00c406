/**
 * One entry per environment variable: how to parse it, its default and what it means.
 * The README's configuration table mirrors this list.
 */
export interface VariableSpec {
  name: string;
  description: string;
  default?: string;
  parse: (raw: string) => { value: unknown } | { error: string };
}

const int =
  (min: number, max: number) =>
  (raw: string): { value: number } | { error: string } => {
    const n = Number(raw);
    return Number.isInteger(n) && n >= min && n <= max
      ? { value: n }
      : { error: `must be a whole number from ${min} to ${max}` };
  };

const bool = (raw: string): { value: boolean } | { error: string } => {
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return { value: true };
  if (['false', '0', 'no', 'off', ''].includes(v)) return { value: false };
  return { error: 'must be true or false' };
};

const oneOf =
  (...allowed: string[]) =>
  (raw: string): { value: string } | { error: string } =>
    allowed.includes(raw) ? { value: raw } : { error: `must be one of: ${allowed.join(', ')}` };

const url =
  (...protocols: string[]) =>
  (raw: string): { value: string } | { error: string } => {
    try {
      const parsed = new URL(raw);
      return protocols.includes(parsed.protocol)
        ? { value: raw }
        : { error: `must be a ${protocols.join(' or ')} URL` };
    } catch {
      return { error: 'must be a valid URL' };
    }
  };

/** A comma-separated list of non-negative second counts (decimals allowed), at least one. */
const secondsList = (raw: string): { value: number[] } | { error: string } => {
  const parts = raw.split(',').map((p) => p.trim());
  const values = parts.map(Number);
  return parts.length > 0 &&
    parts.length <= 30 &&
    values.every((n, i) => parts[i] !== '' && Number.isFinite(n) && n >= 0 && n <= 604800)
    ? { value: values }
    : { error: 'must list 1 to 30 delays in seconds (0 to 604800), separated by commas' };
};

/** A comma-separated list of host names, IP addresses or CIDR ranges (empty = none). */
const hostList = (raw: string): { value: string[] } | { error: string } => {
  const list = raw
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const bad = list.filter((h) => !/^[a-z0-9.:[\]/*_-]+$/.test(h));
  return bad.length > 0
    ? { error: `not a host, address or range: ${bad.join(', ')}` }
    : { value: list };
};

const text = (raw: string): { value: string } => ({ value: raw });

const email = (raw: string): { value: string } | { error: string } =>
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw.trim())
    ? { value: raw.trim().toLowerCase() }
    : { error: 'must be an email address' };

const roles = (raw: string): { value: string[] } | { error: string } => {
  const list = raw
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const bad = list.filter((r) => !['api', 'worker', 'mail'].includes(r));
  if (list.length === 0 || bad.length > 0) return { error: 'must list api, worker and/or mail' };
  return { value: [...new Set(list)] };
};

export const CONFIG_SCHEMA: VariableSpec[] = [
  {
    name: 'NODE_ENV',
    description: 'development, production or test',
    default: 'development',
    parse: oneOf('development', 'production', 'test'),
  },
  {
    name: 'HOST',
    description: 'Interface the HTTP and SMTP servers bind to',
    default: '0.0.0.0',
    parse: text,
  },
  {
    name: 'PORT',
    description: 'HTTP port (SPA at /, API at /api/v1); when unset and busy, a free one is used',
    default: '3000',
    parse: int(0, 65535),
  },
  {
    name: 'SMTP_PORT',
    description: 'Inbound SMTP port; when unset and busy, a free one is used',
    default: '2525',
    parse: int(0, 65535),
  },
  {
    name: 'INBOUND_DOMAIN',
    description: "Domain of the mailboxes' inbound addresses (<slug>@INBOUND_DOMAIN)",
    default: 'the host of PUBLIC_URL',
    parse: text,
  },
  {
    name: 'MAX_MESSAGE_MB',
    description: 'Largest email accepted over SMTP (larger ones get 552)',
    default: '25',
    parse: int(1, 200),
  },
  {
    name: 'SMTP_MAX_RECIPIENTS',
    description:
      'Recipients accepted per SMTP message (more get 452; RFC 5321 asks for at least 100)',
    default: '100',
    parse: int(1, 1000),
  },
  {
    name: 'SMTP_MAX_CONNECTIONS_PER_IP',
    description: 'Simultaneous SMTP connections from one IP (more get 421)',
    default: '20',
    parse: int(1, 10000),
  },
  {
    name: 'SMTP_MESSAGES_PER_MINUTE_PER_IP',
    description: 'Messages accepted per minute from one IP (more get 421 until the minute passes)',
    default: '600',
    parse: int(1, 1000000),
  },
  {
    name: 'SMTP_SOCKET_TIMEOUT_SECONDS',
    description: 'Idle SMTP connections are closed after this long',
    default: '60',
    parse: int(5, 3600),
  },
  {
    name: 'SMTP_TLS_KEY',
    description: 'PEM private key file for STARTTLS (with SMTP_TLS_CERT); unset = no STARTTLS',
    parse: text,
  },
  {
    name: 'SMTP_TLS_CERT',
    description: 'PEM certificate chain file for STARTTLS',
    parse: text,
  },
  {
    name: 'SMTP_URL',
    description:
      'Outgoing mail server for mailboxes without their own (smtp://user:pass@host:587 or smtps://...); unset = none',
    parse: url('smtp:', 'smtps:'),
  },
  {
    name: 'MAIL_FROM',
    description:
      "Sender address used with SMTP_URL; unset = the mailbox's inbound address (<slug>@INBOUND_DOMAIN)",
    parse: email,
  },
  {
    name: 'OUTBOUND_MAIL_ATTEMPTS',
    description: 'Attempts to send a reply before it is marked failed',
    default: '8',
    parse: int(1, 50),
  },
  {
    name: 'OUTBOUND_MAIL_BACKOFF_MS',
    description: 'Delay before the second attempt; doubles after each failure',
    default: '60000',
    parse: int(10, 86400000),
  },
  {
    name: 'AUTO_REPLIES_PER_RECIPIENT_PER_DAY',
    description: 'Most automatic messages (auto-acknowledgements) one address gets in 24 hours',
    default: '3',
    parse: int(0, 1000),
  },
  {
    name: 'PUBLIC_URL',
    description: 'Public base URL, used in invite links',
    default: 'http://localhost:<PORT>',
    parse: url('http:', 'https:'),
  },
  {
    name: 'DATA_DIR',
    description: 'Where embedded PostgreSQL, the generated secret and files live',
    default: './.data',
    parse: text,
  },
  {
    name: 'DATABASE_URL',
    description: 'PostgreSQL URL; unset = embedded PostgreSQL under DATA_DIR',
    parse: url('postgres:', 'postgresql:'),
  },
  {
    name: 'EMBEDDED_PG_PORT',
    description: 'Port of the embedded PostgreSQL (127.0.0.1 only)',
    default: '54329',
    parse: int(1, 65535),
  },
  {
    name: 'REDIS_URL',
    description: 'Redis URL for Bull queues and the socket.io adapter; unset = in-process queue',
    parse: url('redis:', 'rediss:'),
  },
  {
    name: 'REDIS_PREFIX',
    description: 'Key prefix for queues and rate limits, to share one Redis between installations',
    default: 'sanad',
    parse: (raw) =>
      /^[a-z0-9_-]{1,40}$/i.test(raw)
        ? { value: raw }
        : { error: 'must be 1-40 letters, digits, - or _' },
  },
  {
    name: 'APP_SECRET',
    description:
      'Secret for signing (32+ chars). Required in production; generated into DATA_DIR otherwise',
    parse: (raw) =>
      raw.length >= 32 ? { value: raw } : { error: 'must be at least 32 characters' },
  },
  {
    name: 'LOG_LEVEL',
    description: 'fatal, error, warn, info, debug, trace or silent',
    default: 'info',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  },
  {
    name: 'SANAD_ROLES',
    description: 'Roles of this process: api, worker, mail (comma-separated)',
    default: 'api,worker,mail',
    parse: roles,
  },
  {
    name: 'WEB_DIST_DIR',
    description: 'Built SPA served at /',
    default: 'apps/web/dist',
    parse: text,
  },
  {
    name: 'SANAD_ADMIN_EMAIL',
    description: 'With an empty database: email of the owner created at start',
    parse: email,
  },
  {
    name: 'SANAD_ADMIN_PASSWORD',
    description: 'With an empty database: password of that owner (10+ characters)',
    parse: (raw) =>
      raw.length >= 10 ? { value: raw } : { error: 'must be at least 10 characters' },
  },
  {
    name: 'SANAD_ADMIN_NAME',
    description: 'Display name of that owner (Arabic by default: the workspace starts in Arabic)',
    default: 'المسؤول',
    parse: text,
  },
  {
    name: 'SANAD_WORKSPACE_NAME',
    description: 'Name of the workspace created at start',
    default: 'سند',
    parse: text,
  },
  {
    name: 'SANAD_ALLOW_SIGNUP',
    description: 'Let anyone create a new workspace from the login screen',
    default: 'false',
    parse: bool,
  },
  {
    name: 'SESSION_TTL_HOURS',
    description: 'Lifetime of a login session',
    default: '336',
    parse: int(1, 8760),
  },
  {
    name: 'ACCOUNT_CACHE_SECONDS',
    description:
      'How long a process keeps sessions, tokens, members and contact summaries it read in memory (dropped at once on change, in every process); 0 = read every request',
    default: '60',
    parse: int(0, 3600),
  },
  {
    name: 'LOGIN_RATE_LIMIT',
    description: 'Login attempts allowed per IP and per email in the window',
    default: '10',
    parse: int(1, 100000),
  },
  {
    name: 'LOGIN_RATE_WINDOW_SECONDS',
    description: 'Window of the login rate limit',
    default: '900',
    parse: int(1, 86400),
  },
  {
    name: 'API_TOKEN_RATE_LIMIT',
    description:
      'Requests per minute allowed to each API token (a write counts 2); answered 429 with Retry-After beyond it',
    default: '600',
    parse: int(1, 1000000),
  },
  {
    name: 'FORM_RATE_LIMIT_PER_IP',
    description:
      'Submissions one IP address may send to one form per hour; answered 429 with Retry-After beyond it',
    default: '20',
    parse: int(1, 1000000),
  },
  {
    name: 'FORM_RATE_LIMIT_PER_FORM',
    description: 'Submissions one form accepts per day from everyone together',
    default: '5000',
    parse: int(1, 100000000),
  },
  {
    name: 'FORM_MIN_FILL_SECONDS',
    description:
      'A hosted form sent back sooner than this after it was shown is held as spam (no person fills a form so fast)',
    default: '3',
    parse: int(0, 3600),
  },
  {
    name: 'FORM_MAX_REQUEST_MB',
    description: 'Largest form submission (answers and all its files together)',
    default: '30',
    parse: int(1, 1024),
  },
  {
    name: 'MAX_BODY_KB',
    description: 'Largest JSON request body accepted',
    default: '1024',
    parse: int(1, 102400),
  },
  {
    name: 'MAX_ATTACHMENT_MB',
    description: 'Largest attachment file accepted (uploads and, later, email and chat files)',
    default: '20',
    parse: int(1, 1024),
  },
  {
    name: 'CONTACT_IMPORT_MAX_MB',
    description:
      'Largest CSV file a people import accepts (about 100 bytes a row: 50 MB ≈ 500,000 rows)',
    default: '50',
    parse: int(1, 2048),
  },
  {
    name: 'TRUST_PROXY',
    description: 'Express trust proxy setting (e.g. loopback or 10.0.0.0/8); unset = trust none',
    parse: text,
  },
  {
    name: 'OUTBOX_REDELIVER_AFTER_MS',
    description: 'Re-dispatch outbox events not confirmed after this long',
    default: '60000',
    parse: int(100, 86400000),
  },
  {
    name: 'WORKER_CONCURRENCY',
    description:
      'Outbox events a worker process handles at once (inbound email is CPU work: more than the cores only adds contention)',
    default: '2',
    parse: int(1, 64),
  },
  {
    name: 'WEBHOOK_ALLOWED_HOSTS',
    description:
      'Webhook receivers allowed on addresses the guard otherwise refuses (loopback, private networks): host names, IP addresses or CIDR ranges, comma-separated',
    default: '',
    parse: hostList,
  },
  {
    name: 'WEBHOOK_TIMEOUT_MS',
    description: 'Deadline of one webhook attempt: connecting, the answer’s headers and its body',
    default: '15000',
    parse: int(100, 120000),
  },
  {
    name: 'WEBHOOK_RETRY_SCHEDULE',
    description:
      'Seconds before each webhook attempt after an event (the first is usually 0); jitter of ±10 % is added to delays over 10 s',
    default: '0,5,300,1800,7200,18000,36000,50400,72000,86400',
    parse: secondsList,
  },
  {
    name: 'WEBHOOK_SECRET_OVERLAP_HOURS',
    description: 'How long a rotated webhook secret keeps signing next to the new one',
    default: '24',
    parse: int(0, 720),
  },
  {
    name: 'WEBHOOK_DISABLE_AFTER_DAYS',
    description: 'A webhook endpoint failing without a success for this many days is disabled',
    default: '5',
    parse: int(1, 60),
  },
  {
    name: 'WEBHOOK_LOG_DAYS',
    description: 'How long webhook deliveries and their attempts are kept',
    default: '30',
    parse: int(1, 365),
  },
  {
    name: 'WEBHOOK_FANOUT_CONCURRENCY',
    description:
      'Events a worker process turns into webhook deliveries at once (their own queue, apart from WORKER_CONCURRENCY)',
    default: '8',
    parse: int(1, 32),
  },
  {
    name: 'CHROMIUM_PATH',
    description:
      'The Chromium (or Chrome) binary that prints report PDFs; without one the PDF button says so and CSV still works',
    default: '/usr/bin/chromium',
    parse: text,
  },
  {
    name: 'REPORTS_CONCURRENCY',
    description:
      'Events a worker process derives report facts from at once (their own queue, apart from WORKER_CONCURRENCY)',
    default: '2',
    parse: int(1, 32),
  },
  {
    name: 'RATING_REQUESTS_EVERY_MS',
    description:
      'How often the worker sends the rating requests that are due (each waits its workspace’s delay after the close first)',
    default: '30000',
    parse: int(1000, 3_600_000),
  },
  {
    name: 'NPS_SURVEYS_EVERY_MS',
    description:
      'How often the worker sends NPS survey emails that wait (each workspace at most its emails per minute)',
    default: '10000',
    parse: int(1000, 3_600_000),
  },
  {
    name: 'WEBHOOK_CONCURRENCY',
    description: 'Webhook requests a worker process has in flight at once',
    default: '64',
    parse: int(1, 1024),
  },
  {
    name: 'WEBHOOK_ENDPOINT_CONCURRENCY',
    description:
      'Webhook requests in flight to one endpoint at once (a slow receiver holds no more)',
    default: '8',
    parse: int(1, 128),
  },
  {
    name: 'INVITE_TTL_HOURS',
    description: 'How long an invite link stays valid',
    default: '168',
    parse: int(1, 8760),
  },
];
