import {
  WEBHOOK_DELIVERY_STATUSES,
  type WebhookDeliveryStatus,
  type WebhookDeliveryView,
  type WebhookEndpointHealthView,
} from '@sanad/contracts';
import type { WebhookDeliveryQuery } from '@/api/webhooks';
import { localInputInstant, wallTime } from '../../../modules/wall-clock';

/** The delivery log's filters as the page holds them; times are `datetime-local` values. */
export interface DeliveryFilters {
  eventType: string;
  status: '' | WebhookDeliveryStatus;
  from: string;
  to: string;
  q: string;
}

export function blankFilters(): DeliveryFilters {
  return { eventType: '', status: '', from: '', to: '', q: '' };
}

/**
 * A `datetime-local` value read on the workspace's clock (what the log's times show) as an ISO
 * instant, or undefined when blank or not a time.
 */
export function localToIso(value: string, timeZone: string): string | undefined {
  const date = value ? localInputInstant(value, timeZone) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

/** An instant as a `datetime-local` value on the workspace's clock (`2025-03-01T09:05`). */
export function isoToLocal(date: Date, timeZone: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const wall = wallTime(date, timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** GET /webhook-deliveries' query for one endpoint's log (the cursor is added by the pager). */
export function deliveryQuery(
  endpointId: string,
  filters: DeliveryFilters,
  timeZone: string,
): WebhookDeliveryQuery {
  const query: WebhookDeliveryQuery = { endpointId };
  if (filters.eventType) query.eventType = filters.eventType;
  if (filters.status && WEBHOOK_DELIVERY_STATUSES.includes(filters.status))
    query.status = filters.status;
  const from = localToIso(filters.from, timeZone);
  const to = localToIso(filters.to, timeZone);
  if (from) query.from = from;
  if (to) query.to = to;
  if (filters.q.trim()) query.q = filters.q.trim();
  return query;
}

/** Deliveries still waiting or in flight: the log looks again until they settle. */
export function isUnsettled(delivery: Pick<WebhookDeliveryView, 'status'>): boolean {
  return delivery.status === 'pending' || delivery.status === 'delivering';
}

/**
 * The shown rows after reading the first page again: rows on it replace theirs, rows newer than
 * the shown ones go on top, rows further down (later pages) stay as they were.
 */
export function mergeNewest(
  shown: readonly WebhookDeliveryView[],
  fresh: readonly WebhookDeliveryView[],
): WebhookDeliveryView[] {
  const byId = new Map(fresh.map((d) => [d.id, d]));
  const known = new Set(shown.map((d) => d.id));
  const added = fresh.filter((d) => !known.has(d.id));
  return [...added, ...shown.map((d) => byId.get(d.id) ?? d)];
}

/** A body as the receiver got it, indented when it is JSON (the exact text otherwise). */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Headers sorted by name, for a stable, readable list. */
export function headerList(headers: Record<string, string>): [string, string][] {
  return Object.entries(headers).sort(([a], [b]) => a.localeCompare(b));
}

/** Failed attempts of the last 24 hours as a fraction, or null when there were none. */
export function failureRate(health: WebhookEndpointHealthView): number | null {
  return health.attempts24h > 0 ? health.failures24h / health.attempts24h : null;
}
