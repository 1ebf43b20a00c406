import { WEBHOOK_EVENTS, type WebhookEndpointView } from '@sanad/contracts';
import {
  createBody,
  draftFrom,
  draftProblems,
  eventGroup,
  eventGroups,
  headersFrom,
  placeErrors,
  updateBody,
} from './webhook-form';

const endpoint: WebhookEndpointView = {
  id: 'e1',
  url: 'https://hooks.example.com/sanad',
  description: 'CRM',
  events: ['message.created', 'conversation.created'],
  status: 'enabled',
  disabledReason: null,
  disabledAt: null,
  headers: { 'x-api-key': 'k1' },
  previousSecretExpiresAt: null,
  createdBy: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  health: {
    lastAttemptAt: null,
    lastStatus: null,
    attempts24h: 0,
    failures24h: 0,
    pending: 0,
    failingSince: null,
  },
};

describe('webhook form', () => {
  it('groups every event once, by the part before the dot', () => {
    const groups = eventGroups();
    expect(groups.map((g) => g.group)).toEqual([
      'conversation',
      'message',
      'contact',
      'company',
      'form',
      'rating',
    ]);
    expect(groups.flatMap((g) => g.events).sort()).toEqual([...WEBHOOK_EVENTS].sort());
    expect(groups[1].events).toEqual(['message.created', 'message.updated']);
    // NPS answers are listed with the ratings.
    expect(groups[5].events).toEqual(['rating.created', 'rating.updated', 'nps.responded']);
  });

  it('lists NPS responses with the ratings', () => {
    expect(eventGroup('nps.responded')).toBe('rating');
    expect(eventGroup('rating.created')).toBe('rating');
    expect(eventGroup('form.submitted')).toBe('form');
  });

  it('starts a new endpoint on every event, an existing one on its own', () => {
    expect(draftFrom(null)).toEqual({
      url: '',
      description: '',
      allEvents: true,
      events: [],
      headers: [],
    });
    expect(draftFrom(endpoint)).toMatchObject({
      allEvents: false,
      events: ['message.created', 'conversation.created'],
      headers: [{ name: 'x-api-key', value: 'k1' }],
    });
    expect(draftFrom({ ...endpoint, events: [] }).allEvents).toBe(true);
  });

  it('drops blank header rows and trims the rest', () => {
    expect(
      headersFrom([
        { name: ' X-Api-Key ', value: ' secret ' },
        { name: '', value: '' },
        { name: 'x-tenant', value: '' },
      ]),
    ).toEqual({ 'X-Api-Key': 'secret', 'x-tenant': '' });
  });

  it('sends "all events" as an empty list and chosen events in the contract order', () => {
    const draft = { ...draftFrom(null), url: ' https://a.example/h ' };
    expect(createBody(draft)).toEqual({
      url: 'https://a.example/h',
      description: '',
      events: [],
      headers: {},
    });
    expect(
      createBody({
        ...draft,
        allEvents: false,
        events: ['contact.created', 'conversation.created'],
      }).events,
    ).toEqual(['conversation.created', 'contact.created']);
    // The ticks stay when "all" is chosen again, but are not sent.
    expect(createBody({ ...draft, allEvents: true, events: ['contact.created'] }).events).toEqual(
      [],
    );
  });

  it('patches only what changed', () => {
    const draft = draftFrom(endpoint);
    expect(updateBody(endpoint, draft)).toEqual({});
    expect(updateBody(endpoint, { ...draft, events: [...draft.events].reverse() })).toEqual({});
    expect(updateBody(endpoint, { ...draft, description: ' CRM 2 ' })).toEqual({
      description: 'CRM 2',
    });
    expect(updateBody(endpoint, { ...draft, allEvents: true })).toEqual({ events: [] });
    expect(updateBody(endpoint, { ...draft, headers: [] })).toEqual({ headers: {} });
  });

  it('catches an empty URL, "choose" with nothing chosen and a value without a name', () => {
    expect(draftProblems({ ...draftFrom(endpoint) })).toEqual({});
    expect(
      draftProblems({
        ...draftFrom(null),
        allEvents: false,
        headers: [{ name: ' ', value: 'v' }],
      }),
    ).toEqual({
      url: 'webhooks.form.urlRequired',
      events: 'webhooks.form.eventsRequired',
      headers: 'webhooks.form.headerNameRequired',
    });
  });

  it('puts field errors under their field and URL codes under the URL', () => {
    expect(
      placeErrors({
        code: 'request/validation',
        message: 'Check the fields.',
        fieldErrors: [
          { field: 'url', code: 'webhook/url_scheme', message: 'Use https.' },
          { field: 'headers.x-api-key', code: 'too_long', message: 'Too long.' },
          { field: 'events[0]', code: 'invalid', message: 'Unknown.' },
          { field: 'other', code: 'x', message: 'Other.' },
        ],
      }),
    ).toEqual({ url: 'Use https.', headers: 'Too long.', events: 'Unknown.', form: 'Other.' });
    expect(
      placeErrors({
        code: 'webhook/url_forbidden_address',
        message: 'Internal address (127.0.0.1).',
        fieldErrors: [],
      }),
    ).toEqual({ url: 'Internal address (127.0.0.1).' });
    expect(
      placeErrors({ code: 'webhook/unknown_events', message: 'Unknown: x.', fieldErrors: [] }),
    ).toEqual({ events: 'Unknown: x.' });
    expect(
      placeErrors({ code: 'webhook/header_not_allowed', message: 'No host.', fieldErrors: [] }),
    ).toEqual({ headers: 'No host.' });
    expect(placeErrors({ code: 'webhook/limit', message: 'Too many.', fieldErrors: [] })).toEqual({
      form: 'Too many.',
    });
  });
});
