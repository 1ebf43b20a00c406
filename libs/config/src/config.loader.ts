import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { AppConfig, Role } from './app-config';
import { CONFIG_SCHEMA } from './config.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Parses every variable, collecting all problems before failing. Pure: no files touched. */
export function parseEnv(env: Env): Record<string, unknown> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const spec of CONFIG_SCHEMA) {
    const raw = env[spec.name];
    if (raw === undefined || raw === '') {
      values[spec.name] = undefined;
      continue;
    }
    const result = spec.parse(raw);
    if ('error' in result) problems.push(`${spec.name} ${result.error} (got "${raw}")`);
    else values[spec.name] = result.value;
  }
  const production = (values.NODE_ENV ?? 'development') === 'production';
  if (production && !values.APP_SECRET && !problems.some((p) => p.startsWith('APP_SECRET'))) {
    problems.push('APP_SECRET is required when NODE_ENV=production');
  }
  const hasEmail = values.SANAD_ADMIN_EMAIL !== undefined;
  const hasPassword = values.SANAD_ADMIN_PASSWORD !== undefined;
  if (hasEmail !== hasPassword && !problems.some((p) => p.startsWith('SANAD_ADMIN'))) {
    problems.push('SANAD_ADMIN_EMAIL and SANAD_ADMIN_PASSWORD must be set together');
  }
  if ((values.SMTP_TLS_KEY === undefined) !== (values.SMTP_TLS_CERT === undefined))
    problems.push('SMTP_TLS_KEY and SMTP_TLS_CERT must be set together');
  if (problems.length > 0) throw new ConfigError(problems);
  return values;
}

