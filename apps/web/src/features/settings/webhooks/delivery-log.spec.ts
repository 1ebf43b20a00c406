import type { WebhookDeliveryView } from '@sanad/contracts';
import {
  blankFilters,
  deliveryQuery,
  failureRate,
  headerList,
  isoToLocal,
  isUnsettled,
  localToIso,
  mergeNewest,
  prettyJson,
} from './delivery-log';

function delivery(id: string, status: WebhookDeliveryView['status']): WebhookDeliveryView {
  return {
    id,
    endpointId: 'e1',
    webhookId: `msg_${id}`,
    eventType: 'webhook.test',
    resourceId: null,
    status,
    attempts: 1,
    nextAttemptAt: null,
    lastStatusCode: null,
    lastError: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

describe('delivery log', () => {
  it('asks for one endpoint, with only the filters that are set', () => {
    expect(deliveryQuery('e1', blankFilters(), 'Asia/Riyadh')).toEqual({ endpointId: 'e1' });
    expect(
      deliveryQuery(
        'e1',
        {
          eventType: 'message.created',
          status: 'failed',
          from: '2025-03-01T09:05',
          to: 'not a time',
          q: '  msg_2abc ',
        },
        'Asia/Riyadh',
      ),
    ).toEqual({
      endpointId: 'e1',
      eventType: 'message.created',
      status: 'failed',
      // 09:05 on the workspace's clock (Riyadh), whatever the browser's zone.
      from: '2025-03-01T06:05:00.000Z',
      q: 'msg_2abc',
    });
  });

  it("reads and writes datetime-local values on the workspace's clock", () => {
    expect(localToIso('', 'Asia/Riyadh')).toBeUndefined();
    expect(localToIso('not a time', 'Asia/Riyadh')).toBeUndefined();
    const at = new Date('2025-01-09T04:03:00Z');
    expect(isoToLocal(at, 'Asia/Riyadh')).toBe('2025-01-09T07:03');
    expect(isoToLocal(at, 'America/New_York')).toBe('2025-01-08T23:03');
    expect(localToIso(isoToLocal(at, 'Asia/Riyadh'), 'Asia/Riyadh')).toBe(at.toISOString());
  });

  it('knows which deliveries are still moving', () => {
    expect(isUnsettled({ status: 'pending' })).toBe(true);
    expect(isUnsettled({ status: 'delivering' })).toBe(true);
    expect(isUnsettled({ status: 'succeeded' })).toBe(false);
    expect(isUnsettled({ status: 'failed' })).toBe(false);
  });

  it('puts new rows on top, updates shown ones and keeps later pages', () => {
    const shown = [delivery('b', 'pending'), delivery('a', 'failed')];
    const fresh = [delivery('c', 'pending'), delivery('b', 'succeeded')];
    expect(mergeNewest(shown, fresh).map((d) => [d.id, d.status])).toEqual([
      ['c', 'pending'],
      ['b', 'succeeded'],
      ['a', 'failed'],
    ]);
  });

  it('indents JSON bodies and leaves anything else as it came', () => {
    expect(prettyJson('{"type":"webhook.test","data":{"a":1}}')).toBe(
      '{\n  "type": "webhook.test",\n  "data": {\n    "a": 1\n  }\n}',
    );
    expect(prettyJson('<html>oops</html>')).toBe('<html>oops</html>');
    expect(prettyJson('')).toBe('');
  });

  it('sorts headers by name', () => {
    expect(headerList({ 'webhook-id': 'msg_1', 'content-type': 'application/json' })).toEqual([
      ['content-type', 'application/json'],
      ['webhook-id', 'msg_1'],
    ]);
  });

  it('gives the failure rate of the last day, none without attempts', () => {
    const health = {
      lastAttemptAt: null,
      lastStatus: null,
      attempts24h: 0,
      failures24h: 0,
      pending: 0,
      failingSince: null,
    };
    expect(failureRate(health)).toBeNull();
    expect(failureRate({ ...health, attempts24h: 8, failures24h: 2 })).toBe(0.25);
  });
});
