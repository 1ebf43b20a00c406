import { WEBHOOK_TEST_EVENT, type WEBHOOK_EVENTS } from '@sanad/contracts';

/**
 * JSON Schemas of what endpoints receive, for the OpenAPI document's `x-webhooks` section (the
 * document is OpenAPI 3.0, whose own `webhooks` key arrived only in 3.1). They describe the
 * types in `libs/contracts` (views, event data); `webhooks.medium-spec.ts` checks them
 * against real presented events.
 */
type Schema = Record<string, unknown>;

const str = { type: 'string' };
const nullableStr = { type: 'string', nullable: true };
const time = { type: 'string', format: 'date-time' };
const nullableTime = { type: 'string', format: 'date-time', nullable: true };
const uuid = { type: 'string', format: 'uuid' };
const ref = (id: string): Schema => ({ $ref: `#/components/schemas/${id}` });
const object = (properties: Schema, required = Object.keys(properties)): Schema => ({
  type: 'object',
  properties,
  required,
});

const nameRef = object({ id: uuid, name: str });
const categoryRef = object({ id: uuid, name: str, color: str });

/** Component schemas the events refer to. */
export const WEBHOOK_COMPONENT_SCHEMAS: Record<string, Schema> = {
  WebhookContactSummary: object({
    id: uuid,
    name: nullableStr,
    emails: { type: 'array', items: str },
    phones: { type: 'array', items: str, description: 'E.164' },
    externalId: nullableStr,
    categoryId: { ...uuid, nullable: true },
    companyId: { ...uuid, nullable: true },
  }),
  WebhookConversation: object({
    id: uuid,
    number: { type: 'integer', description: 'Per workspace (#1234)' },
    subject: str,
    status: { type: 'string', enum: ['open', 'pending', 'closed'] },
    channel: { type: 'string', example: 'api' },
    mailboxId: uuid,
    contact: { ...ref('WebhookContactSummary'), nullable: true },
    assignee: { ...nameRef, nullable: true },
    team: { ...nameRef, nullable: true },
    priority: { type: 'string', enum: ['low', 'normal', 'high', 'urgent'] },
    tags: { type: 'array', items: str },
    followers: { type: 'array', items: uuid },
    lastPublicFrom: { type: 'string', enum: ['contact', 'user'], nullable: true },
    lastMessageAt: time,
    createdAt: time,
    updatedAt: { ...time, description: 'Keep the snapshot with the latest updatedAt' },
    firstAgentReplyAt: nullableTime,
    lastCustomerMessageAt: nullableTime,
    lastAgentReplyAt: nullableTime,
    closedAt: nullableTime,
    reopenedAt: nullableTime,
    snoozedUntil: nullableTime,
  }),
  WebhookMessage: object({
    id: uuid,
    conversationId: uuid,
    kind: { type: 'string', enum: ['reply', 'note', 'activity'] },
    author: object({
      type: { type: 'string', enum: ['contact', 'user', 'system'] },
      id: { ...uuid, nullable: true },
      name: nullableStr,
    }),
    text: str,
    html: { ...nullableStr, description: 'Sanitised HTML of an email' },
    data: { type: 'object', description: 'Timeline entries: what changed' },
    attachments: {
      type: 'array',
      items: object({
        id: uuid,
        fileName: str,
        contentType: str,
        size: { type: 'integer' },
        url: { type: 'string', description: 'Download with the API token' },
        inlineSafe: { type: 'boolean' },
        contentId: nullableStr,
      }),
    },
    mentions: { type: 'array', items: nameRef },
    delivery: {
      type: 'object',
      nullable: true,
      properties: {
        status: { type: 'string', enum: ['queued', 'sent', 'failed'] },
        error: nullableStr,
      },
    },
    createdAt: time,
  }),
  WebhookPerson: object({
    id: uuid,
    name: nullableStr,
    initials: str,
    emails: { type: 'array', items: str },
    phones: { type: 'array', items: str },
    externalId: nullableStr,
    registered: { type: 'boolean' },
    company: { ...nameRef, nullable: true },
    companyLink: { type: 'string', enum: ['domain', 'manual'], nullable: true },
    category: { ...categoryRef, nullable: true },
    customFields: { type: 'object', description: 'By field key' },
    notes: nullableStr,
    language: { type: 'string', enum: ['ar', 'en'], nullable: true },
    createdAt: time,
    updatedAt: time,
    lastSeenAt: nullableTime,
    lastConversationAt: nullableTime,
  }),
  WebhookCompany: object({
    id: uuid,
    name: str,
    domains: { type: 'array', items: str },
    category: { ...categoryRef, nullable: true },
    customFields: { type: 'object' },
    notes: nullableStr,
    peopleCount: { type: 'integer' },
    createdAt: time,
    updatedAt: time,
  }),
  WebhookFormSubmission: object({
    id: uuid,
    formId: uuid,
    formName: str,
    version: { type: 'integer', description: 'The form version it was made against' },
    state: { type: 'string', enum: ['new', 'read', 'archived', 'spam'] },
    spamReason: {
      type: 'string',
      enum: ['honeypot', 'too_fast', 'challenge', 'rate'],
      nullable: true,
    },
    language: { type: 'string', enum: ['ar', 'en'] },
    preview: str,
    contact: {
      type: 'object',
      nullable: true,
      properties: { id: uuid, name: nullableStr, email: nullableStr },
    },
    conversationId: { ...uuid, nullable: true },
    createdAt: time,
    answers: {
      type: 'array',
      description: 'The version’s fields in order, with their answers',
      items: object({
        key: str,
        type: str,
        label: object({ ar: str, en: str }),
        value: { description: 'Text, number, boolean, option values, or null (unanswered)' },
        display: { ...object({ ar: str, en: str }), nullable: true },
      }),
    },
    files: {
      type: 'array',
      items: object({
        id: uuid,
        fieldKey: str,
        fileName: str,
        contentType: str,
        size: { type: 'integer' },
        url: { type: 'string', description: 'Download with the API token' },
      }),
    },
    pageUrl: nullableStr,
    referrer: nullableStr,
    userAgent: nullableStr,
    editedAt: nullableTime,
    editedBy: { ...uuid, nullable: true },
  }),
  WebhookRating: object({
    id: uuid,
    conversationId: uuid,
    conversationNumber: { type: 'integer' },
    contactId: { ...uuid, nullable: true },
    agentId: { ...uuid, nullable: true, description: 'The assignee when first rated' },
    teamId: { ...uuid, nullable: true },
    mailboxId: uuid,
    channel: { type: 'string', enum: ['email', 'chat', 'form', 'api'] },
    tagIds: { type: 'array', items: uuid },
    categoryId: { ...uuid, nullable: true, description: 'The contact’s category when first rated' },
    score: { type: 'integer', minimum: 1, maximum: 5, description: 'The overall stars' },
    dimensions: object({
      manner: { type: 'integer', minimum: 1, maximum: 5, nullable: true },
      speed: { type: 'integer', minimum: 1, maximum: 5, nullable: true },
      clarity: { type: 'integer', minimum: 1, maximum: 5, nullable: true },
      happiness: { type: 'integer', minimum: 1, maximum: 5, nullable: true },
    }),
    comment: { ...nullableStr, description: 'The customer’s words: show them as plain text' },
    firstRatedAt: time,
    updatedAt: time,
  }),
  WebhookNpsResponse: object({
    id: uuid,
    surveyId: uuid,
    score: {
      type: 'integer',
      minimum: 0,
      maximum: 10,
      description: '9–10 promoter, 7–8 passive, 0–6 detractor',
    },
    comment: { ...nullableStr, description: 'The customer’s words: show them as plain text' },
    respondedAt: time,
    updatedAt: time,
    person: { ...nameRef, nullable: true, description: 'Null once the person is erased' },
  }),
};

