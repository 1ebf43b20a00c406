export type Role = 'api' | 'worker' | 'mail';

/** The validated configuration; nothing else in Sanad reads process.env. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  smtpPort: number;
  /** PORT, SMTP_PORT and PUBLIC_URL were set (else a busy default port gives way to a free one). */
  portFixed: boolean;
  smtpPortFixed: boolean;
  publicUrlFixed: boolean;
  inboundDomain: string;
  maxMessageMb: number;
  smtpMaxRecipients: number;
  smtpMaxConnectionsPerIp: number;
  smtpMessagesPerMinutePerIp: number;
  smtpSocketTimeoutSeconds: number;
  smtpTls: { keyFile: string; certFile: string } | null;
  smtpUrl: string | null;
  mailFrom: string | null;
  outboundMailAttempts: number;
  outboundMailBackoffMs: number;
  autoRepliesPerRecipientPerDay: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  embeddedPgPort: number;
  /** EMBEDDED_PG_PORT was set: a busy port is an error, not replaced by a free one. */
  embeddedPgPortFixed: boolean;
  redisUrl: string | null;
  redisPrefix: string;
  appSecret: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  roles: Role[];
  webDistDir: string;
  adminEmail: string | null;
  adminPassword: string | null;
  adminName: string;
  workspaceName: string;
  allowSignup: boolean;
  sessionTtlHours: number;
  accountCacheSeconds: number;
  loginRateLimit: number;
  loginRateWindowSeconds: number;
  /** Requests per minute per API token; a write costs 2. */
  apiTokenRateLimit: number;
  /** Form submissions per IP per form per hour, and per form per day. */
  formRateLimitPerIp: number;
  formRateLimitPerForm: number;
  /** A hosted form sent back sooner is held as spam. */
  formMinFillSeconds: number;
  /** Largest form submission, answers and files together. */
  formMaxRequestMb: number;
  maxBodyKb: number;
  maxAttachmentMb: number;
  /** Largest CSV a people import accepts. */
  contactImportMaxMb: number;
  trustProxy: string | null;
  outboxRedeliverAfterMs: number;
  workerConcurrency: number;
  inviteTtlHours: number;
  /** Hosts, addresses or CIDR ranges webhooks may reach although the address guard refuses them. */
  webhookAllowedHosts: string[];
  webhookTimeoutMs: number;
  /** Seconds before each attempt of a webhook delivery. */
  webhookRetrySchedule: number[];
  webhookSecretOverlapHours: number;
  webhookDisableAfterDays: number;
  webhookLogDays: number;
  webhookFanoutConcurrency: number;
  /** Report-fact events a worker derives at once (the `reports.facts` queue). */
  reportsConcurrency: number;
  /** The browser that prints report PDFs (headless). */
  chromiumPath: string;
  /** How often the worker's housekeeping sends due rating requests. */
  ratingRequestsEveryMs: number;
  /** How often the worker's housekeeping sends the NPS emails that wait. */
  npsSurveysEveryMs: number;
  webhookConcurrency: number;
  webhookEndpointConcurrency: number;
}

/** Injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
