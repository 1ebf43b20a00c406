import {
  WEBHOOK_EVENTS,
  type CreateWebhookEndpointBody,
  type ProblemFieldError,
  type UpdateWebhookEndpointBody,
  type WebhookEndpointView,
  type WebhookEventType,
} from '@sanad/contracts';

/** The groups of the events picker, in this order: the part of the name before the dot. */
export const WEBHOOK_EVENT_GROUPS = [
  'conversation',
  'message',
  'contact',
  'company',
  'form',
  'rating',
] as const;
export type WebhookEventGroup = (typeof WEBHOOK_EVENT_GROUPS)[number];

/** Events listed under another group than their name's: NPS responses go with the ratings. */
const GROUP_OF_PREFIX: Readonly<Record<string, WebhookEventGroup>> = { nps: 'rating' };

/** The picker's group of an event: the part of its name before the dot, or where it is listed. */
export function eventGroup(event: string): string {
  const prefix = event.split('.')[0];
  return GROUP_OF_PREFIX[prefix] ?? prefix;
}

/** Every subscribable event under its group, in the contract's order. */
export function eventGroups(): { group: WebhookEventGroup; events: WebhookEventType[] }[] {
  return WEBHOOK_EVENT_GROUPS.map((group) => ({
    group,
    events: WEBHOOK_EVENTS.filter((event) => eventGroup(event) === group),
  }));
}

/** One custom header row of the form (rows may be blank while typed). */
export interface HeaderDraft {
  name: string;
  value: string;
}

export interface WebhookDraft {
  url: string;
  description: string;
  /** Every event, also those added later (sent as an empty list). */
  allEvents: boolean;
  events: WebhookEventType[];
  headers: HeaderDraft[];
}

export function draftFrom(endpoint: WebhookEndpointView | null): WebhookDraft {
  return {
    url: endpoint?.url ?? '',
    description: endpoint?.description ?? '',
    allEvents: !endpoint || endpoint.events.length === 0,
    events: endpoint ? [...endpoint.events] : [],
    headers: endpoint
      ? Object.entries(endpoint.headers).map(([name, value]) => ({ name, value }))
      : [],
  };
}

/** The headers to send: blank rows dropped, names and values trimmed. */
export function headersFrom(rows: readonly HeaderDraft[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const row of rows) {
    const name = row.name.trim();
    if (name) headers[name] = row.value.trim();
  }
  return headers;
}

/** The chosen events in the contract's order, or none for "all events". */
function eventsFrom(draft: WebhookDraft): WebhookEventType[] {
  return draft.allEvents ? [] : WEBHOOK_EVENTS.filter((event) => draft.events.includes(event));
}

export function createBody(draft: WebhookDraft): CreateWebhookEndpointBody {
  return {
    url: draft.url.trim(),
    description: draft.description.trim(),
    events: eventsFrom(draft),
    headers: headersFrom(draft.headers),
  };
}

const sameRecord = (a: Record<string, string>, b: Record<string, string>): boolean =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** What changed in an endpoint's form, for its PATCH. */
export function updateBody(
  endpoint: WebhookEndpointView,
  draft: WebhookDraft,
): UpdateWebhookEndpointBody {
  const next = createBody(draft);
  const changes: UpdateWebhookEndpointBody = {};
  if (next.url !== endpoint.url) changes.url = next.url;
  if (next.description !== endpoint.description) changes.description = next.description;
  const events = next.events ?? [];
  if ([...events].sort().join() !== [...endpoint.events].sort().join()) changes.events = events;
  const headers = next.headers ?? {};
  if (!sameRecord(headers, endpoint.headers)) changes.headers = headers;
  return changes;
}

/** Where the form shows a message: under a field, or above the form (`form`). */
export type WebhookFormPlace = 'url' | 'description' | 'events' | 'headers' | 'form';

/** Mistakes caught before sending, as locale keys under their field. */
export function draftProblems(draft: WebhookDraft): Partial<Record<WebhookFormPlace, string>> {
  const problems: Partial<Record<WebhookFormPlace, string>> = {};
  if (!draft.url.trim()) problems.url = 'webhooks.form.urlRequired';
  // An empty list means every event: "choose" with nothing chosen must not save as "all".
  if (!draft.allEvents && draft.events.length === 0)
    problems.events = 'webhooks.form.eventsRequired';
  if (draft.headers.some((row) => !row.name.trim() && row.value.trim()))
    problems.headers = 'webhooks.form.headerNameRequired';
  return problems;
}

/** The error codes of the webhooks catalogue that name one field without `errors[]`. */
function placeOfCode(code: string): WebhookFormPlace {
  if (code.startsWith('webhook/url_')) return 'url';
  if (code === 'webhook/unknown_events') return 'events';
  if (code === 'webhook/header_not_allowed') return 'headers';
  return 'form';
}

function placeOfField(field: string): WebhookFormPlace {
  const root = field.split(/[.[]/)[0];
  return root === 'url' || root === 'description' || root === 'events' || root === 'headers'
    ? root
    : 'form';
}

/**
 * A refused save's messages by place: each field error under its field (`headers.x-api-key`
 * under the headers), a URL, events or header problem without `errors[]` under that field by
 * its code, anything else above the form.
 */
export function placeErrors(problem: {
  code: string;
  message: string;
  fieldErrors: readonly ProblemFieldError[];
}): Partial<Record<WebhookFormPlace, string>> {
  const placed: Partial<Record<WebhookFormPlace, string>> = {};
  for (const error of problem.fieldErrors) {
    const place = placeOfField(error.field);
    placed[place] ??= error.message;
  }
  if (!problem.fieldErrors.length) placed[placeOfCode(problem.code)] = problem.message;
  return placed;
}
