import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SESSION_COOKIE } from '@sanad/contracts';
import type { ErrorCode } from '@sanad/core';
import { ERROR_CATALOG } from '../http/error-catalog';
import { exampleFor } from './openapi-examples.util';
import type { JsonSchema } from './openapi-types';
import { ProblemExamples } from './problem-examples';
import { routeFacts, type RouteFacts } from './route-facts';
import { CONTRACT_SCHEMAS, ROUTE_RESPONSES } from './route-schemas.generated';

const READS = new Set(['get', 'head']);
const PROBLEM = { $ref: '#/components/schemas/Problem' };

const DESCRIPTION = `Sanad (سند) REST API, version 1. Everything the web app does goes through it.

**Authentication.** Send an API token as \`Authorization: Bearer snd_…\` (an admin creates it in Settings → API tokens; it acts as that admin). A \`read\` token may only GET and HEAD: any other method answers 403 \`token/read_only\`. A \`write\` token may do everything its creator may. The web app uses the session cookie instead (its writes also send \`X-CSRF-Token\`).

**Errors** are \`application/problem+json\` (RFC 9457) with a stable \`code\` to branch on, \`title\` in English and \`detail\` in the caller's language (the member's, else \`Accept-Language\`, else Arabic). Validation failures list each field in \`errors\`.

**Pagination.** Lists that can grow without bound answer \`{ items, nextCursor }\`: pass \`nextCursor\` back as \`cursor\` (with the same filters) for the next page; \`null\` means the last page. Cursors are opaque. The other lists say in their description why they are complete in one answer. The event feed (\`GET /events\`) pages by sequence number instead (\`after\`).

**Idempotency.** Every creating POST takes an \`Idempotency-Key\` header: a retry with the same key and body answers what the first request did (\`Idempotent-Replayed: true\`) and changes nothing; the same key with another body is 409 \`request/idempotency_conflict\`. Keys are kept 24 hours, per workspace and per token.

**Rate limits.** Each API token may spend \`API_TOKEN_RATE_LIMIT\` points a minute (600 by default); a read costs 1 and a write 2. Every token answer carries \`RateLimit-Limit\`, \`RateLimit-Remaining\` and \`RateLimit-Reset\` (seconds); beyond the budget the answer is 429 \`token/rate_limited\` with \`Retry-After\`.`;

interface Operation {
  operationId: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; description?: string; schema?: JsonSchema }>;
  requestBody?: { content: Record<string, { schema?: JsonSchema; example?: unknown }> };
  responses: Record<string, Response>;
  security?: Array<Record<string, string[]>>;
}

interface Response {
  description: string;
  content?: Record<string, { schema?: JsonSchema; example?: unknown; examples?: unknown }>;
  headers?: Record<string, unknown>;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: the work goes on in the background',
  204: 'Done; no body',
  400: 'The request is malformed or a field is not valid',
  401: 'No valid session or API token',
  403: 'Not allowed: role, read-only token or CSRF',
  404: 'Not found (also for another workspace’s ids)',
  409: 'Conflict',
  413: 'The body is larger than allowed',
  422: 'Understood, but refused by a rule',
  429: 'Too many requests: wait Retry-After seconds',
  500: 'Something failed on our side (logged; no details are given)',
};

/** The statuses and codes an operation may answer with besides success. */
function errorCodes(method: string, path: string, op: Operation, facts: RouteFacts): ErrorCode[] {
  const codes: ErrorCode[] = [];
  const hasInput =
    op.requestBody !== undefined || (op.parameters ?? []).some((p) => p.in !== 'header');
  if (hasInput) codes.push('request/validation');
  if (op.requestBody?.content['application/json']) codes.push('request/malformed_json');
  if (!facts.isPublic) codes.push('auth/unauthenticated');
  if (facts.roles.length > 0) codes.push('auth/forbidden');
  if (!facts.isPublic && !READS.has(method)) codes.push('token/read_only', 'auth/csrf_failed');
  if (path.includes('{')) codes.push(facts.notFound ?? 'request/not_found');
  if (facts.idempotent) codes.push('request/idempotency_conflict');
  if (op.requestBody) codes.push('request/too_large');
  if (!facts.isPublic) codes.push('token/rate_limited');
  codes.push(...facts.errors, 'internal');
  return [...new Set(codes)];
}

const HEADERS = {
  'RateLimit-Limit': {
    description: 'API tokens only: points the token may spend per minute.',
    schema: { type: 'integer', example: 600 },
  },
  'RateLimit-Remaining': {
    description: 'API tokens only: points left in this minute (a read costs 1, a write 2).',
    schema: { type: 'integer', example: 597 },
  },
  'RateLimit-Reset': {
    description: 'API tokens only: seconds until the budget is full again.',
    schema: { type: 'integer', example: 42 },
  },
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    schema: { type: 'integer', example: 42 },
  },
  'Idempotent-Replayed': {
    description:
      '`true` when this is the stored answer of an earlier request with the same Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
};

const headerRef = (name: keyof typeof HEADERS) => ({ $ref: `#/components/headers/${name}` });

function rateHeaders(): Record<string, unknown> {
  return {
    'RateLimit-Limit': headerRef('RateLimit-Limit'),
    'RateLimit-Remaining': headerRef('RateLimit-Remaining'),
    'RateLimit-Reset': headerRef('RateLimit-Reset'),
  };
}

