import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { newWebhookSecret } from './webhook-secret.util';
import { webhookHeaders, webhookSignature } from './webhook-signature.util';

describe('webhook signatures, verified by the standardwebhooks library', () => {
  const body = JSON.stringify({
    type: 'message.created',
    timestamp: '2026-03-01T12:00:00.000Z',
    data: { id: 'm1', text: 'مرحبا بكم', private: false },
  });
  const now = () => Math.floor(Date.now() / 1000);

  it('signs what the library verifies', () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders({
      id: 'msg_2xY',
      timestampSeconds: now(),
      body,
      secrets: [secret],
      eventType: 'message.created',
    });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('matches the library’s own signer', () => {
    const secret = newWebhookSecret();
    const at = new Date('2026-03-01T12:00:00Z');
    const ours = webhookSignature([secret], 'msg_1', at.getTime() / 1000, body);
    expect(ours).toBe(new Webhook(secret).sign('msg_1', at, body));
  });

  it('signs with both secrets during a rotation; each verifies on its own', () => {
    const current = newWebhookSecret();
    const previous = newWebhookSecret();
    const headers = webhookHeaders({
      id: 'msg_rot',
      timestampSeconds: now(),
      body,
      secrets: [current, previous],
      eventType: 'message.created',
    });
    const entries = headers['webhook-signature'].split(' ');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toBe(
      webhookSignature([current], 'msg_rot', Number(headers['webhook-timestamp']), body),
    );
    expect(new Webhook(current).verify(body, headers)).toBeTruthy();
    expect(new Webhook(previous).verify(body, headers)).toBeTruthy();
  });

  it('fails verification with another secret, another body or another id', () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders({
      id: 'msg_x',
      timestampSeconds: now(),
      body,
      secrets: [secret],
      eventType: 'message.created',
    });
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow(
      WebhookVerificationError,
    );
    expect(() => new Webhook(secret).verify(body.replace('m1', 'm2'), headers)).toThrow(
      WebhookVerificationError,
    );
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'msg_y' })).toThrow(
      WebhookVerificationError,
    );
  });

  it('refuses to sign without a secret, with a dotted id or a fractional timestamp', () => {
    const secret = newWebhookSecret();
    expect(() => webhookSignature([], 'msg_1', 1, body)).toThrow();
    expect(() => webhookSignature([secret], 'msg.1', 1, body)).toThrow();
    expect(() => webhookSignature([secret], 'msg_1', 1.5, body)).toThrow();
  });
});

describe('webhookHeaders', () => {
  const secret = newWebhookSecret();

  it('sends the standard headers, the event type and the endpoint’s own headers', () => {
    const headers = webhookHeaders({
      id: 'msg_1',
      timestampSeconds: 1772366400,
      body: '{}',
      secrets: [secret],
      eventType: 'conversation.created',
      customHeaders: { Authorization: 'Bearer abc', 'X-Tenant': 'acme' },
    });
    expect(headers).toEqual({
      authorization: 'Bearer abc',
      'x-tenant': 'acme',
      'content-type': 'application/json',
      'user-agent': 'Sanad-Webhooks/1',
      'x-sanad-event': 'conversation.created',
      'webhook-id': 'msg_1',
      'webhook-timestamp': '1772366400',
      'webhook-signature': webhookSignature([secret], 'msg_1', 1772366400, '{}'),
    });
  });

  it('never lets custom headers replace ours or set connection headers', () => {
    const headers = webhookHeaders({
      id: 'msg_1',
      timestampSeconds: 1772366400,
      body: '{}',
      secrets: [secret],
      eventType: 'conversation.created',
      customHeaders: {
        'Webhook-Signature': 'v1,forged',
        'WEBHOOK-ID': 'other',
        'Content-Type': 'text/plain',
        'User-Agent': 'curl',
        'X-Sanad-Event': 'forged',
        Host: 'internal',
        'Content-Length': '0',
        'Transfer-Encoding': 'chunked',
        Connection: 'close',
      },
    });
    expect(headers['webhook-signature']).toBe(
      webhookSignature([secret], 'msg_1', 1772366400, '{}'),
    );
    expect(headers['webhook-id']).toBe('msg_1');
    expect(headers['content-type']).toBe('application/json');
    expect(headers['user-agent']).toBe('Sanad-Webhooks/1');
    expect(headers['x-sanad-event']).toBe('conversation.created');
    expect(Object.keys(headers).sort()).toEqual([
      'content-type',
      'user-agent',
      'webhook-id',
      'webhook-signature',
      'webhook-timestamp',
      'x-sanad-event',
    ]);
  });
});
