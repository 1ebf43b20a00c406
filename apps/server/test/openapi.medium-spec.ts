import { sharedTestApp } from './test-app';

/**
 * The OpenAPI document served at /api/docs-json is complete: every operation says what it
 * answers on success (schema and example), how it fails (problem details with examples), what
 * body it takes, that creating POSTs take an Idempotency-Key, and that lists page by cursor or
 * say why they need not. A new route without these fails here.
 */
const app = sharedTestApp({ roles: ['api'] });

type Schema = { [key: string]: unknown };
interface Media {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, unknown>;
}
interface Operation {
  operationId: string;
  description?: string;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; examples: Record<string, { value: unknown }> };
}

let doc: Document;
beforeAll(async () => {
  doc = (await (await fetch(`${app.base}/api/docs-json`)).json()) as Document;
});

function operations(): Array<{ name: string; method: string; path: string; op: Operation }> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      name: `${method.toUpperCase()} ${path}`,
      method,
      path,
      op,
    })),
  );
}

function resolve(schema: Schema | undefined): Schema | undefined {
  const ref = schema?.$ref;
  return typeof ref === 'string'
    ? doc.components.schemas[ref.replace('#/components/schemas/', '')]
    : schema;
}

/** Why `value` does not fit `schema` (the parts of JSON Schema the document uses), or null. */
function mismatch(value: unknown, schema: Schema | undefined, at: string): string | null {
  const s = resolve(schema);
  if (!s) return `${at}: unknown schema`;
  if (value === null) return s.nullable ? null : `${at}: null but not nullable`;
  if (Array.isArray(s.allOf)) {
    for (const part of s.allOf as Schema[]) {
      const problem = mismatch(value, part, at);
      if (problem) return problem;
    }
    return null;
  }
  if (Array.isArray(s.oneOf))
    return (s.oneOf as Schema[]).some((part) => mismatch(value, part, at) === null)
      ? null
      : `${at}: fits none of oneOf`;
  if (Array.isArray(s.enum) && !s.enum.includes(value))
    return `${at}: ${JSON.stringify(value)} not in enum`;
  const type = s.type as string | undefined;
  if (type === 'string' && typeof value !== 'string') return `${at}: not a string`;
  if ((type === 'number' || type === 'integer') && typeof value !== 'number')
    return `${at}: not a number`;
  if (type === 'boolean' && typeof value !== 'boolean') return `${at}: not a boolean`;
  if (type === 'array') {
    if (!Array.isArray(value)) return `${at}: not an array`;
    for (const [i, item] of value.entries()) {
      const problem = mismatch(item, s.items as Schema, `${at}[${i}]`);
      if (problem) return problem;
    }
  }
  if (type === 'object' || s.properties) {
    if (typeof value !== 'object' || Array.isArray(value)) return `${at}: not an object`;
    const record = value as Record<string, unknown>;
    for (const key of (s.required ?? []) as string[])
      if (!(key in record)) return `${at}.${key}: required but missing`;
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    for (const [key, item] of Object.entries(record)) {
      const property = properties[key] ?? (s.additionalProperties as Schema | undefined);
      if (!property) return `${at}.${key}: not in the schema`;
      const problem = mismatch(item, property, `${at}.${key}`);
      if (problem) return problem;
    }
  }
  return null;
}