const changes = {
  type: 'array',
  description: 'What changed, as the timeline records it',
  items: { type: 'object', properties: { action: str, from: {}, to: {} }, required: ['action'] },
  example: [{ action: 'status', from: 'open', to: 'closed' }],
};
const conversationData = object(
  { mailboxId: uuid, previousMailboxId: uuid, conversation: ref('WebhookConversation'), changes },
  ['mailboxId', 'conversation'],
);
const messageData = object({
  mailboxId: uuid,
  conversationId: uuid,
  private: { type: 'boolean', description: 'A note: never shown to the customer' },
  message: ref('WebhookMessage'),
});
const merged = (view: string): Schema =>
  object({
    sourceId: uuid,
    targetId: uuid,
    [view === 'WebhookPerson' ? 'contact' : 'company']: ref(view),
  });

const DATA: Record<(typeof WEBHOOK_EVENTS)[number] | typeof WEBHOOK_TEST_EVENT, Schema> = {
  'conversation.created': conversationData,
  'conversation.updated': conversationData,
  'conversation.status_changed': conversationData,
  'conversation.assigned': conversationData,
  'conversation.merged': object({
    mailboxId: uuid,
    previousMailboxId: uuid,
    sourceId: uuid,
    targetId: uuid,
  }),
  'message.created': messageData,
  'message.updated': messageData,
  'contact.created': object({ contact: ref('WebhookPerson') }),
  'contact.updated': object(
    { contact: ref('WebhookPerson'), changed: { type: 'array', items: str } },
    ['contact'],
  ),
  'contact.merged': merged('WebhookPerson'),
  'contact.deleted': object({ contactId: uuid }),
  'company.created': object({ company: ref('WebhookCompany') }),
  'company.updated': object(
    { company: ref('WebhookCompany'), changed: { type: 'array', items: str } },
    ['company'],
  ),
  'company.merged': merged('WebhookCompany'),
  'company.deleted': object({ companyId: uuid }),
  'form.submitted': object({ submission: ref('WebhookFormSubmission') }),
  'rating.created': object({ rating: ref('WebhookRating') }),
  'rating.updated': object({ rating: ref('WebhookRating') }),
  'nps.responded': object({
    survey: object({ id: uuid, name: str }),
    response: ref('WebhookNpsResponse'),
  }),
  [WEBHOOK_TEST_EVENT]: object({ endpointId: uuid, message: str }),
};