/** Embedded mode keeps a generated secret in DATA_DIR so sessions survive restarts. */
function generatedSecret(dataDir: string): string {
  const file = join(dataDir, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const v = parseEnv(env);
  const port = (v.PORT as number | undefined) ?? 3000;
  const dataDir = resolve((v.DATA_DIR as string | undefined) ?? './.data');
  const publicUrl = ((v.PUBLIC_URL as string | undefined) ?? `http://localhost:${port}`).replace(
    /\/+$/,
    '',
  );
  return {
    nodeEnv: (v.NODE_ENV as AppConfig['nodeEnv'] | undefined) ?? 'development',
    host: (v.HOST as string | undefined) ?? '0.0.0.0',
    port,
    smtpPort: (v.SMTP_PORT as number | undefined) ?? 2525,
    portFixed: v.PORT !== undefined,
    smtpPortFixed: v.SMTP_PORT !== undefined,
    publicUrlFixed: v.PUBLIC_URL !== undefined,
    publicUrl,
    inboundDomain: ((v.INBOUND_DOMAIN as string | undefined) ?? new URL(publicUrl).hostname)
      .toLowerCase()
      .replace(/^@/, ''),
    maxMessageMb: (v.MAX_MESSAGE_MB as number | undefined) ?? 25,
    smtpMaxRecipients: (v.SMTP_MAX_RECIPIENTS as number | undefined) ?? 50,
    smtpMaxConnectionsPerIp: (v.SMTP_MAX_CONNECTIONS_PER_IP as number | undefined) ?? 20,
    smtpMessagesPerMinutePerIp: (v.SMTP_MESSAGES_PER_MINUTE_PER_IP as number | undefined) ?? 600,
    smtpSocketTimeoutSeconds: (v.SMTP_SOCKET_TIMEOUT_SECONDS as number | undefined) ?? 60,
    smtpTls:
      v.SMTP_TLS_KEY && v.SMTP_TLS_CERT
        ? { keyFile: v.SMTP_TLS_KEY as string, certFile: v.SMTP_TLS_CERT as string }
        : null,
    smtpUrl: (v.SMTP_URL as string | undefined) ?? null,
    mailFrom: (v.MAIL_FROM as string | undefined) ?? null,
    outboundMailAttempts: (v.OUTBOUND_MAIL_ATTEMPTS as number | undefined) ?? 8,
    outboundMailBackoffMs: (v.OUTBOUND_MAIL_BACKOFF_MS as number | undefined) ?? 60000,
    autoRepliesPerRecipientPerDay:
      (v.AUTO_REPLIES_PER_RECIPIENT_PER_DAY as number | undefined) ?? 3,
    dataDir,
    databaseUrl: (v.DATABASE_URL as string | undefined) ?? null,
    embeddedPgPort: (v.EMBEDDED_PG_PORT as number | undefined) ?? 54329,
    embeddedPgPortFixed: v.EMBEDDED_PG_PORT !== undefined,
    redisUrl: (v.REDIS_URL as string | undefined) ?? null,
    redisPrefix: (v.REDIS_PREFIX as string | undefined) ?? 'sanad',
    appSecret: (v.APP_SECRET as string | undefined) ?? generatedSecret(dataDir),
    logLevel: (v.LOG_LEVEL as AppConfig['logLevel'] | undefined) ?? 'info',
    roles: (v.SANAD_ROLES as Role[] | undefined) ?? ['api', 'worker', 'mail'],
    webDistDir: resolve((v.WEB_DIST_DIR as string | undefined) ?? 'apps/web/dist'),
    adminEmail: (v.SANAD_ADMIN_EMAIL as string | undefined) ?? null,
    adminPassword: (v.SANAD_ADMIN_PASSWORD as string | undefined) ?? null,
    adminName: (v.SANAD_ADMIN_NAME as string | undefined) ?? 'المسؤول',
    workspaceName: (v.SANAD_WORKSPACE_NAME as string | undefined) ?? 'سند',
    allowSignup: (v.SANAD_ALLOW_SIGNUP as boolean | undefined) ?? false,
    sessionTtlHours: (v.SESSION_TTL_HOURS as number | undefined) ?? 336,
    accountCacheSeconds: (v.ACCOUNT_CACHE_SECONDS as number | undefined) ?? 60,
    loginRateLimit: (v.LOGIN_RATE_LIMIT as number | undefined) ?? 10,
    loginRateWindowSeconds: (v.LOGIN_RATE_WINDOW_SECONDS as number | undefined) ?? 900,
    apiTokenRateLimit: (v.API_TOKEN_RATE_LIMIT as number | undefined) ?? 600,
    formRateLimitPerIp: (v.FORM_RATE_LIMIT_PER_IP as number | undefined) ?? 20,
    formRateLimitPerForm: (v.FORM_RATE_LIMIT_PER_FORM as number | undefined) ?? 5000,
    formMinFillSeconds: (v.FORM_MIN_FILL_SECONDS as number | undefined) ?? 3,
    formMaxRequestMb: (v.FORM_MAX_REQUEST_MB as number | undefined) ?? 30,
    maxBodyKb: (v.MAX_BODY_KB as number | undefined) ?? 1024,
    maxAttachmentMb: (v.MAX_ATTACHMENT_MB as number | undefined) ?? 20,
    contactImportMaxMb: (v.CONTACT_IMPORT_MAX_MB as number | undefined) ?? 50,
    trustProxy: (v.TRUST_PROXY as string | undefined) ?? null,
    outboxRedeliverAfterMs: (v.OUTBOX_REDELIVER_AFTER_MS as number | undefined) ?? 60000,
    workerConcurrency: (v.WORKER_CONCURRENCY as number | undefined) ?? 2,
    inviteTtlHours: (v.INVITE_TTL_HOURS as number | undefined) ?? 168,
    webhookAllowedHosts: (v.WEBHOOK_ALLOWED_HOSTS as string[] | undefined) ?? [],
    webhookTimeoutMs: (v.WEBHOOK_TIMEOUT_MS as number | undefined) ?? 15000,
    webhookRetrySchedule: (v.WEBHOOK_RETRY_SCHEDULE as number[] | undefined) ?? [
      0, 5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400,
    ],
    webhookSecretOverlapHours: (v.WEBHOOK_SECRET_OVERLAP_HOURS as number | undefined) ?? 24,
    webhookDisableAfterDays: (v.WEBHOOK_DISABLE_AFTER_DAYS as number | undefined) ?? 5,
    webhookLogDays: (v.WEBHOOK_LOG_DAYS as number | undefined) ?? 30,
    webhookFanoutConcurrency: (v.WEBHOOK_FANOUT_CONCURRENCY as number | undefined) ?? 8,
    reportsConcurrency: (v.REPORTS_CONCURRENCY as number | undefined) ?? 2,
    chromiumPath: (v.CHROMIUM_PATH as string | undefined) ?? '/usr/bin/chromium',
    ratingRequestsEveryMs: (v.RATING_REQUESTS_EVERY_MS as number | undefined) ?? 30000,
    npsSurveysEveryMs: (v.NPS_SURVEYS_EVERY_MS as number | undefined) ?? 10000,
    webhookConcurrency: (v.WEBHOOK_CONCURRENCY as number | undefined) ?? 64,
    webhookEndpointConcurrency: (v.WEBHOOK_ENDPOINT_CONCURRENCY as number | undefined) ?? 8,
  };
}
