import type {
  CreateWebhookEndpointBody,
  CreatedWebhookEndpointView,
  ListView,
  PageView,
  RotatedWebhookSecretView,
  UpdateWebhookEndpointBody,
  WebhookDeliveryDetailView,
  WebhookDeliveryStatus,
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookReplayView,
  WebhookSecretView,
} from '@sanad/contracts';
import { request } from './client';
import { idempotencyKey } from './idempotency-key';
import { queryString } from './query-string';

export type { RotatedWebhookSecretView };

/** GET /webhook-deliveries: every filter optional; `q` is a webhook-id or a resource id. */
export interface WebhookDeliveryQuery {
  endpointId?: string;
  eventType?: string;
  status?: WebhookDeliveryStatus;
  from?: string;
  to?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

export const webhooksApi = {
  list: () => request<ListView<WebhookEndpointView>>('GET', '/webhooks'),
  get: (id: string) => request<WebhookEndpointView>('GET', `/webhooks/${id}`),
  /** `key`: one Idempotency-Key per submit of the dialog, so a double click creates one. */
  create: (body: CreateWebhookEndpointBody, key: string = idempotencyKey()) =>
    request<CreatedWebhookEndpointView>('POST', '/webhooks', body, {
      headers: { 'Idempotency-Key': key },
    }),
  update: (id: string, body: UpdateWebhookEndpointBody) =>
    request<WebhookEndpointView>('PATCH', `/webhooks/${id}`, body),
  remove: (id: string) => request<void>('DELETE', `/webhooks/${id}`),
  pause: (id: string) => request<WebhookEndpointView>('POST', `/webhooks/${id}/pause`),
  resume: (id: string) => request<WebhookEndpointView>('POST', `/webhooks/${id}/resume`),
  secret: (id: string) => request<WebhookSecretView>('GET', `/webhooks/${id}/secret`),
  rotateSecret: (id: string) =>
    request<RotatedWebhookSecretView>('POST', `/webhooks/${id}/rotate-secret`),
  test: (id: string) => request<WebhookDeliveryView>('POST', `/webhooks/${id}/test`),
  replay: (id: string, since: string) =>
    request<WebhookReplayView>('POST', `/webhooks/${id}/replay`, { since }),
};

export const webhookDeliveriesApi = {
  list: (query: WebhookDeliveryQuery) =>
    request<PageView<WebhookDeliveryView>>(
      'GET',
      `/webhook-deliveries${queryString({ ...query })}`,
    ),
  get: (id: string) => request<WebhookDeliveryDetailView>('GET', `/webhook-deliveries/${id}`),
  redeliver: (id: string) =>
    request<WebhookDeliveryView>('POST', `/webhook-deliveries/${id}/redeliver`),
};