const HEADERS = [
  ['webhook-id', 'The message id (msg_…): the same on every attempt; drop ones already handled'],
  ['webhook-timestamp', 'Unix seconds of this attempt'],
  [
    'webhook-signature',
    'Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per valid secret',
  ],
  ['x-sanad-event', 'The event type, for people reading logs'],
] as const;

/** The body schema of one event type: the envelope with its data. */
export function webhookBodySchema(type: keyof typeof DATA): Schema {
  return object({
    type: { type: 'string', enum: [type] },
    timestamp: { ...time, description: 'When the event happened' },
    workspaceId: uuid,
    seq: { type: 'integer', nullable: true, description: 'Orders the workspace’s events' },
    data: DATA[type],
  });
}

/** `x-webhooks`: one POST per event type that Sanad sends to endpoints. */
export function webhookDocs(): Record<string, Schema> {
  return Object.fromEntries(
    (Object.keys(DATA) as Array<keyof typeof DATA>).map((type) => [
      type,
      {
        post: {
          summary: type,
          tags: ['webhooks'],
          parameters: HEADERS.map(([name, description]) => ({
            in: 'header',
            name,
            required: name !== 'x-sanad-event',
            description,
            schema: { type: 'string' },
          })),
          requestBody: {
            required: true,
            content: { 'application/json': { schema: webhookBodySchema(type) } },
          },
          responses: {
            '2XX': { description: 'Received. Anything else (or no answer in 15 s) is retried.' },
            '410': { description: 'Gone: the endpoint is disabled at once.' },
          },
        },
      },
    ]),
  );
}
