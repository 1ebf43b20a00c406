import { DomainError } from '@sanad/core';
import { customHeaders, subscribedEvents } from './webhook-endpoint-rules.util';

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
}

describe('webhook endpoint rules', () => {
  it('keeps known event types once, in the catalogue order; none means all', () => {
    expect(subscribedEvents(undefined)).toEqual([]);
    expect(
      subscribedEvents(['message.created', 'conversation.created', 'message.created']),
    ).toEqual(['conversation.created', 'message.created']);
    expect(codeOf(() => subscribedEvents(['conversation.created', 'nope']))).toBe(
      'webhook/unknown_events',
    );
  });

  it('takes custom headers with lower-case names, refusing ours and the framing ones', () => {
    expect(customHeaders({ Authorization: ' Bearer x ', 'X-Api-Key': 'k' })).toEqual({
      authorization: 'Bearer x',
      'x-api-key': 'k',
    });
    for (const name of [
      'webhook-id',
      'Webhook-Signature',
      'x-sanad-event',
      'Host',
      'content-length',
      'content-type',
      'transfer-encoding',
      'user-agent',
      'bad name',
    ])
      expect(codeOf(() => customHeaders({ [name]: 'v' }))).toBe('webhook/header_not_allowed');
    expect(codeOf(() => customHeaders({ 'x-a': 'line\r\nx-injected: 1' }))).toBe(
      'request/validation',
    );
    expect(codeOf(() => customHeaders({ 'x-a': 42 }))).toBe('request/validation');
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`x-${i}`, 'v']));
    expect(codeOf(() => customHeaders(many))).toBe('request/validation');
  });
});