describe('the OpenAPI document', () => {
  it('has the routes', () => {
    expect(operations().length).toBeGreaterThan(100);
  });

  it('gives every operation a success schema, error answers and request schemas, with examples', () => {
    const failures: string[] = [];
    for (const { name, op } of operations()) {
      const statuses = Object.keys(op.responses);
      const success = statuses.filter((s) => s.startsWith('2'));
      if (success.length === 0) failures.push(`${name}: no 2xx answer`);
      for (const status of success) {
        if (status === '204') continue;
        const content = Object.entries(op.responses[status].content ?? {});
        if (content.length === 0) failures.push(`${name}: ${status} has no schema`);
        for (const [type, media] of content) {
          if (!media.schema) failures.push(`${name}: ${status} ${type} has no schema`);
          if (type === 'application/json' && media.example === undefined)
            failures.push(`${name}: ${status} has no example`);
        }
      }
      const errors = statuses.filter((s) => /^[45]/.test(s));
      if (!errors.some((s) => s.startsWith('4') || s === '500'))
        failures.push(`${name}: no error answer`);
      for (const status of errors) {
        const media = op.responses[status].content?.['application/problem+json'];
        if (media?.schema?.$ref !== '#/components/schemas/Problem')
          failures.push(`${name}: ${status} is not a problem details answer`);
        if (!media?.examples || Object.keys(media.examples).length === 0)
          failures.push(`${name}: ${status} has no example`);
      }
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
        if (!media.schema) failures.push(`${name}: ${type} body has no schema`);
        if (type === 'application/json' && media.example === undefined)
          failures.push(`${name}: body has no example`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('gives examples that fit their schemas', () => {
    const failures: string[] = [];
    for (const { name, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses))
        for (const media of Object.values(response.content ?? {})) {
          if (media.example !== undefined) {
            const problem = mismatch(media.example, media.schema, 'answer');
            if (problem) failures.push(`${name} ${status}: ${problem}`);
          }
          for (const example of Object.values(media.examples ?? {})) {
            const ref = (example as { $ref?: string }).$ref;
            const value = ref
              ? doc.components.examples[ref.replace('#/components/examples/', '')]?.value
              : (example as { value: unknown }).value;
            const problem = mismatch(value, media.schema, 'problem');
            if (problem) failures.push(`${name} ${status}: ${problem}`);
          }
        }
      const body = op.requestBody?.content['application/json'];
      if (body?.example !== undefined) {
        const problem = mismatch(body.example, body.schema, 'body');
        if (problem) failures.push(`${name}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('gives every request field a type (a `string | null` field is not an object)', () => {
    // Nest reads a DTO field's type from its design type, which is Object for `string | null`.
    const dtos = Object.entries(doc.components.schemas).filter(([name]) => name.endsWith('Dto'));
    const shapeless = dtos.flatMap(([name, schema]) =>
      Object.entries((schema.properties ?? {}) as Record<string, Schema>)
        .filter(
          ([, p]) => p.type === 'object' && !p.properties && p.additionalProperties === undefined,
        )
        .map(([property]) => `${name}.${property}`),
    );
    expect(shapeless).toEqual([]);
  });

  it('resolves every reference', () => {
    const dangling = new Set<string>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(value) ?? [];
          const components = doc.components as unknown as Record<string, Record<string, unknown>>;
          if (!section || !components[section]?.[name]) dangling.add(value);
        } else visit(value);
      }
    };
    visit(doc);
    expect([...dangling]).toEqual([]);
  });

  it('documents Idempotency-Key on every authenticated creating POST', () => {
    const missing = operations()
      .filter(({ method, op }) => method === 'post' && op.responses['201'])
      .filter(({ op }) => (op as { security?: unknown[] }).security?.length !== 0)
      .filter(
        ({ op }) => !op.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
      )
      .map(({ name }) => name);
    expect(missing).toEqual([]);
  });

  it('pages every list by cursor, or says why it is answered whole', () => {
    const failures: string[] = [];
    for (const { name, op } of operations()) {
      const success = Object.entries(op.responses).find(([s]) => s.startsWith('2'))?.[1];
      const schema = resolve(success?.content?.['application/json']?.schema);
      const properties = (schema?.properties ?? {}) as Record<string, Schema>;
      if (properties.items?.type !== 'array') continue;
      if (properties.nextCursor) {
        if (!op.parameters?.some((p) => p.in === 'query' && p.name === 'cursor'))
          failures.push(`${name}: answers nextCursor but takes no cursor`);
      } else if (!op.description?.includes('Not paginated:')) {
        failures.push(`${name}: a list without nextCursor and without a reason`);
      }
    }
    expect(failures).toEqual([]);
  });
});