/** The success answer: the generated schema and an example, or the file it streams. */
function successResponse(
  method: string,
  op: Operation,
  facts: RouteFacts,
  components: Record<string, JsonSchema>,
): void {
  // A route added since the schemas were generated is left as Nest documents it: the unit spec
  // (stale schemas) and the document's medium spec fail, the server still starts.
  const route = ROUTE_RESPONSES[op.operationId.replace('_', '.')];
  if (!route) return;
  const successKey = Object.keys(op.responses).find((status) => status.startsWith('2'));
  const status = Number(successKey ?? facts.status ?? (method === 'post' ? 201 : 200));
  const success: Response = { description: STATUS_TEXT[status] ?? 'OK' };
  if (route.schema) {
    success.content = {
      'application/json': { schema: route.schema, example: exampleFor(route.schema, components) },
    };
  } else if (status !== 204) {
    const types = facts.produces.length > 0 ? facts.produces : ['application/octet-stream'];
    success.content = Object.fromEntries(
      types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    );
  }
  const headers: Record<string, unknown> = facts.isPublic ? {} : rateHeaders();
  if (facts.idempotent) headers['Idempotent-Replayed'] = headerRef('Idempotent-Replayed');
  if (Object.keys(headers).length > 0) success.headers = headers;
  for (const other of Object.keys(op.responses))
    if (other.startsWith('2')) delete op.responses[other];
  op.responses[String(status)] = success;
}

/** One problem-details answer per status the route may fail with, its codes as examples. */
function errorResponses(
  method: string,
  path: string,
  op: Operation,
  facts: RouteFacts,
  problems: ProblemExamples,
): void {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodes(method, path, op, facts)) {
    const codeStatus = ERROR_CATALOG[code].status;
    byStatus.set(codeStatus, [...(byStatus.get(codeStatus) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const response: Response = {
      description: `${STATUS_TEXT[status] ?? 'Refused'}: ${codes.map((c) => `\`${c}\``).join(', ')}`,
      content: {
        'application/problem+json': { schema: PROBLEM, examples: problems.refs(codes) },
      },
    };
    if (status === 429) response.headers = { 'Retry-After': headerRef('Retry-After') };
    if (!facts.isPublic && status !== 401)
      response.headers = { ...rateHeaders(), ...response.headers };
    op.responses[String(status)] = response;
  }
}

/** A JSON body's example (its required fields, or all when none is), and the page parameters. */
function requestDetails(op: Operation, components: Record<string, JsonSchema>): void {
  for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
    if (type !== 'application/json' || !media.schema || 'example' in media) continue;
    const some = exampleFor(media.schema, components, { requiredOnly: true });
    media.example =
      some && typeof some === 'object' && Object.keys(some).length === 0
        ? exampleFor(media.schema, components)
        : some;
  }
  for (const parameter of op.parameters ?? []) {
    if (parameter.in === 'query' && parameter.name === 'cursor')
      parameter.description ??=
        'Opaque: the `nextCursor` of the previous page, sent with the same filters.';
    if (parameter.in === 'query' && parameter.name === 'limit')
      parameter.description ??= 'How many items per page.';
  }
}

/** What the description adds: how the list pages (or why it need not), who may call it. */
function notes(method: string, op: Operation, facts: RouteFacts): void {
  const route = ROUTE_RESPONSES[op.operationId.replace('_', '.')];
  const properties = (route?.schema?.properties ?? {}) as Record<string, JsonSchema>;
  const lines: string[] = [];
  if (properties.items && properties.nextCursor)
    lines.push('Paginated by cursor: pass `nextCursor` back as `cursor` until it is null.');
  else if (facts.wholeList) lines.push(`Not paginated: ${facts.wholeList}`);
  if (facts.roles.length > 0) lines.push(`Only for: ${facts.roles.join(', ')}.`);
  if (!facts.isPublic && !READS.has(method)) lines.push('Needs a read-write token.');
  if (lines.length > 0) op.description = [op.description, ...lines].filter(Boolean).join('\n\n');
}

/**
 * The OpenAPI document of every route, from the code: Nest's document of the routes and DTOs,
 * the response schemas generated from the controllers' return types, and what the decorators
 * say (public, roles, Idempotency-Key, the not-found code of an id) for the error answers.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sanad API')
      .setDescription(DESCRIPTION)
      .setVersion('1')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque (snd_...)',
        description: 'API token (snd_...), created by an admin',
      })
      .addCookieAuth(SESSION_COOKIE)
      .build(),
    { operationIdFactory: (controller, method) => `${controller}_${method}` },
  );
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {}) as Record<string, JsonSchema>;
  for (const [name, schema] of Object.entries(CONTRACT_SCHEMAS)) {
    if (schemas[name]) throw new Error(`two schemas are called ${name}`);
    schemas[name] = schema;
  }
  const codes = Object.keys(ERROR_CATALOG).sort();
  const problem = schemas.Problem;
  const problemProperties = problem.properties as Record<string, JsonSchema>;
  problemProperties.code = { ...problemProperties.code, enum: codes };
  (components as { headers?: unknown }).headers = HEADERS;

  const facts = routeFacts(app);
  const problems = new ProblemExamples();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      const found = facts.get(operation.operationId.replace('_', '.'));
      if (!found) continue;
      operation.security = found.isPublic ? [] : [{ bearer: [] }, { cookie: [] }];
      successResponse(method, operation, found, schemas);
      errorResponses(method, path, operation, found, problems);
      requestDetails(operation, schemas);
      notes(method, operation, found);
    }
  }
  (components as { examples?: unknown }).examples = problems.components;
  return document;
}
