/**
 * Webhooks: endpoints a workspace's admins register, the events they subscribe to, and the
 * delivery log. Deliveries follow Standard Webhooks (https://www.standardwebhooks.com): headers
 * `webhook-id`, `webhook-timestamp`, `webhook-signature`, body the envelope below.
 */

/** Events an endpoint can subscribe to: the socket events' names, plus two finer ones. */
export const WEBHOOK_EVENTS = [
  'conversation.created',
  'conversation.updated',
  'conversation.status_changed',
  'conversation.assigned',
  'conversation.merged',
  'message.created',
  'message.updated',
  'contact.created',
  'contact.updated',
  'contact.merged',
  'contact.deleted',
  'company.created',
  'company.updated',
  'company.merged',
  'company.deleted',
  'form.submitted',
  'rating.created',
  'rating.updated',
  'nps.responded',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** Sent by "send a test event"; never caused by a change. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/**
 * enabled: receives events. paused: an admin stopped it; deliveries wait and go out on resume.
 * disabled: Sanad stopped it (`disabledReason`): the receiver answered 410 Gone, or failed
 * without a success for WEBHOOK_DISABLE_AFTER_DAYS; resuming starts it again.
 */
export const WEBHOOK_ENDPOINT_STATUSES = ['enabled', 'paused', 'disabled'] as const;
export type WebhookEndpointStatus = (typeof WEBHOOK_ENDPOINT_STATUSES)[number];

export const WEBHOOK_DISABLED_REASONS = ['gone', 'failing'] as const;
export type WebhookDisabledReason = (typeof WEBHOOK_DISABLED_REASONS)[number];

/** Most endpoints one workspace may have. */
export const MAX_WEBHOOK_ENDPOINTS = 100;
/** Longest endpoint URL. */
export const MAX_WEBHOOK_URL_LENGTH = 2000;
/** Custom headers per endpoint, and their size. */
export const MAX_WEBHOOK_HEADERS = 20;

export interface WebhookEndpointHealthView {
  /** When the last attempt finished, and how. */
  lastAttemptAt: string | null;
  lastStatus: 'succeeded' | 'failed' | null;
  /** Attempts in the last 24 h, and how many of them failed. */
  attempts24h: number;
  failures24h: number;
  /** Deliveries waiting for their next attempt. */
  pending: number;
  /** Since when every attempt failed (null while the last one succeeded). */
  failingSince: string | null;
}

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  /** Subscribed event types; empty = every event (also those added later). */
  events: WebhookEventType[];
  status: WebhookEndpointStatus;
  disabledReason: WebhookDisabledReason | null;
  disabledAt: string | null;
  /** Sent with every delivery (names are lower-case; values are shown to admins). */
  headers: Record<string, string>;
  /** Until then a rotated-away secret still signs next to the current one. */
  previousSecretExpiresAt: string | null;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  health: WebhookEndpointHealthView;
}

/** Creating an endpoint or rotating its secret shows the secret once; admins may reveal it later. */
export interface WebhookSecretView {
  /** `whsec_` + base64 of 32 random bytes. */
  secret: string;
}
/** A rotation's answer: the new secret, and until when the old one still signs next to it. */
export interface RotatedWebhookSecretView extends WebhookSecretView {
  previousSecretExpiresAt: string;
}
export interface CreatedWebhookEndpointView {
  endpoint: WebhookEndpointView;
  secret: string;
}

export interface CreateWebhookEndpointBody {
  url: string;
  description?: string;
  events?: WebhookEventType[];
  headers?: Record<string, string>;
}
export type UpdateWebhookEndpointBody = Partial<CreateWebhookEndpointBody>;

/**
 * pending: waits for an attempt (the first, or a retry at `nextAttemptAt`). delivering: an
 * attempt is in flight. succeeded: the receiver answered 2xx. failed: every scheduled attempt
 * failed, or the endpoint was disabled or deleted meanwhile.
 */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivering', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One event for one endpoint, with every attempt. */
export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  /** The `webhook-id` header: the same on every attempt, redelivery and replay. */
  webhookId: string;
  eventType: WebhookEventType | typeof WEBHOOK_TEST_EVENT;
  /** The conversation, message or contact the event is about. */
  resourceId: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the receiver got and what it answered; bodies are capped (64 KB kept). */
export interface WebhookAttemptView {
  id: string;
  number: number;
  /** schedule: the retry schedule; redeliver / replay: an admin asked; test: a test event. */
  trigger: 'schedule' | 'redeliver' | 'replay' | 'test';
  startedAt: string;
  durationMs: number;
  requestHeaders: Record<string, string>;
  responseStatus: number | null;
  responseHeaders: Record<string, string>;
  responseBody: string;
  responseBodyTruncated: boolean;
  /** Why it failed without an answer (timeout, refused address, redirect, connection). */
  error: string | null;
}

export interface WebhookDeliveryDetailView {
  delivery: WebhookDeliveryView;
  /** The exact body sent (the same on every attempt). */
  requestBody: string;
  attempts: WebhookAttemptView[];
}

/** `POST /webhooks/:id/replay`: every failed delivery of the endpoint since then is tried again. */
export interface WebhookReplayBody {
  since: string;
}
export interface WebhookReplayView {
  queued: number;
}

/** The body every delivery carries. `seq` orders a workspace's events; `data` is a full view. */
export interface WebhookEnvelope<T = unknown> {
  type: WebhookEventType | typeof WEBHOOK_TEST_EVENT;
  timestamp: string;
  workspaceId: string;
  seq: number | null;
  data: T;
}
